"""Query parameters of the Open Referral UK API: one definition each, read by the views and by the
OpenAPI document, so what we accept and what we document cannot drift apart.

Every value is checked before it reaches a query: a bad one gives a 400 naming the parameter. A
parameter given twice is an error too, because "which one did it use?" has no good answer.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from services_directory.models import WEEKDAY_CODES

from .errors import ApiError
from .parsers import (
    DAY_NAMES,
    MAX_AGE,
    MAX_PER_PAGE,
    MAX_PROXIMITY_METRES,
    Invalid,
    parse_age,
    parse_boolean,
    parse_day,
    parse_format,
    parse_modified_after,
    parse_page,
    parse_per_page,
    parse_postcode_point,
    parse_proximity,
    parse_search,
    parse_time,
    parse_uuid,
)

MAX_VALUE_LENGTH = 200
DEFAULT_PER_PAGE = 50
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Param:
    """One query parameter: how to read it and how the OpenAPI document describes it."""

    parse: Callable[[str], Any]
    schema: dict
    description: Any
    example: str | None = None


UUID_SCHEMA = {"type": "string", "format": "uuid"}
PARAMETERS = {
    "search": Param(
        parse_search,
        {"type": "string", "maxLength": MAX_VALUE_LENGTH},
        gettext_lazy("Keywords, searched in names, descriptions, organisations and categories."),
        "stay and play",
    ),
    "page": Param(
        parse_page,
        {"type": "integer", "minimum": 1, "default": 1},
        gettext_lazy("Page number, starting at 1. A page after the last is empty."),
        "1",
    ),
    "per_page": Param(
        parse_per_page,
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        gettext_lazy("Items per page."),
        "50",
    ),
    "taxonomy_id": Param(
        parse_uuid, UUID_SCHEMA, gettext_lazy("Only items with a term in this taxonomy.")
    ),
    "taxonomy_term_id": Param(
        parse_uuid,
        UUID_SCHEMA,
        gettext_lazy("Only services with this taxonomy term or a term below it."),
    ),
    "organization_id": Param(
        parse_uuid, UUID_SCHEMA, gettext_lazy("Only services this organisation runs.")
    ),
    "postcode": Param(
        parse_postcode_point,
        {"type": "string", "maxLength": MAX_VALUE_LENGTH},
        gettext_lazy("A UK postcode or postcode district: results are sorted by distance from it."),
        "CR0 1AB",
    ),
    "proximity": Param(
        parse_proximity,
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_PROXIMITY_METRES},
        gettext_lazy("With postcode: only services within this many metres of it."),
        "4828",
    ),
    "minimum_age": Param(
        parse_age,
        {"type": "integer", "minimum": 0, "maximum": MAX_AGE},
        gettext_lazy(
            "Only services for someone this age or older: their age range "
            "reaches at least this age (a blank maximum age means no limit)."
        ),
        "3",
    ),
    "maximum_age": Param(
        parse_age,
        {"type": "integer", "minimum": 0, "maximum": MAX_AGE},
        gettext_lazy(
            "Only services for someone this age or younger: their age range "
            "starts at or below this age."
        ),
        "5",
    ),
    "day": Param(
        parse_day,
        {"type": "string", "enum": [*WEEKDAY_CODES, *DAY_NAMES]},
        gettext_lazy("Only services with a session on this day: MO…SU or monday…sunday."),
        "SA",
    ),
    "start_time": Param(
        parse_time,
        {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"},
        gettext_lazy(
            "Only services with a session starting at or after this time (HH:MM, "
            "UK time); with day, on that day."
        ),
        "09:00",
    ),
    "end_time": Param(
        parse_time,
        {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"},
        gettext_lazy(
            "Only services with a session ending at or before this time (HH:MM, UK "
            "time); with day and start_time, the same session."
        ),
        "17:00",
    ),
    "modified_after": Param(
        parse_modified_after,
        {"type": "string", "format": "date-time"},
        gettext_lazy(
            "Only items changed on or after this ISO 8601 date-time (UK time if "
            "no offset is given)."
        ),
        "2024-05-31T09:00:00Z",
    ),
    "full": Param(
        parse_boolean,
        {"type": "boolean", "default": False},
        gettext_lazy("true: each list item is the fully nested object, as by id."),
    ),
    "format": Param(
        parse_format,
        {"type": "string", "enum": ["json"], "default": "json"},
        gettext_lazy("Only json is available."),
    ),
    "parent_id": Param(
        parse_uuid, UUID_SCHEMA, gettext_lazy("Only terms directly under this term.")
    ),
    "top_only": Param(
        parse_boolean,
        {"type": "boolean", "default": False},
        gettext_lazy("true: only terms with no parent."),
    ),
}

_SERVICE_FILTERS = [
    "taxonomy_id",
    "taxonomy_term_id",
    "organization_id",
    "postcode",
    "proximity",
    "minimum_age",
    "maximum_age",
    "day",
    "start_time",
    "end_time",
    "modified_after",
]
ENDPOINT_PARAMETERS = {
    "services": ["search", "page", "per_page", *_SERVICE_FILTERS, "full", "format"],
    "service_at_locations": ["search", "page", "per_page", *_SERVICE_FILTERS, "full", "format"],
    "organizations": ["search", "page", "per_page", "format"],
    "taxonomies": ["search", "page", "per_page", "format"],
    "taxonomy_terms": [
        "search",
        "page",
        "per_page",
        "taxonomy_id",
        "parent_id",
        "top_only",
        "format",
    ],
}


@dataclass
class Query:
    """The checked parameters of one request; absent ones are None."""

    values: dict = field(default_factory=dict)

    def __getattr__(self, name):
        if name in PARAMETERS:
            return self.values.get(name)
        raise AttributeError(name)

    @property
    def page(self):
        return self.values.get("page") or 1

    @property
    def per_page(self):
        return self.values.get("per_page") or DEFAULT_PER_PAGE


def read_query(request, endpoint):
    """The request's parameters for `endpoint`, or an ApiError(400) listing every bad one.

    Parameters the endpoint does not know are ignored, as ORUK clients send optional ones such as
    ``minimal`` that not every API offers.
    """
    errors = []
    values = {}
    for name in ENDPOINT_PARAMETERS[endpoint]:
        given = request.GET.getlist(name)
        if not given:
            continue
        if len(given) > 1:
            errors.append((name, _("Give this parameter once.")))
            continue
        raw = given[0]
        if len(raw) > MAX_VALUE_LENGTH:
            errors.append((name, _("This value is too long.")))
            continue
        if _CONTROL_RE.search(raw):
            errors.append((name, _("This value contains control characters.")))
            continue
        if raw.strip() == "" and name != "search":
            continue
        try:
            values[name] = PARAMETERS[name].parse(raw)
        except Invalid as error:
            errors.append((name, str(error)))
    _check_combinations(values, errors)
    if errors:
        raise ApiError(400, _("Check the parameters: some have values we cannot use."), errors)
    return Query(values)


def _check_combinations(values, errors):
    if "proximity" in values and "postcode" not in values:
        errors.append(("proximity", _("Give a postcode to measure the distance from.")))
    low, high = values.get("minimum_age"), values.get("maximum_age")
    if low is not None and high is not None and high < low:
        errors.append(("maximum_age", _("maximum_age must be the same as or above minimum_age.")))
    start, end = values.get("start_time"), values.get("end_time")
    if start is not None and end is not None and end <= start:
        errors.append(("end_time", _("end_time must be after start_time.")))
