"""The directory page and the service pages under it (ORUK ``service``)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelsearch.tasks import insert_or_update_object_task
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.base import BasePage

from .aggregates import KeyList
from .recurrence import WEEKDAY_CHOICES
from .review import review_cutoffs, review_interval_days, review_state_of
from .sessions import OpeningSession

# The oldest age a service may give; the API accepts ages up to the same limit.
MAX_AGE = 120


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Closed for good")


# Inactive and closed-for-good listings stay in the admin and the API, not in a parent's results.
VISIBLE_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)


class DirectoryPage(BasePage):
    """The "find a service" page: search form and results, and the parent of every service."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two above the search form."),
    )

    template = "services_directory/directory_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services_directory.ServicePage"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("services directory")

    def get_summary(self):
        return super().get_summary() or self.introduction

    def get_context(self, request, *args, **kwargs):
        # Imported when shown: the finder reads these models (the one upward import, decision 0013).
        from services_directory.finder import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context


class ServicePageQuerySet(PageQuerySet):
    def due_for_review(self, today=None):
        """Listings never checked, or checked so long ago that review is due within 30 days."""
        _overdue, due_soon = review_cutoffs(today)
        return self.filter(
            models.Q(last_checked__isnull=True) | models.Q(last_checked__lte=due_soon)
        )

    def overdue_for_review(self, today=None):
        overdue, _due_soon = review_cutoffs(today)
        return self.filter(
            models.Q(last_checked__isnull=True) | models.Q(last_checked__lte=overdue)
        )


class ServicePageManager(PageManager.from_queryset(ServicePageQuerySet)):
    pass


class ServicePageForm(WagtailAdminPageForm):
    """Offers only the categories in the service's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
        if "categories" in self.fields and locale_id:
            self.fields["categories"].queryset = (
                self.fields["categories"]
                .queryset.filter(locale_id=locale_id)
                .select_related("parent")
            )


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
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organisation"),
        FieldPanel("description"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("eligibility_description"),
            ],
            _("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("delivered_in_person"),
                FieldPanel("delivered_online"),
                FieldPanel("delivered_by_phone"),
            ],
            _("How families use it"),
        ),
        InlinePanel("service_at_locations", heading=_("Locations"), label=_("Location")),
        InlinePanel("schedules", heading=_("Opening times"), label=_("Opening time")),
        InlinePanel("holiday_closures", heading=_("Closures"), label=_("Closure")),
        InlinePanel("cost_options", heading=_("Costs"), label=_("Cost")),
        FieldPanel("fees_description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                InlinePanel("phones", label=_("Phone number")),
                InlinePanel("contacts", label=_("Contact")),
                FieldPanel("application_process"),
            ],
            _("Contact and referral"),
        ),
        InlinePanel("languages", heading=_("Languages spoken"), label=_("Language")),
        FieldPanel("interpretation_services"),
        InlinePanel("service_areas", heading=_("Service areas"), label=_("Area")),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("alert"), FieldPanel("accreditations")], _("Status")
        ),
        MultiFieldPanel([FieldPanel("last_checked"), FieldPanel("assurer_email")], _("Review")),
    ]
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
