"""The read-only Open Referral UK v3 API, under /api/openreferral/v3/.

Paths answer with or without a trailing slash, as ORUK clients build them both ways.
"""

from django.urls import path, re_path

from . import views

app_name = "openreferral"

_ID = r"(?P<{}>[^/]{{1,100}})/?$"

urlpatterns = [
    path("", views.api_details, name="api_details"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^schemas/(?P<name>[a-z_]{1,40})\.json$", views.schema, name="schema"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(r"^services/" + _ID.format("service_id"), views.service_detail, name="service"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^service_at_locations/" + _ID.format("sal_id"),
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(
        r"^organizations/" + _ID.format("organization_id"),
        views.organization_detail,
        name="organization",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/" + _ID.format("taxonomy_id"), views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(
        r"^taxonomy_terms/" + _ID.format("term_id"),
        views.taxonomy_term_detail,
        name="taxonomy_term",
    ),
    # Anything else under the API is a JSON 404 with the CORS header, not the site's HTML page.
    re_path(r"^(?P<rest>.*)$", views.unknown, name="unknown"),
]
