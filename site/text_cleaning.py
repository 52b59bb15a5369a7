"""Clean what residents type: keep their words, drop what could hide or break them."""

import re
import unicodedata

# Control characters people paste by accident (a NUL byte would be refused by PostgreSQL) and
# the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) that can make text
# read differently from what is stored. Line breaks and tabs stay.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(value):
    """The text with stray control characters removed, Unicode normalised and ends trimmed."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = _UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def clean_line(value):
    """One line of text: as clean_text, with line breaks and runs of spaces made single spaces."""
    return " ".join(clean_text(value).split())
