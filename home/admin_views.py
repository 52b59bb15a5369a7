"""Admin reports of the publishing side."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from home.models import PolicyPage
from home.models.policies import REVIEW_WARNING_DAYS


def policies_due_for_review():
    """Policies whose review is overdue or due within the warning window, soonest first."""
    horizon = timezone.localdate() + datetime.timedelta(days=REVIEW_WARNING_DAYS)
    return (
        PolicyPage.objects.filter(next_review_due__lte=horizon)
        .select_related("locale")
        .order_by("next_review_due", "title")
    )


class PolicyReviewReportView(ReportView):
    """Policies whose review is overdue or due within 30 days."""

    page_title = _("Policies due for review")
    header_icon = "doc-full"
    index_url_name = "policy_review_report"
    index_results_url_name = "policy_review_report_results"
    columns = [
        TitleColumn("title", label=_("Policy"), url_name="wagtailadmin_pages:edit"),
        Column("owner_role", label=_("Owner")),
        Column("get_status_display", label=_("Status")),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("next_review_due", label=_("Next review due")),
    ]
    list_export = ["title", "owner_role", "status", "last_reviewed", "next_review_due"]
    export_headings = {
        "title": _("Policy"),
        "owner_role": _("Owner"),
        "status": _("Status"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
    }

    def get_queryset(self):
        return policies_due_for_review()
