"""Reads other pages make of consultations: the home page's open ones, a policy's link."""

from django.db.models import Case, IntegerField, When
from django.utils import timezone

from consultations.models import ConsultationPage
from home.queries import public


def open_consultations(index_page, limit=3):
    """Open consultations under the index, closing soonest first."""
    now = timezone.now()
    return list(
        public(ConsultationPage.objects.child_of(index_page).live())
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")[:limit]
    )


def next_change_among(index_page):
    """Seconds until a consultation under the index opens or closes, or None."""
    now = timezone.now()
    moments = (
        public(ConsultationPage.objects.child_of(index_page).live())
        .filter(closes_at__gt=now)
        .values_list("opens_at", "closes_at")
    )
    upcoming = [moment for pair in moments for moment in pair if moment > now]
    return (min(upcoming) - now).total_seconds() if upcoming else None


def open_consultation_about(page):
    """The open consultation that names `page` (in any language) as related, in its language."""
    now = timezone.now()
    return (
        public(ConsultationPage.objects.live())
        .filter(
            related_pages__page__translation_key=page.translation_key,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .annotate(
            same_language=Case(
                When(locale_id=page.locale_id, then=0), default=1, output_field=IntegerField()
            )
        )
        .order_by("same_language", "closes_at")
        .first()
    )
