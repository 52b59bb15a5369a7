"""'Report this': put an idea or comment back in front of a moderator, hiding it if many ask."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search import index

from consultations.models import AbuseReport, Comment, Idea, ModerationStatus
from foundation.page_cache import invalidate

logger = logging.getLogger(__name__)


def report_item(item, *, reason, details, reporter):
    """Store one visitor's report of `item` (an Idea or Comment). True when it is new.

    After settings.CONSULTATIONS_HIDE_AFTER_REPORTS reports from different visitors a published
    item is hidden until a moderator decides: young people read these boards.
    """
    target = {"idea": item} if isinstance(item, Idea) else {"comment": item}
    model = type(item)
    try:
        with transaction.atomic():
            AbuseReport.objects.create(reason=reason, details=details, reporter=reporter, **target)
            model.objects.filter(pk=item.pk).update(report_count=F("report_count") + 1)
            hidden = _hide_if_reported_enough(model, item)
    except IntegrityError:
        return False
    if hidden:
        invalidate()
    return True


def _hide_if_reported_enough(model, item):
    limit = getattr(settings, "CONSULTATIONS_HIDE_AFTER_REPORTS", 3)
    if not limit:
        return False
    hidden = model.objects.filter(
        pk=item.pk, status=ModerationStatus.PUBLISHED, report_count__gte=limit
    ).update(
        status=ModerationStatus.HIDDEN,
        moderation_note=f"Hidden automatically after {limit} reports ({timezone.now():%Y-%m-%d}).",
    )
    if hidden and model is Comment:
        Idea.objects.filter(pk=item.idea_id).recount_comments()
    if hidden and model is Idea:
        # .update() sends no save signal: take the hidden idea out of the search index here.
        index.remove_object(item)
    if hidden:
        logger.info("Consultation %s %s hidden after %s reports", model.__name__, item.pk, limit)
    return bool(hidden)
