"""The "Translations to do" report in the admin, and its panel on the dashboard.

The states come from home/translation_report/states.py; the chart is the admin's shared one
(docs/decisions/0004-admin-charts.md), one stacked bar per language.
"""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from foundation.charts import stacked_bar_chart

from .states import NEEDS_WORK, STATES, UP_TO_DATE, summary
from .statuses import target_locales, translation_statuses


def summary_chart(statuses):
    rows = summary(statuses)
    return stacked_bar_chart(
        [name for _code, name, _counts in rows],
        [(label, colour) for label, colour in STATES.values()],
        [[by_state[state] for state in STATES] for _code, _name, by_state in rows],
        bar_width=300,
        label_width=120,
    )


# --- The report -------------------------------------------------------------------------------


class TranslationStatusFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=[], empty_label=_("All languages")
    )
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[
            (NEEDS_WORK, _("Needs work (all but up to date)")),
            *[(state, label) for state, (label, _colour) in STATES.items()],
        ],
        empty_label=_("All states"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in target_locales()
        ]


class NextStepColumn(Column):
    cell_template_name = "home/admin/translation_report_next_step.html"


class TranslationReportView(ReportView):
    """Every page and snippet whose translation is missing, incomplete or out of date."""

    page_title = _("Translations to do")
    header_icon = "globe"
    template_name = "home/admin/translation_report.html"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    any_permission_required = ["add", "change", "publish"]
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    export_filename = "translations-to-do"
    columns = [
        TitleColumn("title", label=_("English title"), get_url=lambda row: row.english_url),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        Column("state_label", label=_("State")),
        Column("progress", label=_("Strings")),
        DateColumn("english_changed_at", label=_("English published")),
        DateColumn("translated_at", label=_("Translation last saved")),
        NextStepColumn("next_step", label=_("Next step")),
    ]
    list_export = [
        "title",
        "kind",
        "language",
        "state_label",
        "translated",
        "total",
        "machine",
        "english_changed_at",
        "translated_at",
    ]
    export_headings = {
        "title": _("English title"),
        "kind": _("Type"),
        "language": _("Language"),
        "state_label": _("State"),
        "translated": _("Strings translated"),
        "total": _("Strings in all"),
        "machine": _("Strings machine translated, not reviewed"),
        "english_changed_at": _("English published"),
        "translated_at": _("Translation last saved"),
    }

    @cached_property
    def permission_policy(self):
        return PagePermissionPolicy(Page)

    @cached_property
    def all_statuses(self):
        return translation_statuses()

    def get_filterset_kwargs(self):
        # The rows are worked out in Python, so the filter set filters a list (below).
        return {**super().get_filterset_kwargs(), "queryset": Page.objects.none()}

    def get_queryset(self):
        return self.all_statuses

    def filter_queryset(self, queryset):
        if not (self.filters and self.filters.is_valid()):
            return queryset
        language = self.filters.form.cleaned_data.get("language")
        state = self.filters.form.cleaned_data.get("state")
        return [
            row
            for row in queryset
            if (not language or row.language_code == language)
            and (not state or row.state == state or (state == NEEDS_WORK and row.needs_work))
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["translation_summary"] = summary_chart(self.all_statuses)
        return context


# --- The dashboard panel -----------------------------------------------------------------------


class TranslationsPanel(Component):
    """On the dashboard: per language, how many pages and snippets need translation work."""

    name = "translations_to_do"
    order = 160
    template_name = "home/admin/translation_dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        report = reverse("translation_status_report")
        languages = [
            {
                "name": name,
                "count": sum(count for state, count in by_state.items() if state != UP_TO_DATE),
                "url": f"{report}?language={code}&state={NEEDS_WORK}",
            }
            for code, name, by_state in summary(translation_statuses())
        ]
        for language in languages:
            language["text"] = ngettext(
                "%(count)s item needs work", "%(count)s items need work", language["count"]
            ) % {"count": language["count"]}
        return {"languages": languages, "report_url": report}
