"""Places where services happen (ORUK ``location``, with its ``address`` and ``accessibility``)."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from services_directory.geo.geocoder import get_geocoder
from services_directory.geo.postcodes import InvalidPostcode, UnknownPostcode, parse_postcode


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("A place people can visit")
    POSTAL = "postal", _("A postal address only")
    VIRTUAL = "virtual", _("Online or by phone only")


class Location(TranslatableMixin, models.Model):
    """A children's centre, library, clinic or other place where services are delivered.

    ORUK gives a location a list of addresses and accessibility entries; a family needs one of each,
    so they are fields here and the API emits them as one-item lists with their own stable ids.
    """

    location_type = models.CharField(
        _("type of location"),
        max_length=10,
        choices=LocationType.choices,
        default=LocationType.PHYSICAL,
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    # ORUK ``address`` (UK profile requires address_1, city, state_province, postal_code, country).
    address_1 = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_("Building and street, for example '12 High Street'."),
    )
    city = models.CharField(_("town or city"), max_length=120, blank=True)
    state_province = models.CharField(_("county"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="GB", help_text=_("Two-letter code.")
    )
    address_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Filled in from the postcode when left blank."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Filled in from the postcode when left blank."),
    )
    external_identifier = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        help_text=_("For example the building's UPRN."),
    )
    external_identifier_type = models.CharField(
        _("type of external identifier"),
        max_length=50,
        blank=True,
        help_text=_("For example 'UPRN'."),
    )

    # ORUK ``accessibility``.
    accessibility_description = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, accessible toilets, hearing loops, parking and so on."),
    )
    accessibility_details = models.TextField(_("more about accessibility"), blank=True)
    accessibility_url = models.URLField(
        _("accessibility guide"),
        max_length=500,
        blank=True,
        help_text=_("A page with an access guide, if there is one."),
    )
    accessibility_oruk_id = models.UUIDField(default=uuid.uuid4, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("location_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldPanel("city"),
                FieldPanel("state_province"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
            ],
            _("Address"),
        ),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], _("Map position")),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_description"),
                FieldPanel("accessibility_details"),
                FieldPanel("accessibility_url"),
            ],
            _("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("external_identifier"), FieldPanel("external_identifier_type")],
            _("Identifiers"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("postal_code"),
        SynchronizedField("country"),
        SynchronizedField("accessibility_url"),
        SynchronizedField("external_identifier"),
        SynchronizedField("external_identifier_type"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        # The distance filter narrows by a latitude/longitude box before measuring exactly.
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_lat_lng_idx")]

    def __str__(self):
        if self.postal_code:
            return f"{self.name}, {self.postal_code}"
        return self.name

    @property
    def oruk_id(self):
        """The ORUK ``id``: shared by every translation of the location."""
        return self.translation_key

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or leave both blank."))
        if self.postal_code:
            try:
                self.postal_code = parse_postcode(self.postal_code).display
            except InvalidPostcode as error:
                raise ValidationError({"postal_code": str(error)}) from error
        if (
            self.location_type == LocationType.PHYSICAL
            and not self.has_position
            and self.postal_code
        ):
            self.fill_position_from_postcode()

    def fill_position_from_postcode(self):
        """Place it at its postcode's centroid; leave it unplaced if the postcode is unknown."""
        try:
            point = get_geocoder().locate(self.postal_code)
        except (InvalidPostcode, UnknownPostcode):
            return False
        self.latitude, self.longitude = point.latitude, point.longitude
        return True
