"""When services are closed: a service's own closures, and the borough's school holidays."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


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
