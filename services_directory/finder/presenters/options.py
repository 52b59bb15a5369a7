"""The filter options the directory's form offers, each with how many services it would show."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from services_directory.geo import MILES_CHOICES
from services_directory.models import DELIVERY_MODES, LANGUAGE_NAMES, coming_date

from ..forms import DAY_CODES, MAX_AGE, age_text


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
