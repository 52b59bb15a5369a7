"""One page of results: which services, in the order asked for, and what each one shows.

The services a search keeps are known as a set (index.py) before any result is read, so a page
of results is the twenty services at its place in that set's order. Ordering by name or
distance needs no SQL at all; ranking by relevance is one query to the search engine over
exactly the kept services, and the page it gives is kept for the content generation. What each
result shows is read in one query (its opening sessions in one more, and the languages of its
words in one more outside English: written_in.py) and kept as a ResultRow, so a result shown
before costs no query.
"""

import json
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone

from services_directory.models import (
    CostOption,
    HolidayClosure,
    KeyList,
    OpeningSession,
    ServicePage,
)

from . import bits, store
from .filters import CategoryLink, distance_annotation, horizon, nearest_location
from .forms import SORT_DISTANCE, SORT_RELEVANCE
from .opening import HORIZON_DAYS, sessions_from_opening_rows
from .written_in import written_in


def ids_q(ids):
    """Keep the services with these page ids, sent as one parameter however many there are."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))
    return Q(pk__in=ids)


def with_result_details(queryset, selection, now):
    """Annotate what a result shows, so a page of 20 needs no query per result."""
    today, until = horizon(now, HORIZON_DAYS)
    charged = CostOption.objects.filter(service=OuterRef("pk"), amount__gt=0).order_by(
        "amount", "sort_order"
    )
    closures = HolidayClosure.objects.filter(
        service=OuterRef("pk"), end_date__gte=today, start_date__lte=until
    ).order_by("start_date")
    place = nearest_location(selection.point)
    annotations = {
        "price": Subquery(charged.values("amount")[:1]),
        "price_option": Subquery(charged.values("option")[:1]),
        "price_count": Subquery(
            charged.order_by().values("service").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        # The next three closures are enough to place the next opening within five weeks
        # (Good Friday, Easter Monday and the May bank holiday can all fall in them).
        "closure1_start": Subquery(closures.values("start_date")[:1]),
        "closure1_end": Subquery(closures.values("end_date")[:1]),
        "closure2_start": Subquery(closures.values("start_date")[1:2]),
        "closure2_end": Subquery(closures.values("end_date")[1:2]),
        "closure3_start": Subquery(closures.values("start_date")[2:3]),
        "closure3_end": Subquery(closures.values("end_date")[2:3]),
        "place_name": Subquery(place.values("location__name")[:1]),
        "place_postcode": Subquery(place.values("location__postal_code")[:1]),
        "place_latitude": Subquery(place.values("location__latitude")[:1]),
        "place_longitude": Subquery(place.values("location__longitude")[:1]),
        "category_keys": Subquery(
            CategoryLink.objects.filter(servicepage=OuterRef("pk"))
            .order_by()
            .values("servicepage")
            .annotate(keys=KeyList("taxonomyterm__translation_key"))
            .values("keys")[:1],
            output_field=CharField(),
        ),
        # What written_in reads: joins on the rows already read, no query of their own.
        "language_code": F("locale__language_code"),
        "alias_language": F("alias_of__locale__language_code"),
        "organisation_language": F("organisation__locale__language_code"),
    }
    if selection.point is not None and "distance" not in queryset.query.annotations:
        annotations["distance"] = distance_annotation(selection.point)
    return (
        queryset.select_related("organisation")
        .annotate(**annotations)
        .prefetch_related(
            Prefetch(
                "opening_sessions",
                queryset=OpeningSession.objects.order_by("weekday", "opens_at"),
            )
        )
    )


class _Sessions(tuple):
    """A result row's opening sessions, read as a prefetched relation is: `.all()`."""

    def all(self):
        return self


@dataclass(frozen=True)
class _Organisation:
    name: str
    language: str  # the language its name is in (written_in.py)


