"""The site's URLs plus the two reference views every figure is compared with."""

from django.http import HttpResponse
from django.urls import path

from bench.reference import reference_home
from council_site.urls import urlpatterns as site_urlpatterns

PLAIN_BODY = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Plain view</title></head>"
    "<body><h1>Plain Django view</h1><p>No template, no database.</p></body></html>"
)


def plain(request):
    """The ceiling: a response through the full middleware stack with no template and no SQL."""
    return HttpResponse(PLAIN_BODY)


# The site's list is copied, not include()d: Django refuses i18n_patterns inside include().
urlpatterns = [
    path("bench/plain/", plain, name="bench_plain"),
    path("bench/reference-43/", reference_home, name="bench_reference_43"),
    *site_urlpatterns,
]

handler404 = "council_site.views.page_not_found"
handler500 = "council_site.views.server_error"
