"""The language a resident wrote an idea or comment in: chosen on the form, or worked out.

Residents may write in any language, not only those the site is published in: the form offers
the site's languages first and then every other language Django knows, each named in the
reader's language. A form sent without a choice (an old page, a script) gets the language its
script shows, or the page's.
"""

import unicodedata
from collections import Counter

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, get_language_info

# The first word of a character's Unicode name, for scripts that name one language or a few.
# A script shared by several of the site's languages goes to the one listed first that the
# reader is using, else the first: Arabic script is Arabic unless the page is Urdu or Persian.
SCRIPT_LANGUAGES = {
    "ARABIC": ("ar", "ur", "fa", "ps"),
    "BENGALI": ("bn",),
    "GURMUKHI": ("pa",),
    "GUJARATI": ("gu",),
    "ETHIOPIC": ("ti",),
    "CYRILLIC": ("uk", "ru", "bg"),
    "GREEK": ("el",),
    "HEBREW": ("he",),
    "DEVANAGARI": ("hi", "ne"),
    "TAMIL": ("ta",),
    "HANGUL": ("ko",),
    "CJK": ("zh-hans",),
    "THAI": ("th",),
}


def known(code):
    """Whether `code` is a language Django can name (and so a form may accept)."""
    return bool(code) and code in LANG_INFO and "name" in LANG_INFO[code]


def site_language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in the reader's language, such as "Polish" or "البولندية"."""
    if not known(code):
        return code or ""
    return get_language_info(code)["name_translated"]


def choice_label(code):
    """ "Polish (polski)": the name a reader knows, and the name a writer of it would look for."""
    name = language_name(code)
    local = LANG_INFO[code].get("name_local", "")
    return f"{name} ({local})" if local and local.casefold() != name.casefold() else name


def language_choices():
    """(code, label) for the form's select: the site's languages, then every other, by name."""
    site = site_language_codes()
    others = sorted(
        (code for code, info in LANG_INFO.items() if "name" in info and code not in site),
        key=lambda code: language_name(code).casefold(),
    )
    # Django lists some languages twice (zh-hans and zh-cn): keep one code per name.
    seen, choices = set(), []
    for code in [*site, *others]:
        name = language_name(code)
        if name not in seen:
            seen.add(name)
            choices.append((code, choice_label(code)))
    return choices


def page_language():
    """The language of the page the form is on: the active one, as a site language code."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if known(code) else settings.LANGUAGE_CODE


def detect_language(text, default):
    """The language `text` is most likely in, from its script; `default` for Latin script.

    Latin script is shared by too many languages to tell apart by letters alone, so it keeps
    the page's language (a Polish page's ideas are Polish unless the resident says otherwise).
    """
    scripts = Counter()
    for char in str(text or ""):
        if char.isalpha():
            scripts[unicodedata.name(char, "").split(" ", 1)[0]] += 1
    if not scripts:
        return default
    script, _count = scripts.most_common(1)[0]
    candidates = SCRIPT_LANGUAGES.get(script)
    if not candidates:
        return default
    return default if default in candidates else candidates[0]
