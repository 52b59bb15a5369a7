"""Uploaded documents' content checked against their extension.

Wagtail checks only the name (WAGTAILDOCS_EXTENSIONS): an HTML page renamed "minutes.pdf" was
accepted. Documents are served with their extension's type and `nosniff`, so such a file could
not run in a reader's browser, but a reader who opens a "PDF" and gets a web page has been
misled. So the first bytes must be what the name says: PDF's header, Office's and OpenDocument's
zip packages with the parts that make them a document, the old Office compound file, or for
.txt and .csv text that is neither a binary format nor markup.
"""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 8192

KINDS = {
    "pdf": _("PDF"),
    "docx": _("Word"),
    "doc": _("Word"),
    "odt": _("OpenDocument text"),
    "xlsx": _("Excel"),
    "xls": _("Excel"),
    "ods": _("OpenDocument spreadsheet"),
    "pptx": _("PowerPoint"),
    "csv": _("CSV"),
    "txt": _("plain text"),
}
# Office Open XML: a zip package whose parts live in this folder.
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# Word 97-2003 and Excel 97-2003: Microsoft's compound file.
COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The start of a web page, an image or script a browser would render rather than show as text.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")

NOT_WHAT_IT_SAYS = _(
    "This file is not a %(kind)s document, although its name ends in .%(extension)s. "
    "Check you chose the right file, or save it again as %(kind)s and upload that."
)


def _head(file):
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def _is_pdf(file, head):
    # Readers accept a PDF whose header comes a little after the start, as some tools write it.
    return b"%PDF-" in head[:1024]


def _is_ooxml(file, head, extension):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(0)
    folder = OOXML_FOLDERS[extension]
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def _is_odf(file, head, extension):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            mimetype = package.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        file.seek(0)
    return mimetype == ODF_TYPES[extension]


def _is_text(file, head):
    if b"\x00" in head or filetype.guess(head) is not None:
        return False  # a binary format: an executable, an archive, an image…
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(MARKUP_STARTS)


def check_document_content(file, extension):
    """Raise ValidationError when `file`'s bytes are not the kind its `extension` names."""
    extension = (extension or "").lower()
    if extension not in KINDS:
        return  # Wagtail's extension allow-list refuses it with its own message
    head = _head(file)
    if extension == "pdf":
        ok = _is_pdf(file, head)
    elif extension in OOXML_FOLDERS:
        ok = head.startswith(b"PK") and _is_ooxml(file, head, extension)
    elif extension in ODF_TYPES:
        ok = head.startswith(b"PK") and _is_odf(file, head, extension)
    elif extension in ("doc", "xls"):
        ok = head.startswith(COMPOUND_FILE)
    else:
        ok = _is_text(file, head)
    if not ok:
        raise ValidationError(
            NOT_WHAT_IT_SAYS,
            code="content_does_not_match_extension",
            params={"kind": KINDS[extension], "extension": extension},
        )
