"""The list filters, applied in the database; keyword search goes through Wagtail search."""

import logging

from django.db import DatabaseError
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from search.backends import get_backend
from services_directory.geo import distance_miles_expression, metres_to_miles, within_box_q
from services_directory.models import OpeningSession, ServiceAtLocation, ServicePage

from . import queries
from .errors import ApiError

logger = logging.getLogger(__name__)


def filter_services(queryset, query):
    """Services matching every filter in `query` (search aside), ordered for paging."""
    conditions = Q()
    if query.taxonomy_term_id:
        conditions &= queries.with_term_q(query.taxonomy_term_id)
    if query.taxonomy_id:
        conditions &= queries.in_taxonomy_q(query.taxonomy_id)
    if query.organization_id:
        conditions &= Q(organisation__translation_key=query.organization_id)
    # Age ranges overlap: a blank limit on the service means "no limit".
    if query.minimum_age is not None:
        conditions &= Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.minimum_age)
    if query.maximum_age is not None:
        conditions &= Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.maximum_age)
    if query.modified_after is not None:
        conditions &= Q(last_modified__gte=query.modified_after)
    sessions = _sessions(query)
    if sessions is not None:
        conditions &= Q(Exists(sessions.filter(service=OuterRef("pk"))))
    queryset = queryset.filter(conditions)
    if query.postcode is not None:
        queryset = _by_distance(queryset, query)
        return queryset.order_by(F("distance").asc(nulls_last=True), "title", "translation_key")
    # Ties are broken by the ORUK id, so pages come out alike after an export and import.
    return queryset.order_by("title", "translation_key")


def _sessions(query):
    """Sessions on the day and within the times asked for, or None when no time filter is given."""
    if query.day is None and query.start_time is None and query.end_time is None:
        return None
    sessions = OpeningSession.objects.all()
    if query.day is not None:
        sessions = sessions.filter(weekday=query.day)
    if query.start_time is not None:
        sessions = sessions.filter(opens_at__gte=query.start_time)
    if query.end_time is not None:
        sessions = sessions.filter(closes_at__lte=query.end_time)
    return sessions


def _by_distance(queryset, query):
    """Annotate each service with the distance in miles to its nearest location."""
    point = query.postcode
    lat, lng = "location__latitude", "location__longitude"
    nearest = ServiceAtLocation.objects.filter(service=OuterRef("pk"))
    if query.proximity is not None:
        miles = metres_to_miles(query.proximity)
        nearest = nearest.filter(within_box_q(point, miles, lat, lng))
    nearest = (
        nearest.annotate(distance=distance_miles_expression(point, lat, lng))
        .filter(distance__isnull=False)
        .order_by("distance")
        .values("distance")[:1]
    )
    queryset = queryset.annotate(distance=Subquery(nearest))
    if query.proximity is not None:
        queryset = queryset.filter(distance__lte=metres_to_miles(query.proximity))
    return queryset


def search_results(queryset, query, ranked):
    """Wagtail search over the already-filtered services.

    Ranked: the backend's results (count() and slicing), best first. Not ranked (the caller sorts,
    by distance say): the primary keys of every match.
    """
    backend, _degraded = get_backend()
    candidates = ServicePage.objects.filter(id__in=queryset.order_by().values("pk"))
    if ranked:
        return backend.search(query.search, candidates)
    return [
        page.pk
        for page in backend.search(query.search, candidates.only("pk"), order_by_relevance=False)
    ]


def searching(function, *args):
    """Run `function`, turning a search engine failure into a 400 that names the parameter."""
    try:
        return function(*args)
    except DatabaseError as error:
        # clean_query() removes the syntax the engines reject, so this is the engine failing.
        logger.warning("API search failed: %s", error)
        raise ApiError(
            400, _("The search could not be run."), [("search", _("Try other keywords."))]
        ) from error
