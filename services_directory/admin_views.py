"""Editors' views of the directory: listings due for review and the directory overview charts."""

from collections import defaultdict

import django_filters
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr
from wagtail.models import Locale

from foundation.charts import bar_chart
from services_directory.models import (
    ProblemReport,
    ProblemStatus,
    ReviewState,
    ServicePage,
    ServiceStatus,
    TaxonomyTerm,
    review_cutoffs,
    review_interval_days,
)


def reviewable_services():
    """Live listings in the default language that families can still find.

    Translations share ``last_checked`` with their source (wagtail-localize synchronises dates), so
    counting the default language counts each service once.
    """
    return (
        ServicePage.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(status=ServiceStatus.DEFUNCT)
    )


def services_due_for_review(today=None):
    """Listings never checked or whose review falls due within the warning window, oldest first."""
    return (
        reviewable_services()
        .due_for_review(today)
        .select_related("organisation", "locale")
        .order_by("last_checked", "title")
    )


def review_state_counts(today=None):
    """How many reviewable listings are overdue, due soon or checked recently, in one query."""
    overdue_cutoff, soon_cutoff = review_cutoffs(today)
    overdue = Q(last_checked__isnull=True) | Q(last_checked__lte=overdue_cutoff)
    soon = Q(last_checked__gt=overdue_cutoff, last_checked__lte=soon_cutoff)
    counts = reviewable_services().aggregate(
        overdue=Count("pk", filter=overdue),
        due_soon=Count("pk", filter=soon),
        up_to_date=Count("pk", filter=Q(last_checked__gt=soon_cutoff)),
    )
    return [(state, counts[state.value]) for state in ReviewState]


def category_counts():
    """Live listings per top-level category (a listing in a sub-category counts for its parent)."""
    locale = Locale.get_default()
    top_level = list(TaxonomyTerm.objects.filter(locale=locale, parent__isnull=True))
    through = ServicePage.categories.through
    services_by_term = defaultdict(set)
    for term_id, parent_id, service_id in through.objects.filter(
        servicepage__in=reviewable_services()
    ).values_list("taxonomyterm_id", "taxonomyterm__parent_id", "servicepage_id"):
        services_by_term[parent_id or term_id].add(service_id)
    rows = [(term.name, len(services_by_term.get(term.pk, ()))) for term in top_level]
    uncategorised = reviewable_services().filter(categories__isnull=True).count()
    if uncategorised:
        rows.append((_("No category"), uncategorised))
    return rows


class DueForReviewFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=[
            (ReviewState.OVERDUE.value, _("Overdue")),
            (ReviewState.DUE_SOON.value, _("Due within 30 days")),
        ],
        method="filter_state",
        empty_label=_("All due"),
    )

    class Meta:
        model = ServicePage
        fields = ["organisation"]

    def filter_state(self, queryset, name, value):
        if value == ReviewState.OVERDUE:
            return queryset.overdue_for_review()
        if value == ReviewState.DUE_SOON:
            return queryset.exclude(pk__in=queryset.overdue_for_review().values("pk"))
        return queryset


class ServicesDueForReviewView(ReportView):
    """Listings whose last check is older than the review interval, or will be within 30 days."""

    page_title = _("Listings due for review")
    header_icon = "date"
    index_url_name = "services_due_for_review"
    index_results_url_name = "services_due_for_review_results"
    filterset_class = DueForReviewFilterSet
    columns = [
        TitleColumn("title", label=_("Service"), url_name="wagtailadmin_pages:edit"),
        Column("organisation", label=_("Run by")),
        DateColumn("last_checked", label=_("Last checked")),
        DateColumn("review_due_date", label=_("Review due")),
        Column("get_status_display", label=_("Status")),
    ]
    list_export = [
        "title",
        "organisation.name",
        "last_checked",
        "review_due_date",
        "status",
        "address",
    ]
    export_headings = {
        "title": _("Service"),
        "organisation.name": _("Run by"),
        "last_checked": _("Last checked"),
        "review_due_date": _("Review due"),
        "status": _("Status"),
        "address": _("Address"),
    }

    def get_queryset(self):
        return services_due_for_review()

    def to_row_dict(self, item):
        return {
            field: self.address(item) if field == "address" else multigetattr(item, field)
            for field in self.list_export
        }

    def address(self, page):
        # Page.full_url is built from the Site record's hostname, which may be "localhost" while
        # the site is served elsewhere (a staging host, 127.0.0.1:8000): give the address the
        # editor reached the admin at, as the sitemap does. ALLOWED_HOSTS vetted the Host header.
        # A page of another site keeps that site's address (get_url gives it in full).
        url = page.get_url(request=self.request)
        return self.request.build_absolute_uri(url) if url else ""


class DirectoryOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """For editors: services by category and by review state, and the problem-report queue."""

    page_title = _("Directory overview")
    header_icon = "list-ul"
    template_name = "services_directory/admin/directory_overview.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        problem_counts = ProblemReport.objects.aggregate(
            new=Count("pk", filter=Q(status=ProblemStatus.NEW)),
            in_progress=Count("pk", filter=Q(status=ProblemStatus.IN_PROGRESS)),
        )
        review_rows = [(state.label, count) for state, count in review_state_counts()]
        context.update(
            {
                "category_chart": bar_chart(category_counts()),
                "review_chart": bar_chart(review_rows),
                "review_interval_days": review_interval_days(),
                "problems_new": problem_counts["new"],
                "problems_in_progress": problem_counts["in_progress"],
                "problem_reports_url": reverse("services_directory_problem_reports:index"),
                "due_for_review_url": reverse("services_due_for_review"),
            }
        )
        return context
