"""The feedback dashboard of a consultation, its exports and its draft findings report.

Who may look: people who can edit the consultation page, and consultation moderators (who can
change ideas). Names and email addresses appear in exports only for people who may see personal
data. Wagtail's admin turns a refusal (PermissionDenied) into its usual "Sorry, you do not have
permission" message; a visitor who is not signed in is sent to sign in.
"""

import tempfile

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from consultations.exports import SHEETS, FeedbackExport, can_see_personal_data, sheet_title
from consultations.figures import consultation_figures
from consultations.models import ConsultationPage
from consultations.services.findings import create_findings_report
from foundation.charts import bar_chart, stacked_bar_chart

MODERATE_IDEAS = "consultations.change_idea"
COUNTS = {"received": _("All ideas received"), "published": _("Published ideas only")}


def can_see_feedback(user, page):
    """Editors of the consultation page and consultation moderators."""
    return user.has_perm(MODERATE_IDEAS) or page.permissions_for_user(user).can_edit()


def can_create_findings(user, page):
    """Whoever may add a page beside the consultation may start its findings report."""
    return can_see_feedback(user, page) and (
        page.get_parent().permissions_for_user(user).can_add_subpage()
    )


class ConsultationMixin:
    """Finds the consultation in the URL and refuses people who may not see its feedback."""

    permission_check = staticmethod(can_see_feedback)

    def dispatch(self, request, *args, **kwargs):
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        if not self.permission_check(request.user, self.consultation):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FeedbackDashboardView(ConsultationMixin, WagtailAdminTemplateMixin, TemplateView):
    """Charts of a consultation's ideas, with their tables, the exports and the findings action."""

    template_name = "consultations/admin/dashboard.html"
    header_icon = "table"

    def get_page_title(self):
        return gettext("Feedback")

    def get_page_subtitle(self):
        return self.consultation.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("consultation_feedback_index"),
                "label": gettext("Consultation feedback"),
            },
            {"url": "", "label": self.consultation.get_admin_display_title()},
        ]

    @cached_property
    def count(self):
        # Anything other than the two known values (a hostile or stale link) counts everything.
        requested = self.request.GET.get("count")
        return requested if requested in COUNTS else "received"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = consultation_figures(self.consultation)
        field = self.count

        def chart(rows):
            return bar_chart([(row.label, getattr(row, field), row.key) for row in rows])

        crosstab = figures.theme_by_respondent_type
        page_id = self.consultation.pk
        export_url = reverse("consultation_feedback_export", args=[page_id])
        context.update(
            {
                "consultation": self.consultation,
                "figures": figures,
                "reasons": reasons_table(figures),
                "count": field,
                "count_choices": [
                    {"value": value, "label": label, "current": value == field}
                    for value, label in COUNTS.items()
                ],
                "theme_chart": chart(figures.by_theme),
                "respondent_chart": chart(figures.by_respondent_type),
                "area_chart": chart(figures.by_area),
                "language_chart": chart(figures.by_language),
                "day_chart": chart(figures.by_day),
                "crosstab_chart": stacked_bar_chart(
                    [row.label for row in crosstab.rows],
                    [label for _value, label in crosstab.columns],
                    getattr(crosstab, field),
                ),
                "exports": [
                    {
                        "url": f"{export_url}?format=xlsx",
                        "label": gettext("Ideas, comments and supports (XLSX)"),
                    },
                    *(
                        {
                            "url": f"{export_url}?format=csv&sheet={sheet}",
                            "label": gettext("%(sheet)s (CSV)") % {"sheet": sheet_title(sheet)},
                        }
                        for sheet in SHEETS
                    ),
                ],
                "with_personal_data": can_see_personal_data(self.request.user),
                "can_create_findings": can_create_findings(self.request.user, self.consultation),
                "findings_url": reverse("consultation_findings", args=[page_id]),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page_id]),
            }
        )
        return context


