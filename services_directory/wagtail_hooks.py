"""Admin registration for the services directory: snippets, problem reports, reports and charts."""

import uuid

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from services_directory.admin_views import (
    DirectoryOverviewView,
    ServicesDueForReviewView,
    services_due_for_review,
)
from services_directory.models import (
    Location,
    Organisation,
    ProblemReport,
    SchoolHoliday,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "legal_status", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    search_backend_name = None


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    list_display = ["name", "address_1", "postal_code", "locale"]
    list_filter = ["locale", "location_type"]
    search_fields = ["name", "address_1", "city", "postal_code"]
    search_backend_name = None


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "parent", "slug", "sort_order", "locale"]
    list_filter = ["locale", "taxonomy"]
    list_per_page = 100
    search_fields = ["name", "slug", "description"]
    search_backend_name = None
    ordering = ["parent__sort_order", "parent__name", "sort_order", "name"]

    def get_queryset(self, request):
        return TaxonomyTerm.objects.select_related("parent", "locale")


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "list-ul"
    list_display = ["name", "version", "locale"]
    search_fields = ["name"]
    search_backend_name = None


class SchoolHolidayViewSet(SnippetViewSet):
    model = SchoolHoliday
    icon = "calendar"
    list_display = ["name", "start_date", "end_date"]
    search_fields = ["name"]
    search_backend_name = None


class DirectorySnippetGroup(SnippetViewSetGroup):
    """One 'Directory' menu for the things a service listing points at."""

    menu_label = _("Directory")
    menu_icon = "list-ul"
    menu_order = 210
    items = (
        OrganisationViewSet,
        LocationViewSet,
        TaxonomyTermViewSet,
        TaxonomyViewSet,
        SchoolHolidayViewSet,
    )


register_snippet(DirectorySnippetGroup)


class ProblemReportViewSet(ModelViewSet):
    """The queue of problems families reported, newest first, each linked to its listing."""

    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    menu_order = 220
    add_to_admin_menu = True
    url_prefix = "directory/problem-reports"
    name = "services_directory_problem_reports"
    copy_view_enabled = False
    list_filter = ["status", "kind"]
    search_fields = ["details", "service__title", "email"]
    search_backend_name = None
    list_display = [
        TitleColumn(
            "kind_label", label=_("Problem"), url_name="services_directory_problem_reports:edit"
        ),
        TitleColumn(
            "service",
            label=_("Listing"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="service_id",
        ),
        Column("status_label", label=_("Status")),
        DateColumn("created_at", label=_("Reported")),
    ]
    list_export = [
        "service.title",
        "kind",
        "details",
        "email",
        "status",
        "created_at",
        "editor_notes",
    ]

    def get_queryset(self, request):
        return ProblemReport.objects.select_related("service")


@hooks.register("register_admin_viewset")
def register_problem_report_viewset():
    return ProblemReportViewSet()


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "reports/listings-due-for-review/",
            ServicesDueForReviewView.as_view(),
            name="services_due_for_review",
        ),
        path(
            "reports/listings-due-for-review/results/",
            ServicesDueForReviewView.as_view(results_only=True),
            name="services_due_for_review_results",
        ),
        path("directory/overview/", DirectoryOverviewView.as_view(), name="directory_overview"),
    ]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return EditorMenuItem(
        _("Listings due for review"),
        reverse("services_due_for_review"),
        icon_name="date",
        order=710,
    )


@hooks.register("register_admin_menu_item")
def register_directory_overview_menu_item():
    return EditorMenuItem(
        _("Directory overview"), reverse("directory_overview"), icon_name="list-ul", order=205
    )


class DueForReviewSummaryItem(SummaryItem):
    order = 250
    template_name = "services_directory/admin/summary_due_for_review.html"

    def get_context_data(self, parent_context):
        return {
            "count": services_due_for_review().count(),
            "url": reverse("services_due_for_review"),
        }


@hooks.register("construct_homepage_summary_items")
def add_due_for_review_summary_item(request, summary_items):
    summary_items.append(DueForReviewSummaryItem(request))


@hooks.register("after_copy_page")
def give_copied_service_rows_new_ids(request, page, new_page):
    """A copy is a new service: its rows need ORUK ids of their own (translations keep theirs)."""
    if not isinstance(new_page.specific, ServicePage) or new_page.locale_id != page.locale_id:
        return
    service = new_page.specific
    for relation in (
        "schedules",
        "holiday_closures",
        "cost_options",
        "languages",
        "phones",
        "contacts",
        "service_areas",
        "service_at_locations",
    ):
        for row in getattr(service, relation).all():
            type(row).objects.filter(pk=row.pk).update(oruk_id=uuid.uuid4())
