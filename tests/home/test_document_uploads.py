"""Editors' document uploads: content must match the extension, and a refusal says one thing."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODS = _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


def upload(client, name, data):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    response = client.post("/admin/documents/multiple/add/", {"files[]": file})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def signed_in(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("plan.docx", DOCX),
        ("budget.ods", ODS),
        ("budget.xls", XLS),
        ("venues.csv", "name,postcode\nHill Street library,CR0 1AB\nŁódź hall,CR0 2AB\n".encode()),
        ("notes.txt", b"\xef\xbb\xbfMeeting notes\r\n"),
    ],
)
def test_documents_whose_content_matches_their_name_are_stored(signed_in, name, data):
    result = upload(signed_in, name, data)

    assert result["success"] is True, result
    assert get_document_model().objects.get().file.name.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("minutes.pdf", HTML, "PDF"),
        ("plan.docx", _zip({"index.html": HTML}), "Word"),
        ("plan.docx", HTML, "Word"),
        ("budget.ods", DOCX, "OpenDocument spreadsheet"),
        ("budget.xls", b"MZ\x90\x00" + b"\x00" * 600, "Excel"),
        ("venues.csv", b"  <html><body>Click</body></html>", "CSV"),
        ("notes.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "plain text"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused_clearly(
    signed_in, name, data, kind
):
    result = upload(signed_in, name, data)

    assert result["success"] is False
    assert f"This file is not a {kind} document" in str(result)
    assert not get_document_model().objects.exists()


def test_a_file_too_big_gets_the_size_error_alone(signed_in, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10

    result = upload(signed_in, "minutes.pdf", b"%PDF-1.4 " + b"x" * 100)

    assert result["success"] is False
    text = str(result)
    assert "too big" in text
    assert "extension" not in text.lower()
    assert not get_document_model().objects.exists()
