"""Template tags that bring consultations into other pages, and dates as HTML wants them."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from consultations import languages
from consultations.figures import closing_figures
from consultations.models import ConsultationPage
from consultations.queries import next_change_among, open_consultation_about, open_consultations
from foundation.idempotency import new_token
from foundation.memo import remember

register = template.Library()


@register.simple_tag
def new_submission_token():
    """A fresh token for a small form (the support button): sent twice, it counts once."""
    return new_token()


@register.filter
def iso_datetime(value):
    """A date-time for <time datetime>: UK time, whole seconds (the Nu checker allows three
    decimals at most)."""
    if not value:
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).isoformat(timespec="seconds")


def _open_consultations_now(home_page):
    """(the slot's contents, when they next change or None), from the database."""
    index = home_page.consultations_page
    if index is None:
        return {"index": None, "consultations": []}, None
    index = index.localized
    if not index.live:
        return {"index": None, "consultations": []}, None
    seconds = next_change_among(index)
    until = timezone.now() + timedelta(seconds=seconds) if seconds is not None else None
    return {"index": index, "consultations": open_consultations(index)}, until


def _kept_open_consultations(request, home_page):
    """_open_consultations_now, kept in the memo until an editor saves something or a
    consultation opens or closes (four of the home page's queries, on every view)."""
    key = ("open-consultations", home_page.pk, get_language())
    while True:
        found, until = remember(request, key, lambda: _open_consultations_now(home_page))
        if until is None or timezone.now() < until:
            return found, until
        key = (*key, until)  # changed since it was kept: kept afresh, once per change


@register.simple_tag(takes_context=True)
def open_consultations_on(context, home_page):
    """The home page's open-consultations slot: open ones under its consultations page."""
    request = context.get("request")
    if request is None:
        return _open_consultations_now(home_page)[0]
    found, until = _kept_open_consultations(request, home_page)
    if until is not None:
        seconds = max((until - timezone.now()).total_seconds(), 0)
        current = getattr(request, "page_cache_max_seconds", None)
        request.page_cache_max_seconds = seconds if current is None else min(current, seconds)
    return found


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


@register.filter
def language_name(code):
    """A language code as its name in the reader's language ("pl" -> "Polish")."""
    return languages.language_name(str(code or ""))
