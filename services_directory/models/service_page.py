"""A service page (ORUK ``service``): one service families can use, under the directory page."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.base import BasePage

from .aggregates import KeyList
from .recurrence import WEEKDAY_CHOICES
from .review import review_interval_days, review_state_of
from .service_editing import SERVICE_CONTENT_PANELS, ServicePageForm
from .service_queryset import ServicePageManager
from .service_status import ServiceStatus
from .sessions import OpeningSession

# The oldest age a service may give; the API accepts ages up to the same limit.
MAX_AGE = 120


class ServicePage(BasePage):
    """One service families can use (ORUK ``service``): the page title is the service's name."""

    description = models.TextField(
        _("description"),
        help_text=_(
            "What the service is and what happens there, in plain language. Start with the most "
            "useful fact."
        ),
    )
    organisation = models.ForeignKey(
        "services_directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("run by"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        db_index=True,
    )
    alert = models.CharField(
        _("alert"),
        max_length=255,
        blank=True,
        help_text=_(
            "A short-term notice shown at the top, such as 'No sessions during the summer holiday'."
        ),
    )
    # ORUK ``url``: named ``website`` because ``Page.url`` is the page's own address.
    website = models.URLField(_("website"), max_length=500, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)

    # Who it is for. ORUK v3 UK puts the age range on the service itself.
    minimum_age = models.PositiveSmallIntegerField(
        _("youngest age (years)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text=_(
            "Leave blank if there is no lower limit. Use 0 for babies and for services during "
            "pregnancy."
        ),
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("oldest age (years)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text=_("Leave blank if there is no upper limit."),
    )
    eligibility_description = models.TextField(
        _("who it is for"),
        blank=True,
        help_text=_("For example 'Parents and carers of children under 5 living in the borough'."),
    )

    # How families reach it. ORUK v3 has no field for this (v1 had ``attending_type``); the API
    # gives the modes as ``attributes`` in a fixed "delivery method" taxonomy (delivery.py).
    delivered_in_person = models.BooleanField(_("in person"), default=True)
    delivered_online = models.BooleanField(_("online"), default=False)
    delivered_by_phone = models.BooleanField(_("by phone"), default=False)

    application_process = models.TextField(
        _("how to use or be referred"),
        blank=True,
        help_text=_("Drop in, book, or ask a professional to refer you."),
    )
    interpretation_services = models.TextField(
        _("interpreters"),
        blank=True,
        help_text=_("For example 'Interpreters can be booked for appointments'."),
    )
    fees_description = models.TextField(
        _("about the cost"), blank=True, help_text=_("Anything the prices below do not say.")
    )
    accreditations = models.TextField(_("accreditations"), blank=True)

    categories = ParentalManyToManyField(
        "services_directory.TaxonomyTerm",
        blank=True,
        related_name="services",
        verbose_name=_("categories"),
    )

    # ORUK ``assured_date`` ("the date that the information about the service was last checked").
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        default=timezone.localdate,
        db_index=True,
        help_text=_("The date someone last confirmed these details with the service."),
    )
    assurer_email = models.EmailField(
        _("checked by (email)"),
        max_length=254,
        blank=True,
        help_text=_("Who last checked the listing."),
    )
    # ORUK ``last_modified``: set on every full save (publishing saves the page), so the API's
    # ``modified_after`` filter sees a change to any part of the listing.
    last_modified = models.DateTimeField(
        _("last changed"), default=timezone.now, editable=False, db_index=True
    )
    # Derived from cost_options on save, so "free only" is a plain indexed filter.
    is_free = models.BooleanField(_("free"), default=True, editable=False, db_index=True)

    objects = ServicePageManager()
    base_form_class = ServicePageForm

    parent_page_types = ["services_directory.DirectoryPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("eligibility_description"),
        # "Open on Saturday" is in the schedule, not the words: families type "weekend".
        index.SearchField("opening_days_text"),
        index.AutocompleteField("description"),
        index.RelatedFields("organisation", [index.SearchField("name", boost=1.5)]),
        index.RelatedFields("categories", [index.SearchField("name", boost=1.5)]),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
        index.FilterField("delivered_in_person"),
        index.FilterField("delivered_online"),
        index.FilterField("delivered_by_phone"),
        index.FilterField("organisation"),
        index.FilterField("last_checked"),
        index.FilterField("last_modified"),
    ]
    content_panels = SERVICE_CONTENT_PANELS
    override_translatable_fields = [
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("assurer_email"),
        SynchronizedField("status"),
    ]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [models.Index(fields=["minimum_age", "maximum_age"], name="service_age_idx")]

    @property
    def name(self):
        """ORUK ``name``."""
        return self.title

    @property
    def oruk_id(self):
        """ORUK ``id``: shared by every translation of the service."""
        return self.translation_key

    @property
    def assured_date(self):
        return self.last_checked

    @property
    def delivery_modes(self):
        """The ORUK delivery codes that apply, in a fixed order."""
        flags = {
            "in_person": self.delivered_in_person,
            "online": self.delivered_online,
            "telephone": self.delivered_by_phone,
        }
        return [code for code, on in flags.items() if on]

    @property
    def review_due_date(self):
        if self.last_checked is None:
            return None
        return self.last_checked + datetime.timedelta(days=review_interval_days())

    @property
    def review_state(self):
        return review_state_of(self.last_checked)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("schedules")

    def opening_days_text(self):
        """The days the service runs, named in the page's language, for the search index."""
        days = sorted({day for schedule in self.schedules.all() for day in schedule.weekdays})
        with translation.override(self.locale.language_code if self.locale_id else None):
            return " ".join(str(WEEKDAY_CHOICES[day][1]) for day in days)

    @classmethod
    def route_queryset(cls):
        """How foundation.routing fetches a service to show: with its organisation and the
        keys of its categories, which the page names from the memo's category tree."""
        keys = (
            cls.categories.through.objects.filter(servicepage=models.OuterRef("pk"))
            .order_by()
            .values("servicepage")
            .annotate(keys=KeyList("taxonomyterm__translation_key"))
            .values("keys")[:1]
        )
        return cls.objects.select_related("organisation").annotate(
            category_keys=models.Subquery(keys, output_field=models.CharField())
        )

    def get_context(self, request, *args, **kwargs):
        # Imported when shown: the finder reads these models (the one upward import, decision 0013).
        from services_directory.finder import service_context

        context = super().get_context(request, *args, **kwargs)
        context.update(service_context(self, request))
        return context

    def get_summary(self):
        summary = super().get_summary()
        if summary:
            return summary
        text = " ".join(self.description.split())
        return text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "…"

    def clean(self):
        super().clean()
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValidationError(
                {"maximum_age": _("The oldest age must be the same as or above the youngest.")}
            )
        if not (self.delivered_in_person or self.delivered_online or self.delivered_by_phone):
            raise ValidationError(
                {"delivered_in_person": _("Choose at least one way families can use the service.")}
            )

    def compute_is_free(self):
        return not any(option.is_charged for option in self.cost_options.all())

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        full_save = update_fields is None
        if full_save:
            self.is_free = self.compute_is_free()
            if not getattr(self, "_keep_last_modified", False):
                self.last_modified = timezone.now()
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            if full_save or "schedules" in update_fields:
                OpeningSession.rebuild_for(self)
                # Wagtail indexed the page before its schedules were saved with it; the days it
                # runs are searched (opening_days_text), so index it again now they are, as
                # Wagtail does: through the task backend (once a bulk change ends, inside one).
                insert_or_update_object_task.enqueue(
                    self._meta.app_label, self._meta.model_name, str(self.pk)
                )
        return result
