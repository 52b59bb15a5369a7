"""Find safeguarding words and personal details in what residents post, for moderators.

Flags never decide anything on their own: they put an item at the top of the moderation queue
(and keep it out of post-moderation) with the matched words highlighted, so a moderator can
redact a phone number or pass a worry to the safeguarding team before anything is published.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Words and phrases that, in a young person's or a parent's post, may mean someone is at risk.
# Drawn from the signs in Working Together to Safeguard Children and common LSCP trigger lists.
# A space matches a space, a hyphen or nothing ("self harm", "self-harm", "selfharm"); a
# trailing "*" matches any word ending ("abus*": abuse, abused, abuser, abusive).
SAFEGUARDING_TERMS = [
    # Suicide and self-harm
    "suicid*",
    "kill myself",
    "killing myself",
    "end my life",
    "end it all",
    "want to die",
    "wanna die",
    "better off dead",
    "self harm*",
    "harm myself",
    "harming myself",
    "hurt myself",
    "hurting myself",
    "cut myself",
    "cutting myself",
    "overdos*",
    "hang myself",
    # Abuse and violence
    "abus*",
    "hurt me",
    "hurts me",
    "hurting me",
    "hit me",
    "hits me",
    "hitting me",
    "beat me",
    "beats me",
    "beaten",
    "kicked me",
    "touched me",
    "touches me",
    "touching me",
    "rape",
    "raped",
    "rapist",
    "sexual assault*",
    "sexually assault*",
    "molest*",
    "groom*",
    "paedophil*",
    "pedophil*",
    "domestic violence",
    "violent at home",
    "neglect*",
    "scared to go home",
    "afraid to go home",
    "not safe at home",
    "don't feel safe",
    "dont feel safe",
    "do not feel safe",
    "nobody feeds me",
    "locked in",
    "ran away from home",
    "run away from home",
    "running away from home",
    "kicked out",
    "sleeping rough",
    # Exploitation and harmful practices
    "exploit*",
    "county lines",
    "trafficked",
    "trafficking",
    "forced marriage",
    "forced to marry",
    "fgm",
    "female genital mutilation",
    "cutting ceremony",
    "radicalis*",
    "extremis*",
    "sexting",
    "send nudes",
    "nudes",
    # Weapons and threats
    "knife",
    "stab*",
    "gun",
    "kill you",
    "kill him",
    "kill her",
]

# Street words that are nearly always part of an address, whatever their case.
STREET_WORDS = [
    "Road",
    "Street",
    "Avenue",
    "Lane",
    "Drive",
    "Crescent",
    "Terrace",
    "Gardens",
    "Grove",
    "Mews",
    "Boulevard",
    "Estate",
]
# Street words that are also everyday words ("close by", "on the way"): counted only when
# written with a capital, as in "4 Mill Close".
CAPITALISED_STREET_WORDS = [
    "Close",
    "Way",
    "Place",
    "Court",
    "Square",
    "Hill",
    "Rise",
    "Walk",
    "Park",
    "Row",
    "Parade",
    "View",
    "Green",
    "St",
    "Rd",
    "Ave",
    "Dr",
]
SCHOOL_WORDS = ["School", "Academy", "Primary", "College", "Nursery", "Infants", "Juniors"]
# Capitalised words that start sentences rather than school names ("Our School").
_NOT_A_NAME = {"a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "at"}


def _term_pattern(term):
    """A safeguarding term as a regular expression, with flexible spaces and word endings."""
    stem, wildcard = (term[:-1], True) if term.endswith("*") else (term, False)
    words = [re.escape(word) for word in stem.split()]
    body = r"[\s\-]?".join(words)
    return r"\b" + body + (r"\w*" if wildcard else r"\b")


SAFEGUARDING = re.compile(
    "|".join(_term_pattern(term) for term in SAFEGUARDING_TERMS), re.IGNORECASE
)
# 07700 900123, 020 7946 0100, (020) 7946 0100, +44 7700 900123, +44 (0)20 7946 0100.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s\-()]{0,2}\d){8,9}(?!\d)"
)
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# A full postcode narrows an address to a few houses (the optional area field is a district).
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", re.IGNORECASE)
_STREET_NAME = r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Za-z][\w'\u2019\-]*\s+){1,3}"
STREET = re.compile(
    _STREET_NAME + r"(?i:" + "|".join(STREET_WORDS) + r")\b"
    "|" + _STREET_NAME + "(?:" + "|".join(CAPITALISED_STREET_WORDS) + r")\b"
)
SCHOOL = re.compile(
    r"\b(?:[A-Z][\w'\u2019.\-]*\s+){1,5}(?:" + "|".join(SCHOOL_WORDS) + r")\b(?:\s+School\b)?"
)
PATTERNS = [SAFEGUARDING, PHONE, EMAIL, POSTCODE, STREET, SCHOOL]


def _school_name(match):
    """The name without a leading "Our" or "The", or "" when nothing is left but the word."""
    words = match.split()
    while len(words) > 1 and words[0].lower() in _NOT_A_NAME:
        words.pop(0)
    return " ".join(words) if len(words) > 1 else ""


def _matches(text):
    found = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            value = match.group(0).strip()
            if pattern is SCHOOL:
                value = _school_name(value)
            if value:
                found.append((match.start(), value))
    return [value for _, value in sorted(found, key=lambda pair: pair[0])]


def flags_for(*texts):
    """The words and details in `texts` a moderator should look at before publishing.

    Returned in the order they appear, each once (compared without regard to case).
    """
    flags, seen = [], set()
    for text in texts:
        for value in _matches(str(text or "")):
            key = value.casefold()
            if key not in seen:
                seen.add(key)
                flags.append(value)
    return flags


def highlight(text, flags):
    """`text` escaped for HTML, with each flagged word or detail wrapped in <mark>."""
    text = str(text or "")
    terms = sorted({str(flag) for flag in flags or [] if str(flag).strip()}, key=len, reverse=True)
    if not terms:
        return SafeString(escape(text))
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece was escaped above
