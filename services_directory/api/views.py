"""The read-only Open Referral UK v3 endpoints."""

import uuid

from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from services_directory.api.schemas import load_json
from services_directory.finder import store
from services_directory.geo import distance_miles_expression, metres_to_miles, within_box_q
from services_directory.models import DELIVERY_TAXONOMY_ID

from . import filters, queries, serializers
from .errors import api_view, json_response, not_found
from .openapi import SERVED_SCHEMAS, openapi_document
from .pagination import Chain, envelope, page_window, paginate
from .params import read_query

# The UK profile's home page, as the ORUK validator's own example gives it.
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
API_VERSION = "3.0"


def _uuid_or_404(value, message):
    try:
        parsed = uuid.UUID(value)
    except (ValueError, TypeError, AttributeError) as error:
        raise not_found(message) from error
    if str(parsed) != value.lower():
        # Only the canonical form is an id here; "{…}" and "urn:uuid:…" name nothing.
        raise not_found(message)
    return str(parsed)


@api_view
def api_details(request):
    return json_response(
        {
            "version": API_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
        }
    )


@api_view
def openapi(request):
    base = request.build_absolute_uri(reverse("openreferral:api_details")).rstrip("/")
    return json_response(openapi_document(base))


@api_view
def schema(request, name):
    """A bundled ORUK schema that our OpenAPI document refers to."""
    if name not in SERVED_SCHEMAS:
        raise not_found(_("There is no schema with that name."))
    return json_response(load_json(SERVED_SCHEMAS[name]))


# --- services ------------------------------------------------------------------------------------


def _service_pks(query):
    """(total, primary keys of the requested page) for the services matching `query`."""
    queryset = filters.filter_services(queries.published_services(), query)
    by_distance = query.postcode is not None
    if query.search and not by_distance:
        results = filters.search_results(queryset, query, ranked=True)
        total = results.count()
        window = page_window(total, query.page, query.per_page)
        return total, [page.pk for page in results[window[0] : window[1]]] if window else []
    if query.search:
        queryset = queryset.filter(pk__in=filters.search_results(queryset, query, ranked=False))
    total = queryset.count()
    window = page_window(total, query.page, query.per_page)
    return total, list(
        queryset.values_list("pk", flat=True)[window[0] : window[1]]
    ) if window else []


def _kept_service_pks(request, query):
    """_service_pks, kept for the content generation: the count and sort of every published
    service happen once per query and editors' change, not per request (at 10,000 services they
    were most of the list's time). The answer depends on nothing but the parameters and the
    content, so nothing kept is stale."""
    generation = store.generation_of(request)
    # The parameters as sent: read_query has checked them, and the same text reads the same.
    key = ("api-services", *sorted((name, request.GET[name]) for name in query.values))
    kept = store.recall(generation, key)
    if kept is None:
        total, pks = filters.searching(_service_pks, query)
        kept = store.keep(generation, key, (total, tuple(pks)))
    return kept


@api_view
def services(request):
    query = read_query(request, "services")
    total, pks = _kept_service_pks(request, query)
    full = bool(query.full)
    with override("en"):
        contents = [
            serializers.service(page, full=full)
            for page in queries.services_in_order(pks, full=full)
        ]
    return json_response(envelope(total, query.page, query.per_page, contents))


@api_view
def service_detail(request, service_id):
    message = _("There is no published service with that id.")
    page = queries.service_by_oruk_id(_uuid_or_404(service_id, message))
    if page is None:
        raise not_found(message)
    with override("en"):
        return json_response(serializers.service(page))


# --- services at locations -----------------------------------------------------------------------


@api_view
def service_at_locations(request):
    query = read_query(request, "service_at_locations")
    services = filters.filter_services(queries.published_services(), query)
    if query.search:
        services = services.filter(
            pk__in=filters.searching(filters.search_results, services, query, False)
        )
    sals = queries.published_service_at_locations(services)
    if query.postcode is not None:
        sals = _sals_by_distance(sals, query)
    else:
        sals = sals.order_by("service__title", "service__translation_key", *queries.IN_ORDER)
    full = bool(query.full)
    with override("en"):
        if full:
            return json_response(_full_sal_page(sals, query))
        return json_response(
            filters.searching(paginate, sals, query, serializers.service_at_location_item)
        )


def _sals_by_distance(sals, query):
    lat, lng = "location__latitude", "location__longitude"
    if query.proximity is not None:
        miles = metres_to_miles(query.proximity)
        sals = sals.filter(within_box_q(query.postcode, miles, lat, lng))
    sals = sals.annotate(distance=distance_miles_expression(query.postcode, lat, lng))
    if query.proximity is not None:
        sals = sals.filter(distance__lte=metres_to_miles(query.proximity))
    return sals.order_by(F("distance").asc(nulls_last=True), "service__title", "oruk_id")


