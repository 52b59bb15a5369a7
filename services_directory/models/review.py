"""When a listing is due for review: one rule for the admin's report, counts and page column."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How far ahead of its review date a listing appears in the "due for review" report.
REVIEW_WARNING_DAYS = 30


def review_interval_days():
    return getattr(settings, "DIRECTORY_REVIEW_INTERVAL_DAYS", 365)


class ReviewState(models.TextChoices):
    OVERDUE = "overdue", _("Overdue for review")
    DUE_SOON = "due_soon", _("Due for review within 30 days")
    UP_TO_DATE = "up_to_date", _("Checked recently")


def review_cutoffs(today=None):
    """(overdue, due soon): a listing last checked on or before the first date is overdue, on
    or before the second due within REVIEW_WARNING_DAYS; one never checked is overdue."""
    today = today or timezone.localdate()
    overdue = today - datetime.timedelta(days=review_interval_days())
    return overdue, overdue + datetime.timedelta(days=REVIEW_WARNING_DAYS)


def review_state_of(last_checked, today=None):
    overdue, due_soon = review_cutoffs(today)
    if last_checked is None or last_checked <= overdue:
        return ReviewState.OVERDUE
    if last_checked <= due_soon:
        return ReviewState.DUE_SOON
    return ReviewState.UP_TO_DATE
