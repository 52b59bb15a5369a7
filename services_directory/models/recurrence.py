"""ORUK ``schedule`` recurrence rules (after RFC 5545): weekday codes, ``byday`` and cycles.

Where a date falls in the cycles of a schedule is worked out here once, for Python (the service
page's "next opening") and for SQL (the directory's filters), so the two always agree.
"""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# RFC 5545 weekday codes in Python's weekday order (Monday is 0), as ORUK's ``byday`` uses them.
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
# A MONTHLY rule may put an occurrence before the day: "1MO" is the first Monday, "-1FR" the last
# Friday.
_BYDAY_PART_RE = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", _("Every week")
    MONTHLY = "MONTHLY", _("Every month")


def parse_byday_rules(value):
    """(weekday, occurrence) pairs of an ORUK ``byday`` value: "1WE,-1FR" is [(2, 1), (4, -1)].

    The occurrence is None for a plain day code (every one of those weekdays).
    """
    rules = set()
    for part in (value or "").upper().replace(" ", "").split(","):
        match = _BYDAY_PART_RE.match(part)
        if match:
            rules.add((WEEKDAY_CODES.index(match[2]), int(match[1]) if match[1] else None))
    return sorted(rules, key=lambda rule: (rule[0], rule[1] or 0))


def parse_byday(value):
    """The weekday numbers (Monday 0) in an ORUK ``byday`` value, ignoring occurrence prefixes."""
    return sorted({weekday for weekday, _occurrence in parse_byday_rules(value)})


def validate_byday(value):
    parts = [part for part in (value or "").upper().replace(" ", "").split(",") if part]
    if any(not _BYDAY_PART_RE.match(part) for part in parts):
        raise ValidationError(
            _("Use two-letter day codes separated by commas, for example MO,WE,FR."),
            code="invalid_byday",
        )


def week_number(day):
    """Weeks since Monday 1 January of year 1 (ordinal 1): the same for every day of one
    Monday-to-Sunday week, as RFC 5545 counts weeks by default (WKST=MO)."""
    return (day.toordinal() - 1) // 7


def month_number(day):
    return day.year * 12 + day.month - 1


def weekday_occurrences(day):
    """(n, -m): `day` is the nth of its weekday in its month, and the mth counting from the end.

    Wednesday 1 July 2026 is (1, -5): the first Wednesday, and the fifth from last.
    """
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return (day.day - 1) // 7 + 1, -((days_in_month - day.day) // 7 + 1)


def coming_date(weekday, today=None):
    """The next date that is `weekday` (Monday 0), today included."""
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)
