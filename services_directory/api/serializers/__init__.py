"""Our models as Open Referral UK v3 objects (the compiled schemas in openreferral_schemas).

ORUK ids are the models' shared ids: ``translation_key`` for pages and snippets, ``oruk_id`` for a
service's own rows. Optional fields with no value are left out rather than sent as "" or null,
because the schemas give most of them a format ("uri", "email") that an empty string fails.
docs/openreferral.md maps every field.
"""

from .common import CLOSED_PREFIX, attribute_id, compact, date_time
from .places import accessibility, address, location
from .services import (
    attributes,
    closure,
    contact,
    cost_option,
    language,
    phone,
    schedule,
    service,
    service_area,
    service_at_location,
    service_at_location_item,
)
from .taxonomies import (
    delivery_taxonomy,
    delivery_taxonomy_with_terms,
    delivery_terms,
    organization,
    taxonomy,
    taxonomy_term,
)

__all__ = [
    "CLOSED_PREFIX",
    "accessibility",
    "address",
    "attribute_id",
    "attributes",
    "closure",
    "compact",
    "contact",
    "cost_option",
    "date_time",
    "delivery_taxonomy",
    "delivery_taxonomy_with_terms",
    "delivery_terms",
    "language",
    "location",
    "organization",
    "phone",
    "schedule",
    "service",
    "service_area",
    "service_at_location",
    "service_at_location_item",
    "taxonomy",
    "taxonomy_term",
]
