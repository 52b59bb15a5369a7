"""What the directory's templates show: result summaries, filter options with counts, links.

Every sentence is translated whole (see text.py); links are built from the validated selection,
so a hostile parameter never reaches an href.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from services_directory.geo import MILES_CHOICES
from services_directory.models import DELIVERY_MODES, LANGUAGE_NAMES, ServiceStatus
from services_directory.models.schedules import coming_date

from .forms import (
    DAY_CODES,
    MAX_AGE,
    SORT_DISTANCE,
    SORT_NAME,
    SORT_RELEVANCE,
    age_text,
)
from .opening import DateRange, next_opening, sessions_from_opening_rows
from .text import age_range_text, cost_text, distance_text


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


def summarise(service, *, terms, now, holidays, shortlist, request):
    """A ServiceSummary from a service fetched by `with_result_details`."""
    closures = [
        DateRange(start, end)
        for start, end in (
            (service.closure1_start, service.closure1_end),
            (service.closure2_start, service.closure2_end),
            (service.closure3_start, service.closure3_end),
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
        cost=cost_text(
            service.is_free, service.price, service.price_option, service.price_count or 0
        ),
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


def miles_text(miles):
    """ "1 mile", "3 miles": its own plural, so a sentence counting services can hold it too."""
    return ngettext("%(miles)s mile", "%(miles)s miles", miles) % {"miles": miles}


def _count_label(text, count):
    return gettext("%(option)s (%(count)s)") % {"option": text, "count": count}


def _options(choices, counts, selected):
    """Select or checkbox options with counts; an option that would leave nothing is left out,
    unless it is the one already chosen (so nobody is led to a dead end, or loses their choice)."""
    options = []
    for value, text in choices:
        count = counts.get(value, 0)
        if count or value == selected:
            options.append(
                {
                    "value": value,
                    "text": _count_label(text, count),
                    "count": count,
                    "selected": value == selected,
                }
            )
    return options


def filter_options(selection, counts, terms, now=None):
    # "Open on" means the coming one of that day (today included), so closures, school holidays
    # and monthly sessions can count: the options name the date, soonest first.
    today = timezone.localtime(now).date()
    coming = sorted((coming_date(day, today), day) for day in range(7))
    days = _options(
        [(DAY_CODES[day], date_format(date, "l j F")) for date, day in coming],
        {DAY_CODES[day]: n for day, n in counts.days.items()},
        DAY_CODES[selection.day] if selection.day is not None else None,
    )
    languages = _options(
        sorted(
            (
                (code, str(LANGUAGE_NAMES[code]))
                for code in counts.languages
                if code in LANGUAGE_NAMES
            ),
            key=lambda item: item[1].lower(),
        ),
        counts.languages,
        selection.language,
    )
    if selection.language and not any(o["value"] == selection.language for o in languages):
        languages.insert(
            0,
            {
                "value": selection.language,
                "text": _count_label(str(LANGUAGE_NAMES[selection.language]), 0),
                "count": 0,
                "selected": True,
            },
        )
    delivery = _options(
        [(code, str(mode["name"])) for code, mode in DELIVERY_MODES.items()],
        counts.delivery,
        selection.delivery,
    )
    distances = [
        {
            "value": str(miles),
            "text": _count_label(miles_text(miles), counts.distance[miles])
            if selection.point is not None
            else miles_text(miles),
            "count": counts.distance.get(miles),
            "selected": miles == (selection.miles or 3),
        }
        for miles in MILES_CHOICES
    ]
    # Every age stays in the list, in order, so a parent finds their child's age where they
    # expect it; one that would leave nothing is disabled (as a distance is), unless chosen.
    ages = [
        {
            "value": str(age),
            "text": _count_label(age_text(age), counts.ages.get(age, 0)),
            "count": counts.ages.get(age, 0),
            "selected": age == selection.age,
        }
        for age in range(MAX_AGE + 1)
    ]
    selected_key = selection.category.key if selection.category else None
    categories = []
    for top in terms.tree:
        children = [
            {
                "value": child.slug,
                "text": _count_label(child.name, counts.categories.get(child.key, 0)),
                "selected": child.key == selected_key,
            }
            for child in top.children
            if counts.categories.get(child.key) or child.key == selected_key
        ]
        # A category deeper than the form's two levels (from a shared link to an imported
        # taxonomy) stays chosen, so changing another filter does not drop it.
        deeper = [
            term
            for child in top.children
            for term in list(child.subtree())[1:]
            if term.key == selected_key
        ]
        children += [
            {
                "value": term.slug,
                # Chosen, so the services it leaves are the results themselves.
                "text": _count_label(term.name, counts.total),
                "selected": True,
            }
            for term in deeper
        ]
        top_count = counts.categories.get(top.key, 0)
        if top_count or children or top.key == selected_key:
            categories.append(
                {
                    "name": top.name,
                    "value": top.slug,
                    "text": _count_label(
                        gettext("All of %(category)s") % {"category": top.name}, top_count
                    )
                    if top.children
                    else _count_label(top.name, top_count),
                    "selected": top.key == selected_key,
                    "children": children,
                }
            )
    toggles = {name: counts.toggles.get(name, 0) for name in counts.toggles}
    return {
        "days": days,
        "languages": languages,
        "delivery": delivery,
        "distances": distances,
        "ages": ages,
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
