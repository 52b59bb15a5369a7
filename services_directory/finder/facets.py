"""How many services each filter option would leave: sizes of intersections of sets (index.py).

The count beside an option is |the services every other active filter keeps AND the option's
services|: "every filter but the option's own group", so a parent sees what choosing it leaves.
No SQL: the sets come from the directory's index, and each count is an AND and a bit count.
"""

from dataclasses import dataclass, field

from services_directory.geo import MILES_CHOICES

from . import bits
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


def category_members(term, direct):
    """The services filed under `term` or any category below it (`direct`: key -> set)."""
    members = 0
    for option in term.subtree():
        members |= direct.get(option.key, 0)
    return members


@dataclass
class Choices:
    """Every option's set, and the active filters' sets, for one request."""

    universe: object  # index.Universe
    sets: object  # index.OptionSets
    active: dict  # filter name -> set, in the order the filters apply
    near: object = None  # index.Near, when a postcode was given

    def toggle(self, name):
        if name == "free":
            return self.universe.free
        return getattr(self.sets, name)

    def matching(self, without=()):
        """The services every active filter keeps, leaving out those named in `without`."""
        return bits.intersect(
            (members for name, members in self.active.items() if name not in without),
            self.universe.everything,
        )


def facet_counts(choices, terms):
    """Every option's count; the "without" counts only when nothing matched (for the help)."""
    counts = FacetCounts()
    others = {}

    def leaving(group, members):
        if group not in others:
            others[group] = choices.matching(without={group})
        return bits.count(others[group] & members)

    counts.total = bits.count(choices.matching())
    for name in TOGGLES:
        counts.toggles[name] = leaving(name, choices.toggle(name))
    for code, members in choices.universe.delivery.items():
        counts.delivery[code] = leaving("delivery", members)
    if choices.near is not None:
        for miles in MILES_CHOICES:
            counts.distance[miles] = leaving("distance", choices.near.within[miles])
    for weekday, members in enumerate(choices.sets.days):
        n = leaving("day", members)
        if n:
            counts.days[weekday] = n
    for code, members in choices.sets.languages.items():
        n = leaving("language", members)
        if n:
            counts.languages[code] = n
    counts.ages = {age: leaving("age", choices.universe.ages[age]) for age in range(MAX_AGE + 1)}
    # The form shows two levels: top categories and the ones just below them, each counting
    # the services filed anywhere beneath it, once each.
    for top in terms.tree:
        for term in (top, *top.children):
            n = leaving("category", category_members(term, choices.sets.categories))
            if n:
                counts.categories[term.key] = n
    if counts.total == 0:
        counts.without = {
            name: bits.count(choices.matching(without={name})) for name in choices.active
        }
    return counts
