"""Clean what residents type: keep their words, drop what could hide or break them."""

import re
import unicodedata

# Control characters people paste by accident (a NUL byte would be refused by PostgreSQL) and
# the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) that can make text
# read differently from what is stored. Line breaks and tabs stay.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES = re.compile(r"\n{3,}")
# The direction marks (LRM U+200E, RLM U+200F, Arabic letter mark U+061C) are how someone writing
# Arabic or Urdu keeps a full stop or a number on the right side, so they stay inside a line; at
# the start or end of a line they do nothing visible, and a run of them is one mark's work.
_MARKS = "\u200e\u200f\u061c"
_MARK_RUNS = re.compile(f"([{_MARKS}])[{_MARKS}]+")
_LEADING_MARK = re.compile(f"^([^\\S\\n]*)[{_MARKS}]", re.MULTILINE)
_TRAILING_MARK = re.compile(f"[{_MARKS}]([^\\S\\n]*)$", re.MULTILINE)


def clean_text(value):
    """The text with stray control characters removed, Unicode normalised and ends trimmed."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = _UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _MARK_RUNS.sub(r"\1", text)
    text = _TRAILING_MARK.sub(r"\1", _LEADING_MARK.sub(r"\1", text))
    return _BLANK_LINES.sub("\n\n", text).strip()


def clean_line(value):
    """One line of text: as clean_text, with line breaks and runs of spaces made single spaces."""
    return " ".join(clean_text(value).split())
