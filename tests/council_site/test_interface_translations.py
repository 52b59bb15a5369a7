"""The interface catalogues keep promises a translator cannot see from one string alone."""

import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("verb", ["Show", "Hide"])
def test_an_accordion_buttons_spoken_label_starts_with_its_visible_word(language, verb):
    """WCAG 2.5.3 (label in name): the accordion button shows "Show" and is named "…, Show this
    section", so someone using speech input can say what they see. In a language whose verb
    comes last (Bengali, Urdu) the spoken label must still start with the visible word."""
    with translation.override(language):
        visible = translation.gettext(verb)
        spoken = translation.gettext(f"{verb} this section")
    assert visible != verb, f"{verb!r} is not translated into {language}"
    assert spoken.startswith(visible), (language, visible, spoken)
