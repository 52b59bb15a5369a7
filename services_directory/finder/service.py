"""The service page's context: everything a family needs to decide and to get there."""

import heapq
import math
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from services_directory.forms import ProblemReportForm
from services_directory.geo import EARTH_RADIUS_MILES
from services_directory.models import ServiceAtLocation, ServicePage, ServiceStatus
from services_directory.shortlist import shortlist_ids

from . import bits
from .directory import map_settings
from .filters import horizon, key_text, school_holidays_between
from .index import DirectoryIndex
from .opening import (
    HORIZON_DAYS,
    DateRange,
    next_opening,
    other_schedules,
    sessions_from_schedules,
    upcoming_closures,
    weekly_table,
)
from .terms import terms_for
from .text import age_range_text, cost_option_text, distance_text

RELATED_LIMIT = 3
OSM_ZOOM = 17


@dataclass
class Place:
    location: object
    note: str
    address_lines: list
    map_url: str

    @property
    def has_position(self):
        return self.location.latitude is not None and self.location.longitude is not None


def openstreetmap_url(latitude, longitude):
    """A plain link to OpenStreetMap at the location: no embed, no script, no tracking."""
    query = urlencode({"mlat": f"{latitude:.5f}", "mlon": f"{longitude:.5f}"})
    return f"https://www.openstreetmap.org/?{query}#map={OSM_ZOOM}/{latitude:.5f}/{longitude:.5f}"


def _places(service):
    places = []
    for link in service.service_at_locations.all():
        location = link.location
        lines = [
            part
            for part in (
                location.address_1,
                location.city,
                location.state_province,
                location.postal_code,
            )
            if part
        ]
        url = ""
        if location.latitude is not None and location.longitude is not None:
            url = openstreetmap_url(location.latitude, location.longitude)
        places.append(
            Place(location=location, note=link.description, address_lines=lines, map_url=url)
        )
    return places


def _category_keys(service):
    """The translation keys of the service's categories: from the routed query when it brought
    them (ServicePage.route_queryset), else from the page itself (a preview shows the edited
    categories, not the saved ones)."""
    if hasattr(service, "category_keys"):
        return [key for key in (service.category_keys or "").split(",") if key]
    return [key_text(term.translation_key) for term in service.categories.all()]


def _miles_from(point):
    """haversine_miles(point, (latitude, longitude)) for many places: the same arithmetic, with
    the point's part worked out once and no checking of positions read from the database."""
    latitude, longitude = float(point[0]), float(point[1])
    phi1, cos_phi1 = math.radians(latitude), math.cos(math.radians(latitude))
    diameter = 2 * EARTH_RADIUS_MILES

    def miles(lat2, lng2):
        phi2 = math.radians(lat2)
        h = (
            math.sin((phi2 - phi1) / 2) ** 2
            + cos_phi1 * math.cos(phi2) * math.sin(math.radians(lng2 - longitude) / 2) ** 2
        )
        return diameter * math.asin(math.sqrt(min(h, 1.0)))

    return miles


def related_services(service, category_keys, point, request):
    """Other services in the same categories: nearest first, or by name if this one has no place.

    Worked out from the directory's sets (index.py): the other visible services filed under
    any of this one's categories, then the nearest of them from the places' positions. Only the
    three found are read, in one query.
    """
    if not category_keys:
        return []
    parent = SimpleNamespace(path=service.path[: -Page.steplen], depth=service.depth - 1)
    index = DirectoryIndex(parent, request)
    universe = index.universe
    sets, _ = index.option_sets(classes=("static",))
    candidates = 0
    for key in category_keys:
        candidates |= sets.categories.get(key_text(key), 0)
    candidates &= universe.everything
    own = universe.position_of(service.pk)
    if own is not None:
        candidates &= ~(1 << own)
    distances = {}
    if point is None:
        chosen = bits.positions(candidates, 0, RELATED_LIMIT)
    else:
        # Services with no place with a position are left out; ties go by name.
        places = index.places()
        miles_to = _miles_from(point)
        nearest = []
        for position in bits.positions(candidates):
            spots = places.get(position)
            if spots:
                nearest.append((min(miles_to(*spot) for spot in spots), position))
        chosen = []
        for miles, position in heapq.nsmallest(RELATED_LIMIT, nearest):
            chosen.append(position)
            distances[universe.pks[position]] = miles
    pks = [universe.pks[position] for position in chosen]
    found = ServicePage.objects.select_related("organisation").in_bulk(pks)
    return [
        {
            "name": other.title,
            "page": other,
            "organisation": other.organisation.name if other.organisation else "",
            "distance": distance_text(distances.get(other.pk)),
            "ages": age_range_text(other.minimum_age, other.maximum_age),
        }
        for other in (found[pk] for pk in pks if pk in found)
    ]


def service_context(service, request, *, report_form=None, now=None):
    """The template context of ServicePage (see its get_context)."""
    now = now or timezone.now()
    prefetch_related_objects(
        [service],
        "cost_options",
        "schedules",
        "holiday_closures",
        Prefetch(
            "service_at_locations", queryset=ServiceAtLocation.objects.select_related("location")
        ),
        "languages",
        "phones",
        "contacts",
    )
    schedules = list(service.schedules.all())
    closures = list(service.holiday_closures.all())
    today, until = horizon(now, HORIZON_DAYS)
    holidays = [
        DateRange(h.start_date, h.end_date)
        for h in school_holidays_between(today, until, request=request)
    ]
    temporarily_closed = service.status == ServiceStatus.TEMPORARILY_CLOSED
    opening = None
    if not temporarily_closed:
        opening = next_opening(
            sessions_from_schedules(schedules, service),
            closures=[DateRange(c.start_date, c.end_date) for c in closures],
            school_holidays=holidays,
            now=now,
        )
    places = _places(service)
    point = next(
        ((p.location.latitude, p.location.longitude) for p in places if p.has_position), None
    )
    category_keys = _category_keys(service)
    category_names = terms_for(request, get_language() or settings.LANGUAGE_CODE).names(
        category_keys
    )
    map_config = map_settings()
    map_points = []
    if map_config:
        map_points = [
            {
                "name": place.location.name,
                "url": place.map_url,
                "lat": round(place.location.latitude, 5),
                "lng": round(place.location.longitude, 5),
                "detail": ", ".join(place.address_lines),
            }
            for place in places
            if place.has_position
        ]
    oruk_id = service.translation_key.hex
    return {
        "service": service,
        "organisation": service.organisation,
        "ages": age_range_text(service.minimum_age, service.maximum_age),
        "costs": [cost_option_text(option) for option in service.cost_options.all()],
        "opening": opening,
        "temporarily_closed": temporarily_closed,
        "weekly_table": weekly_table(schedules),
        "other_schedules": other_schedules(schedules),
        "has_term_time_only": any(s.term_time_only for s in schedules),
        "has_school_holidays_only": any(s.school_holidays_only for s in schedules),
        "closures": upcoming_closures(closures, today),
        "places": places,
        "languages": [
            (str(language.get_code_display()), language.note)
            for language in service.languages.all()
        ],
        "category_names": category_names,
        "related": related_services(service, category_keys, point, request),
        "report_form": report_form or ProblemReportForm(),
        "in_shortlist": oruk_id in shortlist_ids(request),
        "oruk_id": oruk_id,
        "map": map_config if map_points else None,
        "map_points": map_points,
        "next_url": request.get_full_path(),
    }
