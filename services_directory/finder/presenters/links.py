"""Links that change one thing about a search: widening a filter, sorting, paging.

Links are built from the validated selection, so a hostile parameter never reaches an href.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext, ngettext

from services_directory.geo import MILES_CHOICES

from ..forms import SORT_DISTANCE, SORT_NAME, SORT_RELEVANCE


def _href(params):
    return "?" + urlencode(params) if params else "?"


def widen_suggestions(selection, counts):
    """For a search with no results: the filters to widen, each a link changing only that filter,
    with what it would show. Only suggestions that lead to results are offered."""
    suggestions = []

    def offer(text, count, **changes):
        if count:
            suggestions.append(
                {
                    "text": text,
                    "href": _href(selection.params(**changes)),
                    "hint": ngettext("Shows %(count)s service", "Shows %(count)s services", count)
                    % {"count": count},
                }
            )

    for name in selection.active_filters:
        if name == "distance":
            larger = [m for m in MILES_CHOICES if m > selection.miles and counts.distance.get(m)]
            if larger:
                miles = larger[0]
                offer(
                    ngettext(
                        "Try a larger distance: within %(miles)s mile",
                        "Try a larger distance: within %(miles)s miles",
                        miles,
                    )
                    % {"miles": miles},
                    counts.distance[miles],
                    distance=miles,
                )
            else:
                offer(
                    gettext("Search everywhere, not near a postcode"),
                    counts.without.get("distance"),
                    postcode=None,
                    distance=None,
                )
        elif name == "day":
            offer(gettext("Search any day of the week"), counts.without.get("day"), day=None)
        elif name == "open_now":
            offer(
                gettext("Include services that are closed right now"),
                counts.without.get("open_now"),
                open_now=None,
            )
        elif name == "evenings":
            offer(
                gettext("Remove the evenings filter"), counts.without.get("evenings"), evenings=None
            )
        elif name == "weekends":
            offer(
                gettext("Remove the weekends filter"), counts.without.get("weekends"), weekends=None
            )
        elif name == "age":
            offer(gettext("Remove the age filter"), counts.without.get("age"), age=None)
        elif name == "free":
            offer(gettext("Include services that charge"), counts.without.get("free"), free=None)
        elif name == "category":
            offer(gettext("Search all categories"), counts.without.get("category"), category=None)
        elif name == "language":
            offer(
                gettext("Include services in any language"),
                counts.without.get("language"),
                language=None,
            )
        elif name == "delivery":
            offer(
                gettext("Include every way of using a service"),
                counts.without.get("delivery"),
                delivery=None,
            )
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
            items.append(
                {"number": number, "href": href(number), "current": number == current.number}
            )
    return {
        "items": items,
        "previous": {"href": href(current.previous_page_number())}
        if current.has_previous()
        else None,
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
        links.append(
            {
                "text": labels[sort],
                "href": _href(
                    selection.params(sort=None if sort == default_sort(selection) else sort)
                ),
                "current": sort == selection.sort,
            }
        )
    return links if len(links) > 1 else []
