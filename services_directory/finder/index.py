"""The directory's services as sets, one per filter option, kept per content generation.

Every filter is a test of one service on its own (its age range, its sessions, its languages),
so "how many services would choosing this option leave" is the size of an intersection of sets.
The sets are read from the database once per content generation (the opening ones once per day,
"open now" once per minute) and kept in the process (store.py). The opening ones are read with
the filters' own SQL (filters.py); languages and categories are grouped reads that mean the same
as their filters (tests/services_directory/test_directory_cache.py compares every set with its
filter):

- the universe (universe.py): the visible services of one directory page, in name order, with
  the facts read from each one's own row: status, cost, delivery and ages;
- languages and categories: one set per language code and per category;
- days, evenings and weekends for today's date; "open now" for the current minute;
- a keyword's matches, and the services near a postcode, per keyword and per postcode.

Whatever a request lacks is read in one query (two the first time: the universe first).
"""

from dataclasses import dataclass, field

from django.db.models import CharField, F, Min, Value
from django.db.models.functions import Cast
from django.utils import timezone

from services_directory.geo import MILES_CHOICES, distance_miles_expression, within_box_q
from services_directory.models import KeyList, ServiceAtLocation, ServiceLanguage, ServicePage

from . import bits, store
from .filters import (
    CategoryLink,
    day_q,
    evenings_q,
    key_text,
    open_now_q,
    weekends_q,
)
from .universe import read_universe


@dataclass
class OptionSets:
    languages: dict = field(default_factory=dict)  # code -> set
    categories: dict = field(default_factory=dict)  # translation key (hex) -> set, direct links
    days: tuple = ()  # weekday -> set of services open on its coming date
    evenings: int = 0
    weekends: int = 0
    open_now: int = 0


@dataclass(frozen=True)
class Keyword:
    matches: int
    ranked: tuple | None = None  # positions in the search engine's order (Elasticsearch)


@dataclass(frozen=True)
class Near:
    """Services with a place within the largest distance offered, nearest first."""

    by_distance: tuple  # (miles, position), nearest first, ties in name order
    within: dict  # miles -> set


def _text(value):
    return Value(value, output_field=CharField())


def _ids_of(queryset, facet, key=""):
    """One row: (facet, key, the ids of `queryset`'s services as comma-separated text)."""
    return (
        queryset.order_by()
        .values(facet=_text(facet), facet_key=_text(str(key)))
        .annotate(ids=KeyList("pk"))
    )


def _static_parts():
    return [
        ServiceLanguage.objects.order_by()
        .values(facet=_text("language"), facet_key=F("code"))
        .annotate(ids=KeyList("service_id")),
        CategoryLink.objects.order_by()
        .values(
            facet=_text("category"),
            facet_key=Cast("taxonomyterm__translation_key", CharField()),
        )
        .annotate(ids=KeyList("servicepage_id")),
    ]


def _date_parts(now, holidays):
    services = ServicePage.objects.all()
    parts = [
        _ids_of(services.filter(day_q(weekday, now, holidays)), "day", weekday)
        for weekday in range(7)
    ]
    parts.append(_ids_of(services.filter(evenings_q(now)), "evenings"))
    parts.append(_ids_of(services.filter(weekends_q(now)), "weekends"))
    return parts


def _minute_parts(minute, holidays):
    return [_ids_of(ServicePage.objects.filter(open_now_q(minute, holidays)), "open_now")]


