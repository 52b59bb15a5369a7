"""Media on an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME): what one server uploads, another
serves; documents still go through Wagtail's serve view with its headers, and private documents
stay private. The bucket is moto's S3 server on a free port, spoken to over HTTP."""

import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.multi_server.conftest import BUCKET, boto_keys

ROOT = Path(__file__).resolve().parents[2]


def s3_storages(url):
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": url,
        "region_name": "eu-west-2",
        "access_key": "testing",
        "secret_key": "testing",
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "querystring_auth": False},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def on_s3(settings, s3_server):
    settings.STORAGES = s3_storages(s3_server)
    settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Django's setting_changed handler makes default_storage read STORAGES again.
    return s3_server


def bucket_keys(url):
    client = boto3.client("s3", endpoint_url=url, region_name="eu-west-2", **boto_keys())
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.mark.django_db
def test_a_document_is_stored_in_the_bucket_and_served_with_the_usual_headers(client, on_s3):
    document = get_document_model().objects.create(
        title="Short breaks statement",
        file=ContentFile(b"%PDF-1.4 short breaks", name="short-breaks.pdf"),
    )
    assert f"documents/{Path(document.file.name).name}" in bucket_keys(on_s3)
    response = client.get(document.url)
    assert response.status_code == 200, "streamed by the serve view, not a redirect"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 short breaks"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline"), "PDFs open in the browser"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_a_private_document_stays_private_and_the_bucket_does_not_give_it_away(client, on_s3):
    import requests

    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Case notes template",
        file=ContentFile(b"private words", name="case-notes.txt"),
        collection=collection,
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    unsigned = f"{on_s3}/{BUCKET}/{document.file.name}"
    assert requests.get(unsigned, timeout=10).status_code == 403, "no public object ACL"


def test_the_bucket_setting_switches_images_documents_and_renditions_to_s3():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_site.settings.dev",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": "https://objects.example.gov.uk",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.gov.uk",
    }
    script = (
        "from django.conf import settings as s;"
        "print(s.STORAGES['default']['BACKEND']);"
        "print(s.STORAGES['default']['OPTIONS']['querystring_auth']);"
        "print(s.STORAGES['renditions']['OPTIONS']['querystring_auth']);"
        "print(s.WAGTAILIMAGES_RENDITION_STORAGE, s.WAGTAILDOCS_SERVE_METHOD);"
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()
    assert out[:4] == ["storages.backends.s3.S3Storage", "True", "False", "renditions serve_view"]
    assert "https://media.example.gov.uk" in out[4]
    local = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.conf import settings as s; print(s.STORAGES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={**env, "AWS_STORAGE_BUCKET_NAME": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert local == "django.core.files.storage.FileSystemStorage"
