"""The demo consultations' dates, in the council's time zone."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def uk_time(day, time_text):
    """An aware datetime for a date (or ISO date text) and "HH:MM" in the council's time zone."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(
        day, datetime.time.fromisoformat(time_text), tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def open_period(now):
    """Opens at the start of last month, closes at the end of the month six months on.

    The same all month, so loading the demo again in the same month changes nothing.
    """
    this_month = timezone.localtime(now).date().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    years, month = divmod(this_month.month - 1 + 7, 12)
    seventh_month_on = datetime.date(this_month.year + years, month + 1, 1)
    return (
        uk_time(last_month, "09:00"),
        uk_time(seventh_month_on - datetime.timedelta(days=1), "23:59"),
    )


def event_day(closes_at, weeks_before_close):
    """The Saturday (or the one before) that many weeks before the consultation closes."""
    day = timezone.localtime(closes_at).date() - datetime.timedelta(weeks=weeks_before_close)
    return day - datetime.timedelta(days=(day.weekday() - 5) % 7)
