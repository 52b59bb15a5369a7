"""Template tags that bring consultations into other pages, and dates as HTML wants them."""

from django import template
from django.utils import timezone

from consultations.figures import closing_figures
from consultations.models import ConsultationPage
from consultations.queries import next_change_among, open_consultation_about, open_consultations

register = template.Library()


@register.filter
def iso_datetime(value):
    """A date-time for <time datetime>: UK time, whole seconds (the Nu checker allows three
    decimals at most)."""
    if not value:
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.simple_tag(takes_context=True)
def open_consultations_on(context, home_page):
    """The home page's open-consultations slot: open ones under its consultations page."""
    index = home_page.consultations_page
    if index is None:
        return {"index": None, "consultations": []}
    index = index.localized
    if not index.live:
        return {"index": None, "consultations": []}
    request = context.get("request")
    seconds = next_change_among(index)
    if request is not None and seconds is not None:
        current = getattr(request, "page_cache_max_seconds", None)
        request.page_cache_max_seconds = seconds if current is None else min(current, seconds)
    return {"index": index, "consultations": open_consultations(index)}


@register.simple_tag
def comment_target(policy, comment_page=None):
    """Where a policy's "Comment on this policy" leads: the open consultation about it; else a
    plain page an editor chose; else nowhere (the page offers email instead). A consultation
    chosen by hand that has closed or not yet opened is not offered."""
    consultation = open_consultation_about(policy)
    if consultation is not None:
        return consultation
    if comment_page is not None and not issubclass(
        comment_page.specific_class or object, ConsultationPage
    ):
        return comment_page
    return None


@register.simple_tag
def closing_summary(consultation):
    """'You said, we did' and the moderation figures for a closed consultation's page."""
    return closing_figures(consultation)