@dataclass(frozen=True)
class ResultRow:
    """What presenters.summarise reads from a service, as plain values that can be kept.

    It answers the same attribute names as a service fetched by `with_result_details`, so a
    result shows the same whether it was read now or kept from an earlier request; only the
    parts that depend on the moment (the next opening) or the visitor (the shortlist) are
    worked out again each time.
    """

    pk: int
    title: str
    url: str
    summary: str
    organisation: _Organisation | None
    status: str
    translation_key: object
    minimum_age: int | None
    maximum_age: int | None
    is_free: bool
    price: object
    price_option: str | None
    price_count: int | None
    closure1_start: object
    closure1_end: object
    closure2_start: object
    closure2_end: object
    closure3_start: object
    closure3_end: object
    place_name: str | None
    place_postcode: str | None
    place_latitude: float | None
    place_longitude: float | None
    category_keys: str | None
    distance: float | None
    opening_sessions: _Sessions
    content_language: str  # the language of its name and description (written_in.py)

    def get_url(self, request=None):
        return self.url

    def get_summary(self):
        return self.summary

    @classmethod
    def of(cls, service, request, languages):
        """`languages`: (its own text's, its organisation's name's), from written_in."""
        organisation = service.organisation
        return cls(
            pk=service.pk,
            title=service.title,
            url=service.get_url(request),
            summary=service.get_summary(),
            organisation=_Organisation(organisation.name, languages[1]) if organisation else None,
            status=service.status,
            translation_key=service.translation_key,
            minimum_age=service.minimum_age,
            maximum_age=service.maximum_age,
            is_free=service.is_free,
            price=service.price,
            price_option=service.price_option,
            price_count=service.price_count,
            **{
                f"closure{n}_{end}": getattr(service, f"closure{n}_{end}")
                for n in (1, 2, 3)
                for end in ("start", "end")
            },
            place_name=service.place_name,
            place_postcode=service.place_postcode,
            place_latitude=service.place_latitude,
            place_longitude=service.place_longitude,
            category_keys=service.category_keys,
            distance=getattr(service, "distance", None),
            opening_sessions=_Sessions(sessions_from_opening_rows(service.opening_sessions.all())),
            content_language=languages[0],
        )


def _row_key(pk, selection, now, request):
    # The closures read depend on today, the nearest place and distance on the postcode, the
    # address of the page on the site it is served from.
    point = selection.point
    where = None if point is None else (float(point.latitude), float(point.longitude))
    return ("row", pk, timezone.localtime(now).date(), where, request.get_host())


def rows_in_order(pks, selection, now, request, generation, found=()):
    """ResultRows for these page ids, in the order given: kept ones, then one query for the
    rest (`found`: services already read with their details, as a ranked search returns)."""
    rows, missing = {}, []
    for pk in pks:
        row = store.recall(generation, _row_key(pk, selection, now, request))
        if row is None:
            missing.append(pk)
        else:
            rows[pk] = row
    services = {service.pk: service for service in found}
    still_missing = [pk for pk in missing if pk not in services]
    if still_missing:
        queryset = ServicePage.objects.filter(pk__in=still_missing)
        services.update(
            (service.pk, service) for service in with_result_details(queryset, selection, now)
        )
    languages = written_in([services[pk] for pk in missing if pk in services])
    for pk in missing:
        if pk in services:
            row = ResultRow.of(services[pk], request, languages[pk])
            rows[pk] = store.keep(generation, _row_key(pk, selection, now, request), row)
    return [rows[pk] for pk in pks if pk in rows]


def _first(positions, test, start, stop):
    taken = []
    seen = 0
    for position in positions:
        if test(position):
            if seen >= start:
                taken.append(position)
                if len(taken) >= stop - start:
                    break
            seen += 1
    return taken


class ResultPage:
    """The services kept by a search (`kept`, a set), from the `start`th to the `stop`th."""

    def __init__(self, choices, selection, keyword, *, start, stop):
        self.choices, self.selection, self.keyword = choices, selection, keyword
        self.kept = choices.matching()
        self.start, self.stop = start, stop

    def ids(self, now, *, generation=None, ranking=None):
        """(The page's service ids in order, the services a ranking read with their details),
        for rows_in_order. `ranking` is (backend, query, key) when keywords were given."""
        universe = self.choices.universe
        selection = self.selection
        if selection.sort == SORT_RELEVANCE and ranking is not None and ranking[1] is not None:
            if self.keyword.ranked is not None:  # the engine's own order (Elasticsearch)
                order = _first(self.keyword.ranked, bits.contains(self.kept), self.start, self.stop)
            else:
                return self._ranked(ranking, now, generation)
        elif selection.sort == SORT_DISTANCE and selection.point is not None:
            nearest_first = (position for _miles, position in self.choices.near.by_distance)
            order = _first(nearest_first, bits.contains(self.kept), self.start, self.stop)
        else:
            # By name; also for keywords that are all stop words, which nothing can rank.
            order = bits.positions(self.kept, self.start, self.stop)
        return [universe.pks[p] for p in order], ()

    def _ranked(self, ranking, now, generation):
        """Ranked by the search engine over exactly the kept services; the page's ids kept."""
        backend, query, ranking_key = ranking
        key = ("ranked", *ranking_key, self.kept, self.start, self.stop)
        pks = store.recall(generation, key)
        if pks is not None:
            return pks, ()
        universe = self.choices.universe
        candidates = ServicePage.objects.filter(
            ids_q(universe.pks[p] for p in bits.positions(self.kept))
        )
        results = backend.search(query, with_result_details(candidates, self.selection, now))
        services = list(results[self.start : self.stop])
        pks = store.keep(generation, key, tuple(service.pk for service in services))
        return pks, services
