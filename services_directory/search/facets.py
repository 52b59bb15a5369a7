"""How many services each filter option would leave, in one SQL query however many options.

Every count is one SELECT: the visible services, every active filter except the option's own
group, then the option. Grouped options (days, languages, categories, ages) are one SELECT each
with a GROUP BY. All of them go to the database as a single UNION ALL, so a page costs the same one
query with 100 services or 10,000, and with two filters or ten (plus one more, on a page with no
results, for the counts behind "Remove the age filter" and the like).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, UUIDField, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from services_directory.geo import MILES_CHOICES
from services_directory.models import OpeningSession, ServiceLanguage, ServiceStatus

from .filters import DELIVERY_FIELDS, CategoryLink, day_sessions_q, key_text, near_q
from .forms import MAX_AGE, TOGGLES


@dataclass
class FacetCounts:
    total: int = 0
    toggles: dict = field(default_factory=dict)  # "free" -> n
    delivery: dict = field(default_factory=dict)  # "online" -> n
    distance: dict = field(default_factory=dict)  # 3 -> n
    days: dict = field(default_factory=dict)  # 0..6 -> n
    languages: dict = field(default_factory=dict)  # "pl" -> n
    categories: dict = field(default_factory=dict)  # translation key (hex) -> n
    ages: dict = field(default_factory=dict)  # 0..MAX_AGE -> n
    without: dict = field(default_factory=dict)  # active filter name -> n if it were removed


def _one_count(queryset, facet, key=""):
    return (
        queryset.order_by()
        .annotate(
            facet=Value(facet, output_field=CharField()),
            facet_key=Value(str(key), output_field=CharField()),
        )
        .values("facet", "facet_key")
        .annotate(n=Count("pk"))
    )


def _grouped_count(queryset, facet, key_expression, counted):
    return (
        queryset.order_by()
        .annotate(
            facet=Value(facet, output_field=CharField()),
            facet_key=Cast(key_expression, CharField()),
        )
        .values("facet", "facet_key")
        .annotate(n=Count(counted, distinct=True))
    )


def facet_count_parts(base, steps):
    """The SELECTs, one per option or option group; exposed so tests can read the SQL."""
    selection = steps.selection

    def others(group):
        return steps.apply(base, without={group})

    parts = [_one_count(steps.apply(base), "total")]
    for name in TOGGLES:
        parts.append(_one_count(steps.toggle(name, others(name)), "toggle", name))
    without_delivery = others("delivery")
    for code, field_name in DELIVERY_FIELDS.items():
        parts.append(_one_count(without_delivery.filter(**{field_name: True}), "delivery", code))
    if selection.point is not None:
        without_distance = others("distance")
        for miles in MILES_CHOICES:
            parts.append(
                _one_count(
                    without_distance.filter(near_q(selection.point, miles)), "distance", miles
                )
            )

    services_for_days = others("day").filter(status=ServiceStatus.ACTIVE).values("pk")
    parts.append(
        _grouped_count(
            OpeningSession.objects.filter(
                day_sessions_q(steps.now, steps.holidays), service__in=services_for_days
            ),
            "day",
            "weekday",
            "service",
        )
    )
    services_for_languages = others("language").values("pk")
    parts.append(
        _grouped_count(
            ServiceLanguage.objects.filter(service__in=services_for_languages),
            "language",
            "code",
            "service",
        )
    )
    # Ages: one row per (youngest, oldest) pair in use, a few dozen however many services, each
    # counting its services once; _read adds up, for each age, the pairs whose range holds it.
    # Blank limits come back as "" (no limit), which is what for_age() means by them too.
    parts.append(
        _grouped_count(
            others("age"),
            "age",
            Concat(
                Coalesce(Cast("minimum_age", CharField()), Value("")),
                Value(":"),
                Coalesce(Cast("maximum_age", CharField()), Value("")),
                output_field=CharField(),
            ),
            "pk",
        )
    )
    links = CategoryLink.objects.filter(servicepage__in=others("category").values("pk"))
    # The form shows two levels: top categories and the ones just below them. Each counts the
    # services filed anywhere beneath it, once each, however deep an imported taxonomy goes.
    parts.append(_grouped_count(links, "category", _top_category(), "servicepage"))
    parts.append(_grouped_count(links, "category", _second_category(), "servicepage"))
    return parts


# Taxonomies deeper than this (counting from the top) count towards their level's ancestor only
# as far as this many parent hops; ORUK feeds seen in the wild go three or four levels deep.
CATEGORY_DEPTH = 6


def _ancestor(hops):
    return "taxonomyterm__" + "parent__" * hops + "translation_key"


def _top_category():
    """The top of each linked category's branch: its furthest ancestor, or itself."""
    return Coalesce(*(_ancestor(hops) for hops in range(CATEGORY_DEPTH, -1, -1)))


def _second_category():
    """The ancestor one below the top (the category itself when it is there); none for a top."""
    whens = [
        When(**{f"{_ancestor(hops)}__isnull": False}, then=F(_ancestor(hops - 1)))
        for hops in range(CATEGORY_DEPTH, 0, -1)
    ]
    return Case(*whens, default=Value(None), output_field=UUIDField())


def without_count_parts(base, steps):
    """For the no-results page only: how many services removing each active filter would give."""
    return [_one_count(steps.apply(base, without={name}), "without", name) for name in steps.steps]


def facet_counts(base, steps):
    """Every option's count in one query; a second one, only when nothing matched, for the help."""
    counts = _read(facet_count_parts(base, steps))
    if counts.total == 0 and steps.steps:
        counts.without = _read(without_count_parts(base, steps)).without
    return counts


def _read(parts):
    counts = FacetCounts()
    categories = defaultdict(int)
    age_ranges = []
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    for row in rows:
        facet, key, n = row["facet"], row["facet_key"], row["n"]
        if facet == "total":
            counts.total = n
        elif facet == "toggle":
            counts.toggles[key] = n
        elif facet == "delivery":
            counts.delivery[key] = n
        elif facet == "distance":
            counts.distance[int(key)] = n
        elif facet == "day":
            counts.days[int(key)] = n
        elif facet == "language":
            counts.languages[key] = n
        elif facet == "category" and key:
            # A top-level category appears in both grouped SELECTs with the same distinct count.
            hex_key = key_text(key)
            categories[hex_key] = max(categories[hex_key], n)
        elif facet == "age":
            youngest, oldest = (int(limit) if limit else None for limit in key.split(":"))
            age_ranges.append((youngest, oldest, n))
        elif facet == "without":
            counts.without[key] = n
    counts.categories = dict(categories)
    counts.ages = {
        age: sum(
            n
            for youngest, oldest, n in age_ranges
            if (youngest is None or youngest <= age) and (oldest is None or age <= oldest)
        )
        for age in range(MAX_AGE + 1)
    }
    return counts
