"""A consultation's status, worked out from its dates."""

from django.utils import timezone

from .choices import ConsultationStatus


def status_between(opens_at, closes_at, now=None):
    """Upcoming, open or closed at `now`: worked out from the dates, so no job has to run."""
    now = now or timezone.now()
    if opens_at and now < opens_at:
        return ConsultationStatus.UPCOMING
    if closes_at and now >= closes_at:
        return ConsultationStatus.CLOSED
    return ConsultationStatus.OPEN
