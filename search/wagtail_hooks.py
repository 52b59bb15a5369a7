"""Admin registration for search: one "Search" menu with the synonyms, promoted results and the
search terms report, which is also under Reports in place of Wagtail's superuser-only one."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.viewsets.base import ViewSetGroup

from search.admin.report_views import SearchTermsReportView
from search.admin.synonyms import SynonymSetViewSet
from search.insight import report

SEARCH_MENU_HOOK = "register_search_menu_item"
REPORT_PERMISSION = "search.view_searchqueryday"
PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")
]
# Wagtail's own names for its menu items, which this module moves or replaces.
WAGTAIL_PROMOTIONS_ITEM = "promoted-search-results"
WAGTAIL_SEARCH_TERMS_ITEM = "search-terms"


class SearchMenu(ViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 230
    items = (SynonymSetViewSet,)
    submenu_hook = SEARCH_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_search_menu():
    return SearchMenu()


class PromotionsMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register(SEARCH_MENU_HOOK)
def register_promotions_in_search_menu():
    return PromotionsMenuItem(
        _("Promoted results"),
        reverse("wagtailsearchpromotions:index"),
        name="search-promoted-results",
        icon_name="pick",
        order=2,
    )


@hooks.register(SEARCH_MENU_HOOK)
def register_report_in_search_menu():
    return SearchTermsMenuItem(
        _("Search terms report"),
        reverse("search_terms_report"),
        name="search-terms-report-in-search",
        icon_name="table",
        order=3,
    )


@hooks.register("register_reports_menu_item")
def register_report_in_reports_menu():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="search-terms-report",
        icon_name="search",
        order=730,
    )


@hooks.register("construct_settings_menu")
def move_promotions_to_search_menu(request, menu_items):
    # One place for everything that shapes search results: the Search menu.
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_PROMOTIONS_ITEM]


@hooks.register("construct_reports_menu")
def replace_wagtails_search_terms_report(request, menu_items):
    # Wagtail's report counts hits across languages for superusers only; ours replaces it.
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_ITEM]


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_permissions")
def register_search_terms_permission():
    # So the report can be given to a group in Settings → Groups.
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_searchqueryday"
    )


class NothingFoundSummaryItem(SummaryItem):
    """On the dashboard: how many searches found nothing this week, linking to the report."""

    order = 260
    template_name = "search/admin/summary_nothing_found.html"
    days = 7

    def is_shown(self):
        return self.request.user.has_perm(REPORT_PERMISSION)

    def get_context_data(self, parent_context):
        return {
            "count": report.summary(report.rows_for(self.days))["no_results"],
            "days": self.days,
            "url": f"{reverse('search_terms_report')}?period={self.days}",
        }


@hooks.register("construct_homepage_summary_items")
def add_nothing_found_summary_item(request, summary_items):
    summary_items.append(NothingFoundSummaryItem(request))
