"""The directory page: read the form, count the options, fetch one page of results.

A results page is a fixed number of queries: the category tree, one UNION of every count, the
page of results (two when ranked by relevance on SQLite), its opening sessions and the school
holidays. Everything else a result shows comes from annotations on the results query.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Case, CharField, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from search.backends import get_backend
from services_directory.geo import MILES_CHOICES
from services_directory.models import (
    DELIVERY_MODES,
    LANGUAGE_NAMES,
    CostOption,
    HolidayClosure,
    OpeningSession,
    ServicePage,
    ServiceStatus,
)
from services_directory.shortlist import shortlist_ids

from .facets import facet_counts
from .filters import (
    CategoryLink,
    FilterSteps,
    KeyList,
    distance_annotation,
    horizon,
    nearest_location,
    school_holidays_between,
    visible_services,
)
from .forms import (
    DAY_CODES,
    DAY_NAMES,
    SORT_DISTANCE,
    SORT_NAME,
    SORT_RELEVANCE,
    DirectoryFilterForm,
)
from .opening import HORIZON_DAYS, DateRange, next_opening, sessions_from_opening_rows
from .terms import load_terms
from .text import age_range_text, cost_text, distance_text

logger = logging.getLogger(__name__)
PER_PAGE = 20
# Elasticsearch answers with its own ids; this many are enough for any parent's search.
MAX_EXTERNAL_MATCHES = 1000


@dataclass
class ServiceSummary:
    """What a result (or a shortlist entry) shows about one service."""

    page: object
    url: str
    name: str
    organisation: str
    summary: str
    ages: str
    cost: str
    distance: str
    place: str
    opening: object
    categories: list
    temporarily_closed: bool
    oruk_id: str
    in_shortlist: bool = False
    latitude: float | None = None
    longitude: float | None = None

    def map_point(self):
        if self.latitude is None or self.longitude is None:
            return None
        return {
            "name": self.name,
            "url": self.url,
            "lat": round(self.latitude, 5),
            "lng": round(self.longitude, 5),
            "detail": self.distance or self.place,
        }


def map_settings():
    """The tile server for the optional map, or None: no tile server, no map and no Leaflet."""
    tile_url = getattr(settings, "MAP_TILE_URL", "")
    if not tile_url:
        return None
    return {"tile_url": tile_url, "attribution": getattr(settings, "MAP_ATTRIBUTION", "")}


# --- keyword search ---------------------------------------------------------------------------


def _sqlite_keyword_matches(backend, query, candidates):
    """The FTS5 matches as an IN subquery that SQLite runs once, or None to use the generic path.

    The vendor's subquery joins the index entries to the FTS table, and SQLite plans it as one
    full-text probe per indexed page: 0.2 s for a common word at 2,000 services, paid again by
    every count in the UNION. Asking for the matching rowids first makes it one probe (1 ms).
    """
    if connection.vendor != "sqlite":
        return None
    # Imported here: these modules define SQLite-only models.
    from modelsearch.backends.database.sqlite.query import MatchExpression, SQLiteFTSIndexEntry, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from modelsearch.conf import get_app_config
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    if not isinstance(backend, SQLiteSearchBackend):
        return None
    index_entry = get_app_config().get_model("IndexEntry")
    compiler = backend.query_compiler_class(candidates, query, operator="and", order_by_relevance=False)
    parsed = normalize(compiler.query)
    if isinstance(parsed, (MatchAll, Not)):
        return None
    match = MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(parsed, config=None)
    )
    entries = index_entry.objects.filter(
        pk__in=SQLiteFTSIndexEntry.objects.filter(match).values("index_entry_id"),
        content_type__in=get_descendants_content_types_pks(ServicePage),
    )
    return Q(pk__in=entries.values("object_id"))


def keyword_filter(backend, query, base):
    """A Q keeping the services that match `query`, evaluated in the database with the filters.

    Returns (q, ranked_ids). The database backends give a lazy queryset, used as a subquery by the
    counts and the results; Elasticsearch has its own index and answers with ids (ranked_ids).
    """
    # The search backends accept only filters on indexed fields; a pk subquery always passes.
    candidates = ServicePage.objects.filter(pk__in=base.values("pk"))
    fast = _sqlite_keyword_matches(backend, query, candidates)
    if fast is not None:
        return fast, None
    results = backend.search(query, candidates, operator="and", order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return Q(pk__in=get_queryset().values("pk")), None
    ranked = [obj.pk for obj in backend.search(query, candidates, operator="and")[:MAX_EXTERNAL_MATCHES]]
    return Q(pk__in=ranked), ranked


# --- the results query ------------------------------------------------------------------------


def with_result_details(queryset, selection, now):
    """Annotate what a result shows, so a page of 20 needs no query per result."""
    today, until = horizon(now, HORIZON_DAYS)
    charged = CostOption.objects.filter(service=OuterRef("pk"), amount__gt=0).order_by("amount", "sort_order")
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
        # The next two closures are enough to place the next opening within three weeks.
        "closure1_start": Subquery(closures.values("start_date")[:1]),
        "closure1_end": Subquery(closures.values("end_date")[:1]),
        "closure2_start": Subquery(closures.values("start_date")[1:2]),
        "closure2_end": Subquery(closures.values("end_date")[1:2]),
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
    }
    if selection.point is not None and "distance" not in queryset.query.annotations:
        annotations["distance"] = distance_annotation(selection.point)
    return (
        queryset.select_related("organisation")
        .annotate(**annotations)
        .prefetch_related(
            Prefetch(
                "opening_sessions",
                queryset=OpeningSession.objects.select_related("schedule").order_by("weekday", "opens_at"),
            )
        )
    )


def ordered_results(base, steps, selection, now, backend, ranked_ids):
    """The filtered services in the order asked for: something a Paginator can slice."""
    if selection.sort == SORT_RELEVANCE and selection.query:
        if ranked_ids is None:
            # Only the filtered set goes to the search backend, which ranks it in one query.
            filtered = ServicePage.objects.filter(pk__in=steps.apply(base, without={"q"}).values("pk"))
            return backend.search(
                selection.query, with_result_details(filtered, selection, now), operator="and"
            )
        position = Case(
            *(When(pk=pk, then=Value(index)) for index, pk in enumerate(ranked_ids)),
            output_field=IntegerField(),
        )
        return with_result_details(steps.apply(base), selection, now).order_by(position, "pk")
    queryset = steps.apply(base)
    if selection.sort == SORT_DISTANCE and selection.point is not None:
        queryset = queryset.annotate(distance=distance_annotation(selection.point))
        return with_result_details(queryset, selection, now).order_by("distance", "title", "pk")
    return with_result_details(queryset, selection, now).order_by("title", "pk")


def page_number(raw):
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def paginate(results, total, raw_page):
    paginator = Paginator(results, PER_PAGE)
    # The UNION already counted the results; Paginator would otherwise count them again.
    paginator.count = total
    number = min(page_number(raw_page), paginator.num_pages)
    return paginator, paginator.page(number)


# --- what the template shows ------------------------------------------------------------------


def summarise(service, *, terms, now, holidays, shortlist, request):
    """A ServiceSummary from a service fetched by `with_result_details`."""
    closures = [
        DateRange(start, end)
        for start, end in (
            (service.closure1_start, service.closure1_end),
            (service.closure2_start, service.closure2_end),
        )
        if start and end
    ]
    temporarily_closed = service.status == ServiceStatus.TEMPORARILY_CLOSED
    opening = None
    if not temporarily_closed:
        opening = next_opening(
            sessions_from_opening_rows(service.opening_sessions.all()),
            closures=closures,
            school_holidays=holidays,
            now=now,
        )
    place = ", ".join(part for part in (service.place_name, service.place_postcode) if part)
    oruk_id = service.translation_key.hex
    return ServiceSummary(
        page=service,
        url=service.get_url(request),
        name=service.title,
        organisation=service.organisation.name if service.organisation else "",
        summary=service.get_summary(),
        ages=age_range_text(service.minimum_age, service.maximum_age),
        cost=cost_text(service.is_free, service.price, service.price_option, service.price_count or 0),
        distance=distance_text(getattr(service, "distance", None)),
        place=place,
        opening=opening,
        categories=terms.names((service.category_keys or "").split(",")),
        temporarily_closed=temporarily_closed,
        oruk_id=oruk_id,
        in_shortlist=oruk_id in shortlist,
        latitude=service.place_latitude,
        longitude=service.place_longitude,
    )


def _count_label(text, count):
    return gettext("%(option)s (%(count)s)") % {"option": text, "count": count}


def _options(choices, counts, selected):
    """Select or checkbox options with counts; an option that would leave nothing is left out,
    unless it is the one already chosen (so nobody is led to a dead end, or loses their choice)."""
    options = []
    for value, text in choices:
        count = counts.get(value, 0)
        if count or value == selected:
            options.append({"value": value, "text": _count_label(text, count), "count": count, "selected": value == selected})
    return options


def filter_options(selection, counts, terms):
    days = _options(
        [(DAY_CODES[day], str(DAY_NAMES[day])) for day in range(7)],
        {DAY_CODES[day]: n for day, n in counts.days.items()},
        DAY_CODES[selection.day] if selection.day is not None else None,
    )
    languages = _options(
        sorted(((code, str(LANGUAGE_NAMES[code])) for code in counts.languages if code in LANGUAGE_NAMES),
               key=lambda item: item[1].lower()),
        counts.languages,
        selection.language,
    )
    if selection.language and not any(o["value"] == selection.language for o in languages):
        languages.insert(0, {"value": selection.language, "text": _count_label(str(LANGUAGE_NAMES[selection.language]), 0), "count": 0, "selected": True})
    delivery = _options(
        [(code, str(mode["name"])) for code, mode in DELIVERY_MODES.items()], counts.delivery, selection.delivery
    )
    distances = [
        {
            "value": str(miles),
            "text": _count_label(ngettext("%(miles)s mile", "%(miles)s miles", miles) % {"miles": miles}, counts.distance[miles])
            if selection.point is not None
            else ngettext("%(miles)s mile", "%(miles)s miles", miles) % {"miles": miles},
            "count": counts.distance.get(miles),
            "selected": miles == (selection.miles or 3),
        }
        for miles in MILES_CHOICES
    ]
    selected_key = selection.category.key if selection.category else None
    categories = []
    for top in terms.tree:
        children = [
            {"value": child.slug, "text": _count_label(child.name, counts.categories.get(child.key, 0)),
             "selected": child.key == selected_key}
            for child in top.children
            if counts.categories.get(child.key) or child.key == selected_key
        ]
        top_count = counts.categories.get(top.key, 0)
        if top_count or children or top.key == selected_key:
            categories.append({
                "name": top.name,
                "value": top.slug,
                "text": _count_label(gettext("All of %(category)s") % {"category": top.name}, top_count)
                if top.children
                else _count_label(top.name, top_count),
                "selected": top.key == selected_key,
                "children": children,
            })
    toggles = {name: counts.toggles.get(name, 0) for name in counts.toggles}
    return {
        "days": days,
        "languages": languages,
        "delivery": delivery,
        "distances": distances,
        "categories": categories,
        "toggles": toggles,
    }


def _href(params):
    return "?" + urlencode(params) if params else "?"


def widen_suggestions(selection, counts):
    """For a search with no results: the filters to widen, each a link changing only that filter,
    with what it would show. Only suggestions that lead to results are offered."""
    suggestions = []

    def offer(text, count, **changes):
        if count:
            suggestions.append({
                "text": text,
                "href": _href(selection.params(**changes)),
                "hint": ngettext("Shows %(count)s service", "Shows %(count)s services", count) % {"count": count},
            })

    for name in selection.active_filters:
        if name == "distance":
            larger = [m for m in MILES_CHOICES if m > selection.miles and counts.distance.get(m)]
            if larger:
                miles = larger[0]
                offer(
                    ngettext("Try a larger distance: within %(miles)s mile", "Try a larger distance: within %(miles)s miles", miles) % {"miles": miles},
                    counts.distance[miles],
                    distance=miles,
                )
            else:
                offer(gettext("Search everywhere, not near a postcode"), counts.without.get("distance"), postcode=None, distance=None)
        elif name == "day":
            offer(gettext("Search any day of the week"), counts.without.get("day"), day=None)
        elif name == "open_now":
            offer(gettext("Include services that are closed right now"), counts.without.get("open_now"), open_now=None)
        elif name == "evenings":
            offer(gettext("Remove the evenings filter"), counts.without.get("evenings"), evenings=None)
        elif name == "weekends":
            offer(gettext("Remove the weekends filter"), counts.without.get("weekends"), weekends=None)
        elif name == "age":
            offer(gettext("Remove the age filter"), counts.without.get("age"), age=None)
        elif name == "free":
            offer(gettext("Include services that charge"), counts.without.get("free"), free=None)
        elif name == "category":
            offer(gettext("Search all categories"), counts.without.get("category"), category=None)
        elif name == "language":
            offer(gettext("Include services in any language"), counts.without.get("language"), language=None)
        elif name == "delivery":
            offer(gettext("Include every way of using a service"), counts.without.get("delivery"), delivery=None)
        elif name == "q":
            offer(gettext("Search without the keywords"), counts.without.get("q"), q=None)
    return suggestions


def pagination_context(selection, paginator, current, default_sort):
    def href(number):
        extra = {"page": number if number > 1 else None}
        if selection.sort != default_sort:
            extra["sort"] = selection.sort
        return _href(selection.params(**extra))

    items = []
    for number in paginator.get_elided_page_range(current.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == current.number})
    return {
        "items": items,
        "previous": {"href": href(current.previous_page_number())} if current.has_previous() else None,
        "next": {"href": href(current.next_page_number())} if current.has_next() else None,
    }


def default_sort(selection):
    if selection.query:
        return SORT_RELEVANCE
    if selection.point is not None:
        return SORT_DISTANCE
    return SORT_NAME


def sort_links(selection):
    links = []
    labels = {
        SORT_RELEVANCE: gettext("Best match"),
        SORT_DISTANCE: gettext("Distance"),
        SORT_NAME: gettext("Name (A to Z)"),
    }
    for sort in (SORT_RELEVANCE, SORT_DISTANCE, SORT_NAME):
        if sort == SORT_RELEVANCE and not selection.query:
            continue
        if sort == SORT_DISTANCE and selection.point is None:
            continue
        links.append({
            "text": labels[sort],
            "href": _href(selection.params(sort=None if sort == default_sort(selection) else sort)),
            "current": sort == selection.sort,
        })
    return links if len(links) > 1 else []


@dataclass
class DirectorySearch:
    form: DirectoryFilterForm
    selection: object
    counts: object = None
    results: list = field(default_factory=list)
    paginator: object = None
    page: object = None
    message: str = ""


def run_search(directory_page, request, now=None):
    """Everything the directory page shows, from request.GET."""
    now = now or timezone.now()
    terms = load_terms(get_language() or settings.LANGUAGE_CODE)
    form = DirectoryFilterForm(request.GET, terms_by_slug=terms.by_slug)
    form.is_valid()
    selection = form.selection()
    base = visible_services(directory_page)
    backend, degraded = get_backend()
    keyword_q = ranked_ids = None
    if selection.query:
        keyword_q, ranked_ids = keyword_filter(backend, selection.query, base)
    steps = FilterSteps(selection, keyword_q=keyword_q, now=now)
    try:
        counts = facet_counts(base, steps)
    except DatabaseError as error:
        # clean_query() should leave nothing a full-text engine rejects; if one still does, the
        # parent gets the other filters and a message rather than an error page.
        logger.warning("Directory search failed for %r: %s", selection.query, error)
        form.add_error("q", gettext("We could not search for those words. Try different words."))
        selection.query = selection.raw_query = ""
        selection.sort = default_sort(selection)
        steps = FilterSteps(selection, now=now)
        counts = facet_counts(base, steps)
        ranked_ids = None
    results = ordered_results(base, steps, selection, now, backend, ranked_ids)
    paginator, page = paginate(results, counts.total, request.GET.get("page"))
    holidays = school_holidays_between(*horizon(now, HORIZON_DAYS))
    holidays = [DateRange(h.start_date, h.end_date) for h in holidays]
    shortlist = set(shortlist_ids(request))
    summaries = [
        summarise(service, terms=terms, now=now, holidays=holidays, shortlist=shortlist, request=request)
        for service in page.object_list
    ]
    return {
        "form": form,
        "selection": selection,
        "terms": terms,
        "counts": counts,
        "paginator": paginator,
        "page_obj": page,
        "results": summaries,
        "degraded": degraded,
        "shortlist_count": len(shortlist),
    }


def directory_context(directory_page, request, now=None):
    """The template context of DirectoryPage (see its get_context)."""
    found = run_search(directory_page, request, now=now)
    selection, counts = found["selection"], found["counts"]
    dflt = default_sort(selection)
    map_config = map_settings()
    points = [point for point in (r.map_point() for r in found["results"]) if point] if map_config else []
    return {
        **found,
        "options": filter_options(selection, counts, found["terms"]),
        "age_choices": found["form"].age_choices(),
        "error_list": found["form"].error_list(),
        "suggestions": widen_suggestions(selection, counts) if not counts.total else [],
        "pagination": pagination_context(selection, found["paginator"], found["page_obj"], dflt)
        if found["paginator"].num_pages > 1
        else None,
        "sort_links": sort_links(selection),
        "more_filters_open": any(
            name in selection.active_filters
            for name in ("category", "day", "open_now", "evenings", "weekends", "language", "delivery", "free")
        )
        or any(found["form"].errors.get(name) for name in ("category", "day", "language", "delivery", "free", "open_now", "evenings", "weekends")),
        "filters_applied": len(selection.active_filters),
        "map": map_config if points else None,
        "map_points": points,
        "echo": {name: found["form"].echoed(name) for name in found["form"].fields},
        "next_url": request.get_full_path(),
        "field_errors": {name: errors[0] for name, errors in found["form"].errors.items()},
        "selected_age": "" if selection.age is None else str(selection.age),
        "toggle_groups": toggle_groups(selection, counts, found["form"]),
    }


TOGGLE_LABELS = {
    "open_now": _("Open now"),
    "evenings": _("Open in the evening (after 5:30pm)"),
    "weekends": _("Open at weekends"),
    "free": _("Free only"),
}


def toggle_groups(selection, counts, form):
    def item(name):
        count = counts.toggles.get(name, 0)
        errors = form.errors.get(name)
        return {
            "name": name,
            "text": _count_label(str(TOGGLE_LABELS[name]), count),
            "count": count,
            "checked": getattr(selection, name),
            "error": errors[0] if errors else "",
        }

    return {"when": [item(n) for n in ("open_now", "evenings", "weekends")], "cost": [item("free")]}
