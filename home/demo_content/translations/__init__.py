"""The demo content's translations: one gettext catalogue per language, `<code>.po` here.

Each entry's msgid is the exact English text of one wagtail-localize string segment (a page's
title, a paragraph, a category's name), its msgstr the translation. `load_demo_content` imports
them as wagtail-localize string translations, so editors see and change them in its editor.
They were drafted for the demo and need a native speaker's review before a council relies on
them (docs/translation.md). An entry left empty, or missing, stays in English.
"""

import functools
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent


def catalogue_path(language_code):
    return HERE / f"{language_code}.po"


@functools.cache
def catalogue(language_code):
    """{English text: translation} for language_code; empty when there is no catalogue.

    Fuzzy and obsolete entries are left out: gettext's own tools would not use them either.
    """
    path = catalogue_path(language_code)
    if not path.is_file():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path), wrapwidth=0)
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }
