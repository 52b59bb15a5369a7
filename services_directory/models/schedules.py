"""When services are open: ORUK ``schedule`` rows, closures, and the weekday table filters read."""

import calendar
import datetime
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, ExpressionWrapper, F, Value, When
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

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


# Where a date falls in the cycles of a schedule, worked out the same way in Python (the service
# page, "next opening") and in SQL (the directory's filters), so the two always agree.


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


def validate_byday(value):
    parts = [part for part in (value or "").upper().replace(" ", "").split(",") if part]
    if any(not _BYDAY_PART_RE.match(part) for part in parts):
        raise ValidationError(
            _("Use two-letter day codes separated by commas, for example MO,WE,FR."),
            code="invalid_byday",
        )


class ByDayFormField(forms.MultipleChoiceField):
    """Weekday check boxes in the admin, stored as ORUK's comma-separated ``byday`` text."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, max_length=None, empty_value="", **kwargs):
        kwargs.pop("choices", None)
        super().__init__(choices=WEEKDAY_CHOICES, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return [WEEKDAY_CODES[day] for day in parse_byday(value)]
        return value

    def clean(self, value):
        days = super().clean(value)
        return ",".join(code for code in WEEKDAY_CODES if code in days)


class ByDayField(models.CharField):
    """ORUK ``byday``: kept as text so imported rules such as ``1MO`` survive unchanged."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_byday)

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": ByDayFormField, **kwargs, "choices_form_class": None}
        )


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", _("Every week")
    MONTHLY = "MONTHLY", _("Every month")


class Schedule(Orderable):
    """One session pattern of a service (ORUK ``schedule``): some weekdays, one opening time.

    Several sessions a day are several rows. A row with a location is the ORUK schedule of that
    service-at-location; without one it is the service's own schedule.
    """

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        "services_directory.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("location"),
        help_text=_(
            "Only if these times apply at one of the service's locations and not the others."
        ),
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    byday = ByDayField(_("days"), blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    freq = models.CharField(
        _("how often"), max_length=7, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        null=True,
        blank=True,
        help_text=_("2 with 'every week' means fortnightly. Leave blank for every week or month."),
    )
    bymonthday = models.CharField(
        _("days of the month"),
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                r"^-?([1-9]|[12][0-9]|3[01])(,-?([1-9]|[12][0-9]|3[01]))*$",
                _("Use day numbers separated by commas, for example 1,15. -1 is the last day."),
            )
        ],
        help_text=_("Only for monthly sessions."),
    )
    dtstart = models.DateField(_("first session"), null=True, blank=True)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)
    term_time_only = models.BooleanField(
        _("term time only"), default=False, help_text=_("Not open in the school holidays.")
    )
    school_holidays_only = models.BooleanField(
        _("school holidays only"),
        default=False,
        help_text=_("Only open in the school holidays, such as holiday clubs."),
    )
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Stay and play' or 'Drop-in, no appointment needed'."),
    )
    notes = models.TextField(_("notes"), blank=True)
    attending_type = models.CharField(
        _("how to attend"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Drop in' or 'Book ahead'."),
    )
    schedule_link = models.URLField(
        _("booking link"),
        max_length=500,
        blank=True,
        help_text=_("A page listing sessions or taking bookings."),
    )

    panels = [
        FieldPanel("byday"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("description"),
        FieldPanel("term_time_only"),
        FieldPanel("school_holidays_only"),
        FieldPanel("location"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("freq"), FieldPanel("interval")]),
                FieldPanel("bymonthday"),
                FieldPanel("dtstart"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                FieldPanel("attending_type"),
                FieldPanel("schedule_link"),
                FieldPanel("notes"),
            ],
            _("More about these times"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening time")
        verbose_name_plural = _("opening times")

    def __str__(self):
        days = ", ".join(str(WEEKDAY_CHOICES[day][1]) for day in self.weekdays)
        if self.opens_at and self.closes_at:
            return f"{days} {self.opens_at:%H:%M}\N{EN DASH}{self.closes_at:%H:%M}"
        return days or self.description

    @property
    def weekdays(self):
        return parse_byday(self.byday)

    def clean(self):
        super().clean()
        errors = {}
        if (self.opens_at is None) != (self.closes_at is None):
            errors["closes_at"] = _("Give both the opening and the closing time, or neither.")
        elif self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The closing time must be after the opening time.")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end date must be on or after the start date.")
        if self.opens_at and not self.byday and not self.bymonthday:
            errors["byday"] = _("Choose the days these times apply to.")
        if (self.interval or 1) > 1 and not (self.dtstart or self.valid_from):
            # Fortnightly from which week? Without a first date the directory cannot tell, and
            # it never guesses: such a session would never show as open.
            errors["dtstart"] = _(
                "Give the date of the first session, so families can see which weeks it runs."
            )
        if self.term_time_only and self.school_holidays_only:
            errors["school_holidays_only"] = _(
                "Choose term time only or school holidays only, not both."
            )
        if errors:
            raise ValidationError(errors)


class HolidayClosure(Orderable):
    """Dates a service is closed, such as bank holidays or the Christmas break.

    ORUK v3 dropped v1's ``holiday_schedules``; the API gives each closure as a ``schedule`` with
    ``valid_from``/``valid_to``, no times, and the description "Closed".
    """

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="holiday_closures"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    start_date = models.DateField(_("closed from"))
    end_date = models.DateField(_("closed until"), help_text=_("The last day it is closed."))
    description = models.CharField(
        _("reason"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Christmas and New Year'."),
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("holiday closure")
        verbose_name_plural = _("holiday closures")

    def __str__(self):
        return f"{self.start_date:%d/%m/%Y}\N{EN DASH}{self.end_date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The last day closed must be on or after the first.")}
            )


class SchoolHoliday(models.Model):
    """A school holiday in the borough: term-time-only sessions do not run during it, and
    school-holidays-only sessions run only then."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("For example 'Summer holiday 2025'.")
    )
    start_date = models.DateField(_("first day of the holiday"))
    end_date = models.DateField(_("last day of the holiday"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])]

    class Meta:
        verbose_name = _("school holiday")
        verbose_name_plural = _("school holidays")
        ordering = ["start_date"]
        indexes = [models.Index(fields=["start_date", "end_date"], name="school_holiday_dates_idx")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The last day must be on or after the first day.")}
            )

    @classmethod
    def is_holiday(cls, date=None):
        date = date or timezone.localdate()
        return cls.objects.filter(start_date__lte=date, end_date__gte=date).exists()


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
    service: see ``ServicePageQuerySet.open_on_date``. `prefix` is the path from the queried
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


EVENING_FROM = datetime.time(17, 30)
