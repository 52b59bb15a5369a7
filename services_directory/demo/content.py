"""Read the demo directory's files (services_directory/demo_content/*.json) and check them.

services.json holds the services, places.json the organisations and the places services run
from, categories.json the taxonomy; each file's "about" says what its entries mean. A key the
loader does not know, a missing one, a row of the wrong shape or a slug that names nothing stops
the load with the file and the entry: a misspelt key would otherwise be dropped without a word,
and the listing would lack what the data says.
"""

import copy
import functools
import json
from pathlib import Path

from foundation.demo_files import DemoContentError, check_keys
from services_directory.models import Location, Organisation, Schedule

CONTENT_DIR = Path(__file__).resolve().parent.parent / "demo_content"
FILE_KEYS = {
    "services": {"about", "phone_format", "services"},
    "places": {"about", "organisations", "locations"},
    "categories": {"about", "categories"},
}
# What the loader reads from a service (loader.py, service_rows.py); the optional keys default.
SERVICE_KEYS = {"slug", "title", "organisation", "categories", "description", "phone", "checked"}
OPTIONAL_SERVICE_KEYS = {
    "ages",
    "search_keywords",
    "eligibility",
    "locations",
    "schedules",
    "costs",
    "languages",
    "delivery",
    "url",
    "email",
    "application_process",
    "interpretation",
    "alert",
    "status",
}
# A schedule row's fourth item, short for the Schedule fields it sets.
SCHEDULE_SHORTHANDS = {
    "term": {"term_time_only": True},
    "holidays": {"school_holidays_only": True},
}
CATEGORY_KEYS = {"slug", "name", "description"}
# Model fields the loader fills itself, so a value in the data would be silently overwritten.
NOT_FROM_DATA = {
    "id",
    "translation_key",
    "locale",
    "latitude",
    "longitude",
    "address_oruk_id",
    "accessibility_oruk_id",
}
# Schedule fields a row's options may not set: the loader sets them, or the row's own items do.
SCHEDULE_ROW_FIELDS = {
    "id",
    "sort_order",
    "service",
    "location",
    "oruk_id",
    "opens_at",
    "closes_at",
}


@functools.cache
def _read(name):
    path = CONTENT_DIR / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        data = json.load(file)
    check_keys(data, FILE_KEYS[name], set(), path.name, "the file")
    CHECKS[name](data, path.name)
    return data


def read(name):
    """The data of one file ("services", "places" or "categories"), checked; a copy to change."""
    return copy.deepcopy(_read(name))


def services():
    return read("services")["services"]


def phone_format():
    """The str.format pattern a service's phone digits fill in (Ofcom's drama range)."""
    return _read("services")["phone_format"]


def organisations():
    return read("places")["organisations"]


def locations():
    return read("places")["locations"]


def categories():
    return read("categories")["categories"]


def _entry_name(kind, entry, index):
    slug = entry.get("slug") if isinstance(entry, dict) else None
    return f"{kind} '{slug}'" if slug else f"{kind} {index + 1}"


def _model_keys(model):
    return {field.name for field in model._meta.concrete_fields} - NOT_FROM_DATA


def check_places(data, file_name):
    for slug, entry in data["organisations"].items():
        where = f"organisation '{slug}'"
        check_keys(entry, {"name"}, _model_keys(Organisation), file_name, where)
    for slug, entry in data["locations"].items():
        # "sector" is not a field: the building is placed by its sector's centroid (positions.py).
        where = f"location '{slug}'"
        check_keys(entry, {"name", "sector"}, _model_keys(Location), file_name, where)


def check_categories(data, file_name):
    slugs = set()
    for index, category in enumerate(data["categories"]):
        where = _entry_name("category", category, index)
        check_keys(category, CATEGORY_KEYS, {"children"}, file_name, where)
        children = category.get("children", [])
        for child_index, child in enumerate(children):
            child_where = f"{where}, {_entry_name('subcategory', child, child_index)}"
            check_keys(child, CATEGORY_KEYS, set(), file_name, child_where)
        for entry in [category, *children]:
            if entry["slug"] in slugs:
                raise DemoContentError(f"{file_name}: slug '{entry['slug']}' is used twice")
            slugs.add(entry["slug"])


def check_services(data, file_name):
    known = {
        "organisation": set(_read("places")["organisations"]),
        "locations": set(_read("places")["locations"]),
        "categories": {
            entry["slug"]
            for category in _read("categories")["categories"]
            for entry in [category, *category.get("children", [])]
        },
    }
    slugs = set()
    for index, service in enumerate(data["services"]):
        where = _entry_name("service", service, index)
        check_keys(service, SERVICE_KEYS, OPTIONAL_SERVICE_KEYS, file_name, where)
        if service["slug"] in slugs:
            raise DemoContentError(f"{file_name}: {where} is there twice")
        slugs.add(service["slug"])
        for key, names in known.items():
            value = service.get(key, [])
            unknown = sorted(set([value] if isinstance(value, str) else value) - names)
            if unknown:
                raise DemoContentError(
                    f"{file_name}: {where} names {key} {unknown} that the other files lack"
                )
        _check_rows(service, f"{file_name}: {where}")


def _check_rows(service, where):
    """The list-shaped values: each was a tuple in Python, and the loader unpacks it so."""
    shapes = [("phone", [service["phone"]], {2})]
    shapes.append(("ages", [service["ages"]] if service.get("ages") is not None else [], {2}))
    shapes.append(("costs", service.get("costs", []), {3}))
    shapes.append(("schedules", service.get("schedules", []), {3, 4}))
    for key, rows, lengths in shapes:
        for row in rows:
            if not isinstance(row, list) or len(row) not in lengths:
                raise DemoContentError(
                    f'{where}: {key} has {row!r}; see the file\'s "about" for its form'
                )
    for row in service.get("schedules", []):
        options = row[3] if len(row) == 4 else "term"
        if isinstance(options, dict):
            fields = {field.name for field in Schedule._meta.concrete_fields}
            unknown = sorted(set(options) - (fields - SCHEDULE_ROW_FIELDS))
            if unknown:
                raise DemoContentError(f"{where}: a schedule has {unknown}, not Schedule fields")
        elif not isinstance(options, str) or options not in SCHEDULE_SHORTHANDS:
            raise DemoContentError(
                f"{where}: a schedule's options are {options!r}: use {sorted(SCHEDULE_SHORTHANDS)}"
                " or an object of Schedule fields"
            )


CHECKS = {"services": check_services, "places": check_places, "categories": check_categories}
