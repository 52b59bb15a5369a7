"""The "Search terms" report: what families searched for, what found nothing, what nobody opened.

One language or all, over the last 7, 30 or 90 days: how many searches found nothing, the
queries that found nothing and those whose results nobody opened (what to act on first), a chart
of searches over time with the share that found nothing, then every query by how often it was
searched, which also downloads as a spreadsheet.
"""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from consultations.exports import safe_cell
from foundation.charts import stacked_bar_chart
from search.insight import report
from search.insight.retention import prune_if_due
from search.models import SearchQueryDay

FOUND_COLOUR = "#1d70b8"  # GOV.UK blue
NOTHING_COLOUR = "#d4351c"  # GOV.UK red: the share to bring down


def _period_choices():
    return [
        (str(days), ngettext("Last %(days)s day", "Last %(days)s days", days) % {"days": days})
        for days in report.PERIODS
    ]


class SearchTermsFilterSet(WagtailFilterSet):
    # The view reads both values itself (SearchTermsReportView.language and .period), so that an
    # unknown value in the address falls back to a default instead of dropping every filter.
    language = ChoiceFilter(
        label=_("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        empty_label=_("All languages"),
        widget=forms.RadioSelect,
        method="read_by_view",
    )
    period = ChoiceFilter(
        label=_("Period"),
        choices=_period_choices,
        empty_label=None,
        initial=str(report.DEFAULT_PERIOD),
        widget=forms.RadioSelect,
        method="read_by_view",
    )

    class Meta:
        model = SearchQueryDay
        fields = []

    def read_by_view(self, queryset, name, value):
        return queryset


class SearchTermsReportView(ReportView):
    page_title = _("Search terms")
    header_icon = "search"
    results_template_name = "search/admin/search_terms_results.html"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    model = SearchQueryDay
    any_permission_required = ["view"]
    filterset_class = SearchTermsFilterSet
    is_searchable = True
    search_fields = ["query"]
    search_backend_name = None
    default_ordering = "-total_searches"
    paginate_by = 50
    columns = [
        Column("query", label=_("Search term"), sort_key="query"),
        Column("total_searches", label=_("Searches"), sort_key="total_searches"),
        Column("total_no_results", label=_("Found nothing"), sort_key="total_no_results"),
        Column("total_opened", label=_("Results opened"), sort_key="total_opened"),
    ]
    list_export = ["query", "total_searches", "total_no_results", "total_opened"]
    export_headings = {
        "query": _("Search term"),
        "total_searches": _("Searches"),
        "total_no_results": _("Found nothing"),
        "total_opened": _("Results opened"),
    }
    # Families type whatever they like: "=HYPERLINK(…)" must reach a spreadsheet as text.
    custom_field_preprocess = {"query": {"csv": safe_cell, "xlsx": safe_cell}}

    @cached_property
    def language(self):
        value = self.request.GET.get("language", "")
        codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        return value if value in codes else ""

    @cached_property
    def period(self):
        value = self.request.GET.get("period", "")
        periods = {str(days): days for days in report.PERIODS}
        return periods.get(value, report.DEFAULT_PERIOD)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        data["period"] = str(self.period)
        kwargs["data"] = data
        return kwargs

    @cached_property
    def rows(self):
        """The daily rows everything on the page counts: the period, language and search."""
        return self.search_queryset(report.rows_for(self.period, self.language))

    def get_queryset(self):
        ordering = self.ordering
        return report.query_totals(self.rows).order_by(ordering, "query")

    def get_filename(self):
        return f"search-terms-{self.language or 'all'}-{self.period}-days"

    def get(self, request, *args, **kwargs):
        # Reading the report is a moment to drop counts past their retention period.
        prune_if_due()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context.update(
                {
                    "summary": report.summary(self.rows),
                    **self.chart(),
                    "no_results": report.no_result_queries(self.rows),
                    "unopened": report.unopened_queries(self.rows),
                    "unopened_min_searches": report.UNOPENED_MIN_SEARCHES,
                    "period": self.period,
                    "language_name": dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(
                        self.language, ""
                    ),
                }
            )
        return context

    def chart(self):
        """Searches per day (per week over 90 days), split by whether they found anything."""
        buckets, step = report.searches_over_time(self.rows, self.period)
        by_week = step > 1
        if not by_week:
            labels = [date_format(day, "D j M") for day, _s, _n in buckets]
        else:
            labels = [
                gettext("Week from %(day)s") % {"day": date_format(day, "j M")}
                for day, _s, _n in buckets
            ]
        compact = len(buckets) > 10
        chart = stacked_bar_chart(
            labels,
            [(gettext("Found results"), FOUND_COLOUR), (gettext("Found nothing"), NOTHING_COLOUR)],
            [[searches - nothing, nothing] for _day, searches, nothing in buckets],
            label_width=150,
            bar_height=16 if compact else 28,
            gap=6 if compact else 10,
        )
        return {"chart": chart, "chart_by_week": by_week}
