"""Admin registration for the publishing side: snippets, policy review and translation reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_views import PolicyReviewReportView
from home.models import PolicyTopic, SafeguardingNotice, SiteText
from home.translation_report import TranslationReportView, TranslationsPanel, target_locales
from home.translation_views import SyncTranslationsView, machine_translate, upload_pofile


class SafeguardingNoticeViewSet(SnippetViewSet):
    model = SafeguardingNotice
    icon = "warning"
    list_display = ["heading", "locale", "live"]
    menu_label = _("Safeguarding notice")


class PolicyTopicViewSet(SnippetViewSet):
    model = PolicyTopic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "site"
    list_display = ["site_name", "organisation_name", "locale"]
    menu_label = _("Site text")


register_snippet(SafeguardingNoticeViewSet)
register_snippet(SiteTextViewSet)
register_snippet(PolicyTopicViewSet)


@hooks.register("register_admin_urls")
def register_policy_review_report_urls():
    return [
        path(
            "reports/policies-due-for-review/",
            PolicyReviewReportView.as_view(),
            name="policy_review_report",
        ),
        path(
            "reports/policies-due-for-review/results/",
            PolicyReviewReportView.as_view(results_only=True),
            name="policy_review_report_results",
        ),
    ]


class PolicyReviewMenuItem(MenuItem):
    def is_shown(self, request):
        # As the report itself asks: people who can add, edit or publish pages.
        return user_has_any_page_permission(request.user)


@hooks.register("register_reports_menu_item")
def register_policy_review_menu_item():
    return PolicyReviewMenuItem(
        _("Policies due for review"),
        reverse("policy_review_report"),
        icon_name="doc-full",
        order=700,
    )


# --- Translations (issue 10) -----------------------------------------------------------------


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "reports/translations-to-do/",
            TranslationReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translations-to-do/results/",
            TranslationReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
        # wagtail-localize's own addresses, answered first by views that turn an unreachable
        # machine translation service or an unusable PO file into a message, not a 500.
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate,
        ),
        path("localize/translate/<int:translation_id>/pofile/upload/", upload_pofile),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslationsView.as_view(),
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translations to do"),
        reverse("translation_status_report"),
        icon_name="globe",
        order=710,
    )


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if user_has_any_page_permission(request.user) and target_locales():
        panels.append(TranslationsPanel(request))
