"""A feed's language, as one of the languages the site lists (``ServiceLanguage.code`` choices).

HSDS gives ``language.code`` as ISO 639-1 or ISO 639-3, and feeds also send ISO 639-2 (including
its bibliographic codes, ``rum`` and ``per``), BCP 47 tags (``pt-BR``), or only a ``name``. The site
stores the code of its own list (ISO 639-1 where there is one), because pages show the name of that
code and the directory filters by it: a row holding ``pol`` would read "pol" and never match Polish.

No ISO 639 library is installed, so the table below covers the site's own languages only: for
each, its ISO 639-2/T, 639-2/B and 639-3 codes, and the individual languages of a macrolanguage
where a feed is likely to name one (Standard Arabic ``arb`` is Arabic, Kurmanji ``kmr`` is Kurdish).
Codes from the ISO 639-2 Registration Authority's list and SIL's ISO 639-3 code tables. A language
outside the site's list cannot be shown or filtered; the importer leaves it out with a warning.
"""

from django.utils.translation import override

from services_directory.models import LANGUAGE_NAMES

# Our code -> the other codes that mean it.
OTHER_CODES = {
    "en": ("eng",),
    "sq": ("sqi", "alb", "aln", "als"),
    "am": ("amh",),
    "ar": ("ara", "arb", "arz", "apc", "ajp", "ary", "acm", "afb", "ayl", "apd"),
    "bn": ("ben",),
    "bfi": ("sgn-gb",),
    "bg": ("bul",),
    "yue": ("zh-yue",),
    "zh": ("zho", "chi"),
    "cs": ("ces", "cze"),
    "prs": ("fa-af",),
    "nl": ("nld", "dut"),
    "fa": ("fas", "per", "pes"),
    "fr": ("fra", "fre"),
    "de": ("deu", "ger"),
    "el": ("ell", "gre"),
    "gu": ("guj",),
    "he": ("heb", "iw"),
    "hi": ("hin",),
    "hu": ("hun",),
    "ig": ("ibo",),
    "it": ("ita",),
    "ja": ("jpn",),
    "ku": ("kur", "kmr", "ckb", "sdh"),
    "lv": ("lav", "lvs"),
    "lt": ("lit",),
    "ml": ("mal",),
    "cmn": ("zh-cmn",),
    "ne": ("nep", "npi"),
    "ps": ("pus", "pbu", "pst", "pbt"),
    "pl": ("pol",),
    "pt": ("por",),
    # Western Punjabi (Shahmukhi script) is a language of its own in ISO 639-3, but families and
    # services call both Punjabi, and the site lists one.
    "pa": ("pan", "pnb"),
    "ro": ("ron", "rum", "mo", "mol"),
    "ru": ("rus",),
    "sk": ("slk", "slo"),
    "so": ("som",),
    "es": ("spa",),
    "sw": ("swa", "swh"),
    "ta": ("tam",),
    "te": ("tel",),
    "ti": ("tir",),
    # Filipino is standardised Tagalog; the site lists it as Tagalog.
    "tl": ("tgl", "fil"),
    "tr": ("tur",),
    "tw": ("twi",),
    "uk": ("ukr",),
    "ur": ("urd",),
    "vi": ("vie",),
    "cy": ("cym", "wel"),
    "yo": ("yor",),
}
# Other English names feeds use for our languages.
OTHER_NAMES = {
    "bfi": ("bsl", "sign language", "british sign language (bsl)"),
    "bn": ("bangla",),
    "cmn": ("mandarin chinese",),
    "fa": ("farsi",),
    "ku": ("kurmanji", "sorani"),
    "pa": ("panjabi",),
    "ro": ("moldovan", "moldavian"),
    "tl": ("filipino",),
    "yue": ("cantonese chinese",),
}

_CODES = {code: code for code in LANGUAGE_NAMES}
_CODES.update({other: code for code, others in OTHER_CODES.items() for other in others})
with override("en"):
    _NAMES = {str(name).lower(): code for code, name in LANGUAGE_NAMES.items()}
_NAMES.update({other: code for code, others in OTHER_NAMES.items() for other in others})


def _code(text):
    text = text.strip().lower().replace("_", "-")
    if not text:
        return None
    if text in _CODES:
        return _CODES[text]
    # A BCP 47 tag: the language is its first part ("pt-BR", "ar-Latn").
    return _CODES.get(text.split("-", 1)[0])


def _name(text):
    text = " ".join(text.lower().split())
    if text in _NAMES:
        return _NAMES[text]
    # "Polish language", "Punjabi (Gurmukhi)": the language's name is the first words.
    text = text.removesuffix(" language").split(" (", 1)[0].strip()
    return _NAMES.get(text)


def site_language(code, name):
    """The site's code for a feed's language code and name, or None if the site has no such one.

    The code decides when we know it; otherwise the name, which may itself be a code (ORUK v1
    feeds give one field that holds either).
    """
    code, name = str(code or ""), str(name or "")
    return _code(code) or _name(name) or _code(name)


def english_name(code):
    with override("en"):
        return str(LANGUAGE_NAMES[code])