def reasons_table(figures):
    """Ideas and comments not published, side by side for each reason either has."""
    rows = {}
    for kind in ("ideas", "comments"):
        for reason in getattr(figures, kind).by_reason:
            row = rows.setdefault(reason.reason, {"label": reason.label, "ideas": 0, "comments": 0})
            row[kind] = reason.count
    return list(rows.values())


class FeedbackExportView(ConsultationMixin, View):
    """Ideas, comments and supports as CSV (one sheet) or XLSX (all three)."""

    def get(self, request, page_id):
        file_format = request.GET.get("format", "xlsx")
        sheet = request.GET.get("sheet", "ideas")
        if file_format not in ("csv", "xlsx") or sheet not in SHEETS:
            return HttpResponseBadRequest(
                gettext("Choose CSV or XLSX, and ideas, comments or supports.")
            )
        export = FeedbackExport(
            self.consultation, personal_data=can_see_personal_data(request.user)
        )
        stem = f"{self.consultation.slug}-feedback-{timezone.localdate().isoformat()}"
        if file_format == "csv":
            response = StreamingHttpResponse(
                export.csv_lines(sheet), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}-{sheet}.csv"'
            return response
        # openpyxl writes a zip file, which needs to seek: a temporary file spills to disk past
        # a few megabytes instead of growing in memory. FileResponse closes it when sent.
        file = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)  # noqa: SIM115
        export.write_xlsx(file)
        file.seek(0)
        return FileResponse(
            file,
            as_attachment=True,
            filename=f"{stem}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


class CreateFindingsReportView(ConsultationMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm, then makes a draft findings report and opens it in the editor."""

    template_name = "consultations/admin/findings_confirm.html"
    header_icon = "doc-full"
    permission_check = staticmethod(can_create_findings)

    def get_page_title(self):
        return gettext("Create findings report")

    def get_page_subtitle(self):
        return self.consultation.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "consultation": self.consultation,
                "dashboard_url": reverse("consultation_feedback", args=[self.consultation.pk]),
                "index": self.consultation.get_parent(),
            }
        )
        return context

    def post(self, request, page_id):
        report = create_findings_report(self.consultation, request.user)
        messages.success(
            request,
            gettext("Draft report '%(title)s' created. Finish it and publish it when ready.")
            % {"title": report.title},
        )
        return redirect("wagtailadmin_pages:edit", report.pk)


class ConsultationFeedbackReportView(ReportView):
    """The reports menu's list of consultations, each linking to its feedback dashboard."""

    page_title = _("Consultation feedback")
    header_icon = "table"
    index_url_name = "consultation_feedback_index"
    index_results_url_name = "consultation_feedback_index_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Consultation"),
            get_url=lambda page: reverse("consultation_feedback", args=[page.pk]),
        ),
        Column("status_label", label=_("Status")),
        DateColumn("opens_at", label=_("Opens")),
        DateColumn("closes_at", label=_("Closes")),
    ]
    list_export = ["title", "status_label", "opens_at", "closes_at"]
    export_headings = {
        "title": _("Consultation"),
        "status_label": _("Status"),
        "opens_at": _("Opens"),
        "closes_at": _("Closes"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not user_may_list_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Each consultation once: its default-language page, or its own where it has none.
        default = Locale.get_default()
        in_default = ConsultationPage.objects.filter(locale=default).values("translation_key")
        consultations = ConsultationPage.objects.filter(
            Q(locale=default) | ~Q(translation_key__in=in_default)
        )
        user = self.request.user
        if not user.has_perm(MODERATE_IDEAS):
            editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
            consultations = consultations.filter(pk__in=editable.values("pk"))
        return consultations.order_by("-closes_at", "title")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.status_label = str(page.status.label)
        return pages


def user_may_list_feedback(user):
    return user.has_perm(MODERATE_IDEAS) or user_has_any_page_permission(user)
