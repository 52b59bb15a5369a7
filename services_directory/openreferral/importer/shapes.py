"""What kind of ORUK object a record is, and the records the importer handles apart or reshapes."""

from services_directory.models import DELIVERY_MODES, DELIVERY_TAXONOMY_ID


def record_kind(record):
    """What an ORUK record is, from its shape (files may hold any of the API's objects)."""
    if isinstance(record.get("service"), dict) and (
        "location" in record or "location_id" in record
    ):
        return "service_at_location"
    if isinstance(record.get("services"), list):
        return "organization"
    if isinstance(record.get("taxonomy_terms"), list):
        return "taxonomy"
    if "status" not in record:
        if {"parent_id", "term_uri", "taxonomy", "taxonomy_id", "term"} & record.keys():
            return "taxonomy_term"
        if {"website", "legal_status", "logo", "organization_identifiers"} & record.keys():
            return "organization"
        if "version" in record:
            return "taxonomy"
    return "service"


def is_delivery(record):
    """Whether a taxonomy or term record is one of our own fixed delivery-method terms."""
    delivery_ids = {
        str(DELIVERY_TAXONOMY_ID),
        *(str(mode["id"]) for mode in DELIVERY_MODES.values()),
    }
    return record.get("id") in delivery_ids or record.get("taxonomy_id") == str(
        DELIVERY_TAXONOMY_ID
    )


def service_of(record):
    """The service of a service_at_location record, with this place among its locations."""
    service = dict(record["service"])
    sal = {key: value for key, value in record.items() if key not in ("service", "schedules")}
    sals = list(service.get("service_at_locations") or [])
    if not any(isinstance(item, dict) and item.get("id") == sal.get("id") for item in sals):
        sals.append(sal)
    service["service_at_locations"] = sals
    return service
