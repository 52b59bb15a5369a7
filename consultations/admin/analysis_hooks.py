"""Admin registration for analysing feedback: the dashboard, its exports and the findings report.

Each consultation's dashboard is reached from the page's own buttons (its header and the "more"
menu in page listings) and from "Consultation feedback" in the reports menu.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from consultations.admin.dashboard_views import (
    ConsultationFeedbackReportView,
    CreateFindingsReportView,
    FeedbackDashboardView,
    FeedbackExportView,
    can_see_feedback,
    user_may_list_feedback,
)
from consultations.models import ConsultationPage


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path(
            "reports/consultation-feedback/",
            ConsultationFeedbackReportView.as_view(),
            name="consultation_feedback_index",
        ),
        path(
            "reports/consultation-feedback/results/",
            ConsultationFeedbackReportView.as_view(results_only=True),
            name="consultation_feedback_index_results",
        ),
        path(
            "consultations/<int:page_id>/feedback/",
            FeedbackDashboardView.as_view(),
            name="consultation_feedback",
        ),
        path(
            "consultations/<int:page_id>/feedback/export/",
            FeedbackExportView.as_view(),
            name="consultation_feedback_export",
        ),
        path(
            "consultations/<int:page_id>/feedback/findings/",
            CreateFindingsReportView.as_view(),
            name="consultation_findings",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_list_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Consultation feedback"),
        reverse("consultation_feedback_index"),
        icon_name="table",
        order=720,
    )


class FeedbackButton(PageMenuItem):
    """'Feedback' among a consultation page's actions."""

    label = _("Feedback")
    icon_name = "table"
    url_name = "consultation_feedback"

    def is_shown(self, user):
        return can_see_feedback(user, self.page)


def _is_consultation(page):
    return issubclass(page.specific_class or type(page), ConsultationPage)


@hooks.register("register_page_header_buttons")
def feedback_header_button(page, user, view_name, next_url=None):
    if _is_consultation(page):
        yield FeedbackButton(page=page, priority=68)


@hooks.register("register_page_listing_more_buttons")
def feedback_listing_button(page, user, next_url=None):
    if _is_consultation(page):
        yield FeedbackButton(page=page, priority=55)