class DirectoryIndex:
    """The sets one request needs, from the store or, for what it lacks, from one query.

    `directory_page` is the directory, or anything with its `path` and `depth` (a service page
    knows its parent's from its own, with no query).
    """

    def __init__(self, directory_page, request, *, now=None, holidays=None):
        self.directory_page = directory_page
        self.key = directory_page.path
        self.generation = store.generation_of(request)
        moment = timezone.localtime(now)
        self.now = moment
        # "Open now" is worked out for the start of the minute: sessions open and close on
        # whole minutes, so it holds for the whole minute, which is how long it is kept.
        self.minute = moment.replace(second=0, microsecond=0)
        self.today = moment.date()
        self.holidays = holidays
        self._universe = None

    def _recall_or(self, key, compute):
        found = store.recall(self.generation, key)
        return found if found is not None else store.keep(self.generation, key, compute())

    @property
    def universe(self):
        if self._universe is None:
            self._universe = self._recall_or(
                ("universe", self.key), lambda: read_universe(self.directory_page)
            )
        return self._universe

    def option_sets(self, keyword=None, classes=("static", "date", "minute")):
        """(OptionSets, Keyword or None). `keyword` is (cache key, a callable giving a Q that
        keeps its matches and the engine's ranked ids or None), called only when its matches
        are not kept already. A DatabaseError from the keyword's SQL reaches the caller.
        `classes` limits what is read to the sets a page uses (a service page: the static)."""
        keys = {
            "static": ("sets", self.key),
            "date": ("date-sets", self.key, self.today),
            "minute": ("minute-sets", self.key, self.minute),
        }
        keys = {name: key for name, key in keys.items() if name in classes}
        found = {name: store.recall(self.generation, key) for name, key in keys.items()}
        matches = ranked_ids = None
        if keyword is not None:
            keyword_key = ("keyword", self.key, *keyword[0])
            matches = store.recall(self.generation, keyword_key)
        parts = []
        if "static" in found and found["static"] is None:
            parts += _static_parts()
        if "date" in found and found["date"] is None:
            parts += _date_parts(self.now, self.holidays)
        if "minute" in found and found["minute"] is None:
            parts += _minute_parts(self.minute, self.holidays)
        if keyword is not None and matches is None:
            keyword_q, ranked_ids = keyword[1]()
            parts.append(_ids_of(ServicePage.objects.filter(keyword_q), "q"))
        if parts:
            read = self._read(parts)
            for name, key in keys.items():
                if found[name] is None:
                    found[name] = store.keep(self.generation, key, read[name])
            if keyword is not None and matches is None:
                matches = store.keep(
                    self.generation, keyword_key, self._keyword(read["q"], ranked_ids)
                )
        static = found.get("static") or {}
        date = found.get("date") or {}
        sets = OptionSets(
            languages=static.get("languages", {}),
            categories=static.get("categories", {}),
            days=date.get("days", ()),
            evenings=date.get("evenings", 0),
            weekends=date.get("weekends", 0),
            open_now=found.get("minute") or 0,
        )
        return sets, matches

    def places(self):
        """Position -> the (latitude, longitude) of each of the service's places, for distances
        worked out in Python (the related services of a service page)."""
        return self._recall_or(("places", self.key), self._places)

    def _places(self):
        universe = self.universe
        found = {}
        rows = ServiceAtLocation.objects.filter(
            location__latitude__isnull=False, location__longitude__isnull=False
        ).values_list("service_id", "location__latitude", "location__longitude")
        for pk, latitude, longitude in rows:
            position = universe.position_of(pk)
            if position is not None:
                found.setdefault(position, []).append((latitude, longitude))
        return {position: tuple(places) for position, places in found.items()}

    def _read(self, parts):
        universe = self.universe
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        static = {"languages": {}, "categories": {}}
        days = [0] * 7
        date = {"evenings": 0, "weekends": 0}
        read = {"static": static, "date": date, "minute": 0, "q": 0}
        for row in rows:
            facet, key, members = row["facet"], row["facet_key"], universe.from_text(row["ids"])
            if facet == "language":
                static["languages"][key] = members
            elif facet == "category":
                static["categories"][key_text(key)] = members
            elif facet == "day":
                days[int(key)] = members
            elif facet in date:
                date[facet] = members
            elif facet == "open_now":
                read["minute"] = members
            elif facet == "q":
                read["q"] = members
        date["days"] = tuple(days)
        return read

    def _keyword(self, matches, ranked_ids):
        ranked = None
        if ranked_ids is not None:
            positions = (self.universe.position_of(pk) for pk in ranked_ids)
            ranked = tuple(p for p in positions if p is not None)
        return Keyword(matches=matches, ranked=ranked)

    def near(self, point):
        """The services with a place within the largest distance offered of `point`."""
        key = ("near", self.key, float(point.latitude), float(point.longitude))
        return self._recall_or(key, lambda: self._near(point))

    def _near(self, point):
        farthest = max(MILES_CHOICES)
        latitude, longitude = "location__latitude", "location__longitude"
        rows = (
            ServiceAtLocation.objects.filter(
                within_box_q(point, farthest, latitude, longitude),
            )
            .order_by()
            .values("service_id")
            .annotate(miles=Min(distance_miles_expression(point, latitude, longitude)))
            .values_list("service_id", "miles")
        )
        universe = self.universe
        found = []
        for pk, miles in rows:
            position = universe.position_of(pk)
            if position is not None and miles is not None and miles <= farthest:
                found.append((miles, position))
        found.sort()
        within = {
            miles: bits.from_positions(
                (position for distance, position in found if distance <= miles), universe.size
            )
            for miles in MILES_CHOICES
        }
        return Near(by_distance=tuple(found), within=within)
