"""Template helpers for the directory's pages."""

from django import template

from services_directory.search.opening import format_time

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
