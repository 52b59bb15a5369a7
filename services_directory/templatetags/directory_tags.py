"""Template helpers for the directory's pages."""

from django import template
from django.utils.html import format_html

from services_directory.finder.opening import format_time
from services_directory.finder.text import as_written as _as_written
from services_directory.finder.written_in import text_direction

register = template.Library()


@register.filter
def clock(value):
    """A time as the directory writes it: 9:30, 17:00."""
    return format_time(value) if value else ""


@register.filter
def tel_href(number):
    """A phone number as a tel: link target (digits and a leading plus only)."""
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    return f"tel:{digits}"


@register.filter
def web_url(value):
    """The address if it is a web link: an imported listing must never carry a javascript: link."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else ""


@register.filter
def text_dir(language):
    """The `dir` for text in `language` ("rtl" or "ltr"), beside its `lang` (issue 10)."""
    return text_direction(language)


@register.filter
def in_language(value, language):
    """value isolated and marked as written in `language`, inside a sentence in the reader's
    (an English organisation's name in "Prowadzone przez …"); unchanged when language is ""."""
    if not language:
        return value
    return format_html(
        '<bdi lang="{}" dir="{}">{}</bdi>', language, text_direction(language), value
    )


@register.filter
def as_written(value):
    """An editor's words that translations copy as they are (a session's or a phone line's
    description, a place's note): marked as English on a page in another language."""
    return _as_written(value)
