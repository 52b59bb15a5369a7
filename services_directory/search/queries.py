"""The directory page: read the form, count the options, fetch one page of results.

A results page is a fixed number of queries: the category tree, one UNION of every count, the
page of results (two when ranked by relevance on SQLite), its opening sessions and the school
holidays. Everything else a result shows comes from annotations on the results query.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import get_language, gettext

from search.backends import get_backend
from services_directory.models import CostOption, HolidayClosure, OpeningSession, ServicePage
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
from .forms import SORT_DISTANCE, SORT_RELEVANCE, DirectoryFilterForm
from .keywords import keyword_filter, keyword_query
from .opening import HORIZON_DAYS, DateRange
from .presenters import (
    default_sort,
    filter_options,
    miles_text,
    pagination_context,
    sort_links,
    summarise,
    toggle_groups,
    widen_suggestions,
)
from .terms import terms_for

logger = logging.getLogger(__name__)
PER_PAGE = 20


def map_settings():
    """The tile server for the optional map, or None: no tile server, no map and no Leaflet."""
    tile_url = getattr(settings, "MAP_TILE_URL", "")
    if not tile_url:
        return None
    return {"tile_url": tile_url, "attribution": getattr(settings, "MAP_ATTRIBUTION", "")}


# --- the results query ------------------------------------------------------------------------


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


def ordered_results(base, steps, selection, now, backend, ranked_ids):
    """The filtered services in the order asked for: something a Paginator can slice."""
    query = keyword_query(selection.query) if selection.query else None
    if selection.sort == SORT_RELEVANCE and query is not None:
        if ranked_ids is None:
            # Only the filtered set goes to the search backend, which ranks it in one query.
            filtered = ServicePage.objects.filter(
                pk__in=steps.apply(base, without={"q"}).values("pk")
            )
            return backend.search(query, with_result_details(filtered, selection, now))
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


# --- the page ------------------------------------------------------------------------------------


def run_search(directory_page, request, now=None):
    """Everything the directory page shows, from request.GET."""
    now = now or timezone.now()
    terms = terms_for(request, get_language() or settings.LANGUAGE_CODE)
    form = DirectoryFilterForm(request.GET, terms_by_slug=terms.by_slug)
    form.is_valid()
    selection = form.selection()
    base = visible_services(directory_page)
    backend, degraded = get_backend()
    keyword_q = ranked_ids = None
    # Read before the counts, so "open now" and "open on Saturday" test the holidays as
    # constants rather than a subquery in every count (the same rows "next opening" reads).
    holidays = school_holidays_between(*horizon(now, HORIZON_DAYS), request=request)
    holidays = [DateRange(h.start_date, h.end_date) for h in holidays]
    try:
        if selection.query:
            keyword_q, ranked_ids = keyword_filter(backend, selection.query, base)
        steps = FilterSteps(selection, keyword_q=keyword_q, now=now, holidays=holidays)
        counts = facet_counts(base, steps)
    except DatabaseError as error:
        # clean_query() should leave nothing a full-text engine rejects; if one still does, the
        # parent gets the other filters and a message rather than an error page.
        logger.warning("Directory search failed for %r: %s", selection.query, error)
        form.add_error("q", gettext("We could not search for those words. Try different words."))
        selection.query = selection.raw_query = ""
        selection.sort = default_sort(selection)
        steps = FilterSteps(selection, now=now, holidays=holidays)
        counts = facet_counts(base, steps)
        ranked_ids = None
    results = ordered_results(base, steps, selection, now, backend, ranked_ids)
    paginator, page = paginate(results, counts.total, request.GET.get("page"))
    shortlist = set(shortlist_ids(request))
    summaries = [
        summarise(
            service, terms=terms, now=now, holidays=holidays, shortlist=shortlist, request=request
        )
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


# Filters inside the "More filters" details: it opens when one is in use or has an error.
MORE_FILTERS = (
    "category",
    "day",
    "open_now",
    "evenings",
    "weekends",
    "free",
    "language",
    "delivery",
)


def directory_context(directory_page, request, now=None):
    """The template context of DirectoryPage (see its get_context)."""
    now = now or timezone.now()
    found = run_search(directory_page, request, now=now)
    form, selection, counts = found["form"], found["selection"], found["counts"]
    paginator, page = found["paginator"], found["page_obj"]
    map_config = map_settings()
    points = [p for p in (r.map_point() for r in found["results"]) if p] if map_config else []
    more_filters_open = any(
        name in selection.active_filters or name in form.errors for name in MORE_FILTERS
    )
    return {
        **found,
        "options": filter_options(selection, counts, found["terms"], now),
        "toggle_groups": toggle_groups(selection, counts, form),
        "echo": {name: form.echoed(name) for name in form.fields},
        "field_errors": {name: errors[0] for name, errors in form.errors.items()},
        "error_list": form.error_list(),
        "more_filters_open": more_filters_open,
        "sort_links": sort_links(selection),
        # Carried by the form as a hidden field, so changing a filter keeps the order chosen; a
        # sort that no longer applies (distance, once the postcode is gone) has already fallen
        # back to the default in selection(), so it is not carried on.
        "sort_param": selection.sort if selection.sort != default_sort(selection) else "",
        "distance_text": miles_text(selection.miles) if selection.point is not None else "",
        "pagination": pagination_context(selection, paginator, page, default_sort(selection))
        if paginator.num_pages > 1
        else None,
        "suggestions": widen_suggestions(selection, counts) if not counts.total else [],
        "map": map_config if points else None,
        "map_points": points,
        "next_url": request.get_full_path(),
    }
