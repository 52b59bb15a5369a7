"""Admin reports of the publishing side."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from foundation.charts import bar_chart
from home.models import PolicyPage
from home.models.policies import REVIEW_WARNING_DAYS

# The chart's bars, in px: wide enough to compare, narrow enough to sit beside the numbers.
CHART_WIDTH = 240


def one_per_policy(policies):
    """Each policy once: its default-language page, or its own page where it has none.

    A translated policy is the same policy with the same review dates (they are synchronised),
    so listing each language's copy would only repeat it.
    """
    default = Locale.get_default()
    in_default = PolicyPage.objects.filter(locale=default).values("translation_key")
    return policies.filter(Q(locale=default) | ~Q(translation_key__in=in_default))


def policies_due_for_review():
    """Policies whose review is overdue or due within the warning window, soonest first."""
    horizon = timezone.localdate() + datetime.timedelta(days=REVIEW_WARNING_DAYS)
    return one_per_policy(PolicyPage.objects.filter(next_review_due__lte=horizon)).order_by(
        "next_review_due", "title"
    )


def review_summary():
    """A chart of how many policies are overdue, due soon, up to date or undated: one query."""
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=REVIEW_WARNING_DAYS)
    counts = one_per_policy(PolicyPage.objects.all()).aggregate(
        overdue=Count("pk", filter=Q(next_review_due__lt=today)),
        due_soon=Count("pk", filter=Q(next_review_due__gte=today, next_review_due__lte=horizon)),
        up_to_date=Count("pk", filter=Q(next_review_due__gt=horizon)),
        no_date=Count("pk", filter=Q(next_review_due__isnull=True)),
    )
    rows = [
        ("overdue", _("Overdue"), "#cd4444"),
        (
            "due_soon",
            ngettext("Due within %(days)s day", "Due within %(days)s days", REVIEW_WARNING_DAYS)
            % {"days": REVIEW_WARNING_DAYS},
            "#b35c00",
        ),
        ("up_to_date", _("Up to date"), "#1b8666"),
        ("no_date", _("No review date"), "#6a6a6a"),
    ]
    return bar_chart(
        [
            {"key": key, "label": label, "value": counts[key], "colour": colour}
            for key, label, colour in rows
        ],
        bar_width=CHART_WIDTH,
        label_width=180,
    )


class PolicyReviewReportView(ReportView):
    """Policies whose review is overdue or due within 30 days, each once with its languages."""

    page_title = _("Policies due for review")
    header_icon = "doc-full"
    template_name = "home/admin/policy_review_report.html"
    index_url_name = "policy_review_report"
    index_results_url_name = "policy_review_report_results"
    # The people who look after pages; Wagtail's own page reports ask the same.
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Policy"), url_name="wagtailadmin_pages:edit"),
        Column("owner_role", label=_("Owner")),
        Column("get_status_display", label=_("Status")),
        Column("languages", label=_("Languages")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("next_review_due", label=_("Next review due")),
    ]
    list_export = [
        "title",
        "owner_role",
        "status",
        "languages",
        "last_reviewed",
        "next_review_due",
    ]
    export_headings = {
        "title": _("Policy"),
        "owner_role": _("Owner"),
        "status": _("Status"),
        "languages": _("Languages"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
    }

    @cached_property
    def permission_policy(self):
        return PagePermissionPolicy(Page)

    def get_queryset(self):
        return policies_due_for_review()

    def decorate_paginated_queryset(self, object_list):
        """Give each policy the languages it exists in, for the listing and the export."""
        policies = list(object_list)
        names = {}
        for translation_key, locale_id in PolicyPage.objects.filter(
            translation_key__in=[policy.translation_key for policy in policies]
        ).values_list("translation_key", "locale_id"):
            names.setdefault(translation_key, set()).add(locale_id)
        locales = {locale.pk: str(locale.get_display_name()) for locale in Locale.objects.all()}
        for policy in policies:
            in_languages = sorted(locales[pk] for pk in names.get(policy.translation_key, ()))
            policy.languages = ", ".join(in_languages)
        return policies

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["review_summary"] = review_summary()
        return context