def _full_sal_page(sals, query):
    total = sals.count()
    window = page_window(total, query.page, query.per_page)
    rows = list(sals[window[0] : window[1]]) if window else []
    pages = {
        page.pk: page
        for page in queries.services_in_order(sorted({sal.service_id for sal in rows}))
    }
    contents = [
        serializers.service_at_location_item(sal, serializers.service(pages[sal.service_id]))
        for sal in rows
    ]
    return envelope(total, query.page, query.per_page, contents)


@api_view
def service_at_location_detail(request, sal_id):
    message = _("There is no published service at a location with that id.")
    sal = (
        queries.published_service_at_locations()
        .filter(oruk_id=_uuid_or_404(sal_id, message))
        .first()
    )
    page = queries.service_by_oruk_id(str(sal.service.translation_key)) if sal else None
    if page is None:
        raise not_found(message)
    with override("en"):
        return json_response(serializers.service_at_location_item(sal, serializers.service(page)))


# --- organisations -------------------------------------------------------------------------------


@api_view
def organizations(request):
    query = read_query(request, "organizations")
    orgs = queries.organisations()
    if query.search:
        orgs = orgs.filter(_text_q(query.search, "name", "description"))
    with override("en"):
        return json_response(
            paginate(orgs.order_by("name", "translation_key"), query, serializers.organization)
        )


@api_view
def organization_detail(request, organization_id):
    message = _("There is no organisation with that id.")
    org = (
        queries.organisations()
        .filter(translation_key=_uuid_or_404(organization_id, message))
        .first()
    )
    if org is None:
        raise not_found(message)
    pages = queries.with_service_rows(
        queries.published_services().filter(organisation=org)
    ).order_by("title", "translation_key")
    with override("en"):
        return json_response(
            serializers.organization(org) | {"services": [serializers.service(p) for p in pages]}
        )


# --- taxonomies and terms ------------------------------------------------------------------------


def _text_q(text, *fields):
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": text})
    return condition


def _matches(item, text):
    text = text.lower()
    return text in item["name"].lower() or text in item.get("description", "").lower()


@api_view
def taxonomies(request):
    query = read_query(request, "taxonomies")
    rows = queries.taxonomies()
    with override("en"):
        fixed = [serializers.delivery_taxonomy()]
        if query.search:
            rows = rows.filter(_text_q(query.search, "name", "description"))
            fixed = [item for item in fixed if _matches(item, query.search)]
        sequence = Chain(fixed, rows.order_by("name", "translation_key"))
        return json_response(paginate(sequence, query, _taxonomy_item))


def _taxonomy_item(item):
    return item if isinstance(item, dict) else serializers.taxonomy(item)


@api_view
def taxonomy_detail(request, taxonomy_id):
    message = _("There is no taxonomy with that id.")
    taxonomy_id = _uuid_or_404(taxonomy_id, message)
    with override("en"):
        if taxonomy_id == str(DELIVERY_TAXONOMY_ID):
            return json_response(serializers.delivery_taxonomy_with_terms())
        tax = queries.taxonomies().filter(translation_key=taxonomy_id).first()
        if tax is None:
            raise not_found(message)
        terms = queries.taxonomy_terms().filter(taxonomy=tax).order_by("name", "translation_key")
        return json_response(serializers.taxonomy(tax, terms))


@api_view
def taxonomy_terms(request):
    query = read_query(request, "taxonomy_terms")
    rows = queries.taxonomy_terms()
    with override("en"):
        fixed = serializers.delivery_terms()
        if query.taxonomy_id:
            rows = rows.filter(taxonomy__translation_key=query.taxonomy_id)
            fixed = [term for term in fixed if term["taxonomy_id"] == query.taxonomy_id]
        if query.parent_id:
            rows = rows.filter(parent__translation_key=query.parent_id)
            fixed = []
        if query.top_only:
            rows = rows.filter(parent__isnull=True)
        if query.search:
            rows = rows.filter(_text_q(query.search, "name", "description"))
            fixed = [term for term in fixed if _matches(term, query.search)]
        sequence = Chain(fixed, rows.order_by("name", "translation_key"))
        return json_response(paginate(sequence, query, _term_item))


def _term_item(item):
    return item if isinstance(item, dict) else serializers.taxonomy_term(item)


@api_view
def taxonomy_term_detail(request, term_id):
    message = _("There is no taxonomy term with that id.")
    term_id = _uuid_or_404(term_id, message)
    with override("en"):
        for term in serializers.delivery_terms():
            if term["id"] == term_id:
                return json_response(term)
        term = queries.taxonomy_terms().filter(translation_key=term_id).first()
        if term is None:
            raise not_found(message)
        return json_response(serializers.taxonomy_term(term))


@api_view
def unknown(request, rest=""):
    raise not_found(
        _("There is nothing at this address. Start at the API's root for what is here.")
    )
