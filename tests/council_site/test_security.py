"""Hardening: admin sign-in throttle, Content-Security-Policy, security headers, uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def _bad_sign_in(client):
    return client.post("/admin/login/", {"username": "admin", "password": "wrong"})


def test_admin_sign_in_is_throttled_after_repeated_failures(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _bad_sign_in(client).status_code == 200
    response = _bad_sign_in(client)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    # Even the right password is refused while locked out.
    response = client.post("/admin/login/", {"username": "admin", "password": "pw-admin-1"})
    assert response.status_code == 429


def test_admin_sign_in_works_with_the_right_password(client, superuser):
    response = client.post("/admin/login/", {"username": "admin", "password": "pw-admin-1"})
    assert response.status_code == 302


def test_public_pages_send_a_strict_content_security_policy_without_a_nonce(client, home_page):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    # GOV.UK Frontend's js-enabled script, the only inline one, is allowed by its hash
    # (tests/council_site/test_csp_hash.py), so every reader gets the same bytes.
    assert "'nonce-" not in policy
    html = response.content.decode()
    assert "nonce=" not in html
    assert html.count("<script>") == 1
    assert " style=" not in html


def test_security_headers_are_set(client, home_page):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_no_tracking_cookies_are_set_for_readers(client, home_page):
    response = client.get("/en/")
    assert not response.cookies


def test_document_uploads_refuse_types_outside_the_allow_list(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile(
        "payload.exe", b"MZ\x90\x00", content_type="application/octet-stream"
    )
    response = client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_document_uploads_refuse_files_over_the_size_limit(client, superuser, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    client.force_login(superuser)
    upload = SimpleUploadedFile(
        "minutes.pdf", b"%PDF-1.4 " + b"x" * 100, content_type="application/pdf"
    )
    response = client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.json()["success"] is False
    assert "too big" in str(response.json())
