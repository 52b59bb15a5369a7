"""The directory page's template context: the search, and the options and links around it."""

from django.conf import settings
from django.utils import timezone

from .keywords import understood
from .presenters import (
    default_sort,
    filter_options,
    miles_text,
    pagination_context,
    sort_links,
    toggle_groups,
    widen_suggestions,
)
from .queries import EXACT_SPELLING, run_search


def map_settings():
    """The tile server for the optional map, or None: no tile server, no map and no Leaflet."""
    tile_url = getattr(settings, "MAP_TILE_URL", "")
    if not tile_url:
        return None
    return {"tile_url": tile_url, "attribution": getattr(settings, "MAP_ATTRIBUTION", "")}


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


def _exact_href(request):
    """This search with the words as typed: "Search instead for …" (from the first page)."""
    params = request.GET.copy()
    params.pop("page", None)
    params["spelling"] = EXACT_SPELLING
    return f"?{params.urlencode()}"


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
    spelling = None
    if selection.query and not selection.exact_spelling and not found["in_english"]:
        understanding = understood(selection.query)
        spelling = understanding if understanding.corrected else None
    return {
        **found,
        "spelling": spelling,
        "exact_href": _exact_href(request) if spelling else "",
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
