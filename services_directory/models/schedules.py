"""When services are open: ORUK ``schedule`` rows, closures, and the weekday table filters read."""

import datetime
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
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


def parse_byday(value):
    """The weekday numbers (Monday 0) in an ORUK ``byday`` value, ignoring occurrence prefixes."""
    days = set()
    for part in (value or "").upper().replace(" ", "").split(","):
        match = _BYDAY_PART_RE.match(part)
        if match:
            days.add(WEEKDAY_CODES.index(match[2]))
    return sorted(days)


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
    """A school holiday in the borough: term-time-only sessions do not run during it."""

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
    """

    service = models.ForeignKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="opening_sessions"
    )
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="sessions")
    weekday = models.PositiveSmallIntegerField()  # Monday 0 … Sunday 6, as Python's date.weekday()
    opens_at = models.TimeField(null=True)
    closes_at = models.TimeField(null=True)
    term_time_only = models.BooleanField(default=False)
    valid_from = models.DateField(null=True)
    valid_to = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["weekday", "opens_at", "closes_at"], name="session_day_times_idx"),
            models.Index(fields=["closes_at"], name="session_closes_idx"),
        ]

    def __str__(self):
        return f"{WEEKDAY_CODES[self.weekday]} {self.opens_at}\N{EN DASH}{self.closes_at}"

    @classmethod
    def rows_for(cls, service, schedules):
        """The session rows that `schedules` (saved, with pks) of `service` stand for."""
        return [
            cls(
                service=service,
                schedule=schedule,
                weekday=weekday,
                opens_at=schedule.opens_at,
                closes_at=schedule.closes_at,
                term_time_only=schedule.term_time_only,
                valid_from=schedule.valid_from,
                valid_to=schedule.valid_to,
            )
            for schedule in schedules
            for weekday in schedule.weekdays
        ]

    @classmethod
    def rebuild_for(cls, service):
        cls.objects.filter(service=service).delete()
        cls.objects.bulk_create(cls.rows_for(service, service.schedules.all()))


def open_sessions_q(moment=None, prefix=""):
    """A ``Q`` for sessions running at `moment` (now, in the site's time zone).

    `prefix` is the path from the queried model to ``OpeningSession``, for example
    ``"opening_sessions__"`` from ``ServicePage``. Holiday closures and school holidays are left to
    the caller (see ``ServicePageQuerySet.open_at``).
    """
    moment = timezone.localtime(moment)
    today, now = moment.date(), moment.time().replace(microsecond=0)
    p = prefix
    q = models.Q(
        **{
            f"{p}weekday": today.weekday(),
            f"{p}opens_at__lte": now,
            f"{p}closes_at__gt": now,
        }
    )
    q &= models.Q(**{f"{p}valid_from__isnull": True}) | models.Q(**{f"{p}valid_from__lte": today})
    q &= models.Q(**{f"{p}valid_to__isnull": True}) | models.Q(**{f"{p}valid_to__gte": today})
    return q


EVENING_FROM = datetime.time(17, 30)
