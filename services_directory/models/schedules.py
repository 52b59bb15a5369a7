"""When services are open: ORUK ``schedule`` rows, edited in the admin as "opening times"."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from .recurrence import WEEKDAY_CHOICES, WEEKDAY_CODES, Frequency, parse_byday, validate_byday


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


# Migration 0001 names this field by its path (services_directory.models.schedules.ByDayField):
# moving it would need a migration.
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
