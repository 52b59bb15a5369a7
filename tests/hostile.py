"""Hostile and malformed values every public input is tested with."""

HOSTILE_VALUES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE wagtailcore_page; --",
    '"',
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "🙂" * 50,
    "x" * 5000,
    "%00",
    "../../etc/passwd",
    "1e309",
    "-1",
    "{{ 7*7 }}",
]
