"""URL wiring: admin and machine URLs unprefixed; all a reader sees under /<language>/."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from council_site import views
from foundation import routing
from search import views as search_views
from search.insight.views import search_opened

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("api/openreferral/v3/", include("services_directory.api.urls")),
    # The results page's "a result was opened" beacon: counts only, no language in the address.
    path("search/opened/", search_opened, name="search_opened"),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggestions/", search_views.suggestions, name="search_suggestions"),
    path("directory/", include("services_directory.urls")),
    path("consultations/", include("consultations.urls")),
    path("", include(routing)),
    prefix_default_language=True,
)

handler404 = "council_site.views.page_not_found"
handler500 = "council_site.views.server_error"
