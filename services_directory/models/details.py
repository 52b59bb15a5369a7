"""A service's own lists: contacts, phones, costs, areas, locations (ORUK children).

Each row carries its own ORUK ``id`` (``oruk_id``). A translation of a service copies its rows with
the same ids, so an id names the same fact in every language.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class ServiceContact(Orderable):
    """A named person or team to contact about the service (ORUK ``contact``)."""

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="contacts"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    name = models.CharField(_("name"), max_length=255, blank=True)
    title = models.CharField(_("job title"), max_length=255, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name or self.title or self.email

    def clean(self):
        super().clean()
        if not (self.name or self.title or self.email):
            raise ValidationError(_("Give a name, a job title or an email address."))


class ServicePhone(Orderable):
    """A phone number families can call (HSDS ``phone`` with a ``service_id``)."""

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="phones"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    number = models.CharField(
        _("phone number"),
        max_length=30,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()-]{6,30}$",
                _("Enter a phone number using digits and spaces, such as 020 7946 0123."),
            )
        ],
    )
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    description = models.CharField(
        _("what it is for"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Bookings' or 'Advice line'."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("extension")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self):
        return self.number


class CostOption(Orderable):
    """A price and what it is for (ORUK ``cost_option``). No priced option means free."""

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="cost_options"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    option = models.CharField(
        _("what it is for"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Per session' or 'Term of 10 classes'."),
    )
    amount = models.DecimalField(
        _("amount (£)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave blank or enter 0 when it is free."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="GBP", editable=False)
    amount_description = models.CharField(
        _("about the price"),
        max_length=255,
        blank=True,
        help_text=_("For example 'Free for families receiving Universal Credit'."),
    )
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("amount"), FieldPanel("option")]),
        FieldPanel("amount_description"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self):
        if self.amount:
            return f"£{self.amount:.2f} {self.option}".strip()
        return str(_("Free"))

    @property
    def is_charged(self):
        return bool(self.amount and self.amount > 0)


class ServiceArea(Orderable):
    """Where families must live to use the service (ORUK ``service_area``)."""

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="service_areas"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    name = models.CharField(
        _("area"), max_length=255, help_text=_("For example 'Croydon' or 'CR0 and CR7'.")
    )
    description = models.TextField(_("description"), blank=True)
    extent = models.TextField(
        _("boundary"), blank=True, help_text=_("A GeoJSON or KML shape, if there is one.")
    )
    extent_type = models.CharField(
        _("boundary format"),
        max_length=10,
        blank=True,
        choices=[
            ("geojson", "GeoJSON"),
            ("topojson", "TopoJSON"),
            ("kml", "KML"),
            ("text", _("Text")),
        ],
    )
    uri = models.URLField(
        _("area identifier"),
        max_length=500,
        blank=True,
        help_text=_("A link that identifies the area, such as an ONS code page."),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("uri")]

    class Meta(Orderable.Meta):
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")

    def __str__(self):
        return self.name


class ServiceAtLocation(Orderable):
    """A service delivered at a location (ORUK ``service_at_location``)."""

    service = ParentalKey(
        "services_directory.ServicePage",
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    location = models.ForeignKey(
        "services_directory.Location",
        on_delete=models.PROTECT,
        related_name="service_at_locations",
        verbose_name=_("location"),
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    description = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Anything about this service at this place in particular."),
    )

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return str(self.location)
