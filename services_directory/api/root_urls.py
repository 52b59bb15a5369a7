"""A URL configuration holding only the API, set on API requests (see errors.api_view).

The site's LocaleMiddleware answers any 404 outside the language-prefixed URLs with a redirect to
/en/…; with this as the request's urlconf it sees no language-prefixed patterns, so a client
asking for an unknown id gets our JSON 404 rather than a redirect to an HTML page.
"""

from django.urls import include, path

urlpatterns = [path("api/openreferral/v3/", include("services_directory.api.urls"))]
