"""The form a query is counted in: lower case, single spaces, and never a person's details.

Families sometimes type their own email address, phone number or postcode into a search box.
The report keeps counts, not people, so such a query is counted as PERSONAL_DETAILS instead of
its words. The patterns lean towards removing: a query wrongly removed costs one line of the
report; a phone number kept would be personal data held for a year.
"""

import re
import unicodedata

from search.backends import clean_query
from search.models.insight import MAX_QUERY_LENGTH

PERSONAL_DETAILS = "[personal details removed]"

_PERSONAL = [
    # An email address, even a half-typed one ("jo.bloggs@gmail").
    re.compile(r"[^\s@]+@[^\s@]+"),
    # Ten or more digits in one run, with spaces, dots, dashes or brackets between: UK phone
    # numbers (10-11 digits, 12 with 44), NHS numbers (10), bank details.
    re.compile(r"\d(?:[\s().\-/]*\d){9,}"),
    # A full UK postcode ("NW1 6XE", "nw16xe"); a district alone ("NW1") says where, not who.
    re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2}\b"),
    # A National Insurance number ("QQ 12 34 56 C").
    re.compile(r"\b[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b"),
]
# What is checked of the raw text: enough for any pattern, bounded for very long input.
_RAW_CHECKED = 2000


def normalise_query(text):
    """The query as the report counts it: cleaned as search cleans it, lower case, ≤200 chars."""
    return clean_query(text).lower()[:MAX_QUERY_LENGTH].strip()


def _flat(text):
    """NFKC, with control and format characters as spaces (a NUL must not split a number)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def looks_personal(text):
    text = (text or "").lower()
    return any(pattern.search(text) for pattern in _PERSONAL)


def recorded_query(text):
    """What is stored for a query: its normal form, the placeholder, or '' for nothing."""
    if not isinstance(text, str):
        return ""
    query = normalise_query(text)
    if not query:
        return ""
    # The raw text too: cleaning or cutting at 200 characters could split an address in two.
    if looks_personal(query) or looks_personal(_flat(text[:_RAW_CHECKED])):
        return PERSONAL_DETAILS
    return query
