"""Each weekday of each schedule as a row, and the ``Q`` objects that find the sessions running."""

import datetime

from django.db import models
from django.db.models import Case, ExpressionWrapper, F, Value, When
from django.db.models.lookups import Exact
from django.utils import timezone

from .holidays import SchoolHoliday
from .recurrence import (
    WEEKDAY_CODES,
    Frequency,
    month_number,
    parse_byday_rules,
    week_number,
    weekday_occurrences,
)
from .schedules import Schedule

EVENING_FROM = datetime.time(17, 30)


class OpeningSession(models.Model):
    """One weekday of one schedule row, kept in step with the published schedules.

    Derived data, rebuilt whenever a service is saved: filters such as "open on Saturday",
    "evenings" and "open now" become one indexed lookup instead of parsing ``byday`` text.
    A monthly or fortnightly row carries what places it on a date (``occurrence``, ``freq``,
    ``interval``, ``cycle_start``), read by ``runs_on_q`` in SQL and by the service page's
    "next opening" in Python.
    """

    service = models.ForeignKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="opening_sessions"
    )
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="sessions")
    weekday = models.PositiveSmallIntegerField()  # Monday 0 … Sunday 6, as Python's date.weekday()
    opens_at = models.TimeField(null=True)
    closes_at = models.TimeField(null=True)
    term_time_only = models.BooleanField(default=False)
    school_holidays_only = models.BooleanField(default=False)
    # The later of the schedule's valid_from and dtstart (its first session).
    valid_from = models.DateField(null=True)
    valid_to = models.DateField(null=True)
    # "1WE" is the first Wednesday of the month (occurrence 1), "-1FR" the last Friday (-1);
    # null for a plain "WE": every Wednesday.
    occurrence = models.SmallIntegerField(null=True)
    freq = models.CharField(max_length=7, choices=Frequency.choices, default=Frequency.WEEKLY)
    interval = models.PositiveSmallIntegerField(default=1)
    # week_number() (weekly) or month_number() (monthly) of the schedule's first session, so a
    # date is in the cycle when the difference divides by the interval; 0 with interval 1.
    # Null when a schedule every other week gives no first date: never open on a date.
    cycle_start = models.IntegerField(null=True, default=0)

    class Meta:
        indexes = [
            models.Index(fields=["weekday", "opens_at", "closes_at"], name="session_day_times_idx"),
            models.Index(fields=["closes_at"], name="session_closes_idx"),
        ]

    def __str__(self):
        return f"{WEEKDAY_CODES[self.weekday]} {self.opens_at}\N{EN DASH}{self.closes_at}"

    @classmethod
    def rows_for(cls, service, schedules):
        """The session rows that `schedules` of `service` stand for (unsaved: rebuild_for saves
        them; the service page reads them as they are, so a preview shows its own times)."""
        rows = []
        for schedule in schedules:
            if schedule.bymonthday:
                # "The 1st and 15th" cannot be put on weekdays, and "Fridays that are the 13th"
                # would read as every Friday: such a schedule is listed in words on the
                # service page and never claims to be open.
                continue
            interval = max(schedule.interval or 1, 1)
            monthly = schedule.freq == Frequency.MONTHLY
            anchor = schedule.dtstart or schedule.valid_from
            cycle_start = 0 if interval == 1 else None
            if interval > 1 and anchor:
                cycle_start = month_number(anchor) if monthly else week_number(anchor)
            starts = [day for day in (schedule.dtstart, schedule.valid_from) if day]
            for weekday, occurrence in parse_byday_rules(schedule.byday):
                rows.append(
                    cls(
                        service=service,
                        schedule=schedule,
                        weekday=weekday,
                        opens_at=schedule.opens_at,
                        closes_at=schedule.closes_at,
                        term_time_only=schedule.term_time_only,
                        school_holidays_only=schedule.school_holidays_only,
                        valid_from=max(starts) if starts else None,
                        valid_to=schedule.valid_to,
                        occurrence=occurrence,
                        freq=Frequency.MONTHLY if monthly else Frequency.WEEKLY,
                        interval=interval,
                        cycle_start=cycle_start,
                    )
                )
        return rows

    @classmethod
    def rebuild_for(cls, service):
        cls.objects.filter(service=service).delete()
        cls.objects.bulk_create(cls.rows_for(service, service.schedules.all()))


def _in_cycle(day, prefix):
    """The row's cycle holds `day`: (its week or month number - cycle_start) % interval = 0.

    One expression, plain arithmetic SQLite and PostgreSQL both do natively. Every row of an
    every-week or every-month schedule has interval 1 and cycle_start 0, so it always holds; a
    NULL cycle_start (every other week, from no known date) makes it NULL, so it never does.
    """
    p = prefix
    number = Case(
        When(**{f"{p}freq": Frequency.MONTHLY}, then=Value(month_number(day))),
        default=Value(week_number(day)),
    )
    offset = (number - F(f"{p}cycle_start")) % F(f"{p}interval")
    return Exact(ExpressionWrapper(offset, output_field=models.IntegerField()), 0)


def runs_on_q(day, prefix="", *, school_holiday=None):
    """A ``Q`` for the sessions that take place on the date `day`.

    The weekday, the dates the schedule is valid, the week of the month ("first Wednesday"),
    every other week or month, and the school holidays. `school_holiday` says whether `day` is
    in one, when the caller already knows (the directory reads the holidays anyway, for "next
    opening"); None asks the database. Holiday closures and the service's status belong to the
    service: see ``date_q`` in finder/filters.py. `prefix` is the path from the queried
    model to ``OpeningSession``, for example ``"opening_sessions__"`` from ``ServicePage``.
    """
    p = prefix
    q = models.Q(**{f"{p}weekday": day.weekday()})
    q &= models.Q(**{f"{p}valid_from__isnull": True}) | models.Q(**{f"{p}valid_from__lte": day})
    q &= models.Q(**{f"{p}valid_to__isnull": True}) | models.Q(**{f"{p}valid_to__gte": day})
    q &= models.Q(**{f"{p}occurrence__isnull": True}) | models.Q(
        **{f"{p}occurrence__in": weekday_occurrences(day)}
    )
    q &= models.Q(_in_cycle(day, p))
    if school_holiday is None:
        in_holiday = models.Q(
            models.Exists(SchoolHoliday.objects.filter(start_date__lte=day, end_date__gte=day))
        )
        q &= models.Q(**{f"{p}term_time_only": False}) | ~in_holiday
        q &= models.Q(**{f"{p}school_holidays_only": False}) | in_holiday
    elif school_holiday:
        q &= models.Q(**{f"{p}term_time_only": False})
    else:
        q &= models.Q(**{f"{p}school_holidays_only": False})
    return q


def open_sessions_q(moment=None, prefix="", *, school_holiday=None):
    """A ``Q`` for sessions running at `moment` (now, in the site's time zone): ``runs_on_q``
    for its date, and its time of day between opening and closing."""
    moment = timezone.localtime(moment)
    today, now = moment.date(), moment.time().replace(microsecond=0)
    p = prefix
    return runs_on_q(today, prefix, school_holiday=school_holiday) & models.Q(
        **{f"{p}opens_at__lte": now, f"{p}closes_at__gt": now}
    )


def current_sessions_q(today=None, prefix=""):
    """Sessions that have not ended: the pattern filters (evenings, weekends) ignore the rest."""
    today = today or timezone.localdate()
    p = prefix
    return models.Q(**{f"{p}valid_to__isnull": True}) | models.Q(**{f"{p}valid_to__gte": today})
