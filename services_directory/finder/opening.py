"""When a service is open: "Open now, closes 17:00", "Opens Tuesday at 9:30", and the weekly table.

Everything is worked out in the council's time zone (settings.TIME_ZONE, Europe/London), because
that is the clock on the wall of the children's centre, whatever the server's own zone.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from services_directory.models import (
    WEEKDAY_CHOICES,
    Frequency,
    OpeningSession,
    month_number,
    parse_byday_rules,
    week_number,
    weekday_occurrences,
)

# How far ahead "Opens … at …" looks: five weeks, so a monthly session ("first Wednesday") is
# always found, and long enough to see past a two-week Christmas closure.
HORIZON_DAYS = 35

# One sentence per weekday rather than "Opens %(day)s": several of our languages change the
# form of the day's name, or the words around it, depending on the day.
OPENS_ON_WEEKDAY = [
    _("Opens Monday at %(time)s"),
    _("Opens Tuesday at %(time)s"),
    _("Opens Wednesday at %(time)s"),
    _("Opens Thursday at %(time)s"),
    _("Opens Friday at %(time)s"),
    _("Opens Saturday at %(time)s"),
    _("Opens Sunday at %(time)s"),
]


def format_time(value):
    """24-hour clock without a leading zero, as the issue's examples write it: 9:30, 17:00."""
    return f"{value.hour}:{value.minute:02d}"


@dataclass(frozen=True)
class Session:
    """One weekday's session: the shape of an OpeningSession row, also built from Schedule rows.

    `runs_on` is the Python twin of models.sessions.runs_on_q: change one, change both (the
    tests compare them).
    """

    weekday: int
    opens_at: datetime.time | None
    closes_at: datetime.time | None
    term_time_only: bool = False
    school_holidays_only: bool = False
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    occurrence: int | None = None
    freq: str = Frequency.WEEKLY
    interval: int = 1
    cycle_start: int | None = 0

    def runs_on(self, day, *, school_holiday=False):
        return (
            self.opens_at is not None
            and self.closes_at is not None
            and self.weekday == day.weekday()
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
            and (self.occurrence is None or self.occurrence in weekday_occurrences(day))
            and self._in_cycle(day)
            and not (self.term_time_only and school_holiday)
            and not (self.school_holidays_only and not school_holiday)
        )

    def _in_cycle(self, day):
        if self.cycle_start is None:
            return False  # every other week, but which? Never guess.
        number = month_number(day) if self.freq == Frequency.MONTHLY else week_number(day)
        return (number - self.cycle_start) % max(self.interval, 1) == 0


def _is_weekly(schedule):
    # The weekly table shows what happens every week; fortnightly, monthly and "first Wednesday"
    # sessions are listed under it in words (and still count for "next opening").
    return (
        schedule.freq == Frequency.WEEKLY
        and (schedule.interval or 1) == 1
        and not schedule.bymonthday
        and all(occurrence is None for _day, occurrence in parse_byday_rules(schedule.byday))
    )


def sessions_from_opening_rows(rows):
    """Sessions from OpeningSession rows, prefetched or built by OpeningSession.rows_for."""
    return [
        Session(
            weekday=row.weekday,
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            term_time_only=row.term_time_only,
            school_holidays_only=row.school_holidays_only,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            occurrence=row.occurrence,
            freq=row.freq,
            interval=row.interval,
            cycle_start=row.cycle_start,
        )
        for row in rows
    ]


def sessions_from_schedules(schedules, service=None):
    """Sessions from a service's Schedule rows, so the service page needs no second query (and a
    preview shows the schedules being edited, not the saved sessions)."""
    return sessions_from_opening_rows(OpeningSession.rows_for(service, schedules))


@dataclass(frozen=True)
class DateRange:
    start_date: datetime.date
    end_date: datetime.date


def covered(ranges, day):
    """Whether `day` is in one of `ranges` (anything with start_date and end_date, inclusive)."""
    return any(r.start_date <= day <= r.end_date for r in ranges)


@dataclass(frozen=True)
class Opening:
    """The next time a service is open. `is_open` is True while a session is running."""

    is_open: bool
    day: datetime.date
    time: datetime.time  # closing time when open, else opening time
    text: str = field(compare=False)


def next_opening(sessions, *, closures=(), school_holidays=(), now=None, horizon_days=HORIZON_DAYS):
    """The service's opening state at `now`, or None when no weekly session falls in the horizon."""
    moment = timezone.localtime(now)
    today, clock = moment.date(), moment.time().replace(second=0, microsecond=0)
    for offset in range(horizon_days):
        day = today + datetime.timedelta(days=offset)
        if covered(closures, day):
            continue
        holiday = covered(school_holidays, day)
        todays = sorted(
            (s for s in sessions if s.runs_on(day, school_holiday=holiday)),
            key=lambda s: s.opens_at,
        )
        if not todays:
            continue
        if offset == 0:
            running = [s for s in todays if s.opens_at <= clock < s.closes_at]
            if running:
                return _open_until(day, _closing_time(todays, running[0]))
            later = [s for s in todays if s.opens_at > clock]
            if not later:
                continue
            return _opens(day, later[0].opens_at, offset)
        return _opens(day, todays[0].opens_at, offset)
    return None


def _closing_time(todays, first):
    # Back-to-back sessions (9:00 to 12:00, then 12:00 to 15:00) read as one: "closes 15:00".
    closes = first.closes_at
    for session in todays:
        if session.opens_at <= closes < session.closes_at:
            closes = session.closes_at
    return closes


def _open_until(day, closes):
    return Opening(
        True, day, closes, gettext("Open now, closes %(time)s") % {"time": format_time(closes)}
    )


def _opens(day, opens, offset):
    time = format_time(opens)
    if offset == 0:
        text = gettext("Opens today at %(time)s") % {"time": time}
    elif offset == 1:
        text = gettext("Opens tomorrow at %(time)s") % {"time": time}
    elif offset < 7:
        text = str(OPENS_ON_WEEKDAY[day.weekday()]) % {"time": time}
    else:
        text = gettext("Opens on %(date)s at %(time)s") % {
            "date": date_format(day, "l j F"),
            "time": time,
        }
    return Opening(False, day, opens, text)


@dataclass
class WeekdayRow:
    name: str
    sessions: list


def weekly_table(schedules):
    """One row per weekday, Monday first, with that day's weekly sessions in time order."""
    rows = [WeekdayRow(name=str(label), sessions=[]) for _code, label in WEEKDAY_CHOICES]
    for schedule in schedules:
        if not (_is_weekly(schedule) and schedule.opens_at and schedule.closes_at):
            continue
        for weekday in schedule.weekdays:
            rows[weekday].sessions.append(schedule)
    for row in rows:
        row.sessions.sort(key=lambda s: s.opens_at)
    return rows


def other_schedules(schedules):
    """Fortnightly, monthly or untimed schedules, which the weekly table cannot show."""
    return [s for s in schedules if not (_is_weekly(s) and s.opens_at and s.closes_at)]


def upcoming_closures(closures, today=None):
    today = today or timezone.localdate()
    return sorted((c for c in closures if c.end_date >= today), key=lambda c: c.start_date)
