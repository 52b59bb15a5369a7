"""How editors edit a service page: its admin form and the layout of its panels."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from home.models.base import BasePage


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


# Kept apart from the model, which is long enough with its fields and the rules about them; the
# inline panels name the related_name of each part of a listing.
SERVICE_CONTENT_PANELS = [
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
