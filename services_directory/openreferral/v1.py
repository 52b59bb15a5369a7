"""Open Referral UK version 1 services, turned into version 3 records before import.

Many councils still publish v1 (validator/schemas/V1.0-UK). The main differences, from the UK
profile's changelog: ``regular_schedules`` became ``schedules``; ``holiday_schedules``,
``eligibilitys``, ``service_taxonomys`` and ``attending_type`` have no v3 field and map to
schedules with dates, the age range, attributes and delivery attributes; the organisation's
``url`` became ``website``; a location's ``physical_addresses`` and
``accessibility_for_disabilities`` became ``addresses`` and ``accessibility``. v1 ids need not be
UUIDs: one that is not gets a UUID derived from it, the same every time, so a re-import updates.
"""

import re
import uuid

from services_directory.models import DELIVERY_MODES

V1_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:openreferral:v1")
_UUID_RE = re.compile(
    r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
V1_ONLY_KEYS = {
    "regular_schedules",
    "holiday_schedules",
    "eligibilitys",
    "service_taxonomys",
    "attending_type",
    "attending_access",
    "deliverable_type",
    "fundings",
    "reviews",
}
ATTENDING_TYPES = {
    "venue": "in_person",
    "home visit": "in_person",
    "online": "online",
    "phone": "telephone",
}
ATTENDING_ACCESS = {
    "referral": "By referral.",
    "appointment": "By appointment.",
    "membership": "Members only.",
    "drop-in": "Drop in, no need to book.",
}


def looks_like_v1(record):
    if not isinstance(record, dict):
        return False
    if V1_ONLY_KEYS & record.keys():
        return True
    organisation = record.get("organization")
    return (
        isinstance(organisation, dict) and "url" in organisation and "website" not in organisation
    )


def v3_id(value, kind):
    """The v1 id if a UUID, else a UUID derived from it and its kind, stable across imports."""
    if value is None or value == "":
        return None
    text = str(value)
    if _UUID_RE.match(text):
        return text.lower()
    return str(uuid.uuid5(V1_NAMESPACE, f"{kind}:{text}"))


def _list(record, key):
    value = record.get(key)
    return value if isinstance(value, list) else []


def _copy(source, keys):
    return {key: source[key] for key in keys if source.get(key) not in (None, "")}


def service_to_v3(record):
    """A v3 service record carrying everything of the v1 `record` that v3 can say."""
    service_id = v3_id(record.get("id"), "service")
    result = _copy(
        record, ["name", "description", "url", "email", "status", "accreditations", "assured_date"]
    )
    result["id"] = service_id
    if record.get("fees"):
        result["fees_description"] = record["fees"]
    organisation = record.get("organization")
    if isinstance(organisation, dict):
        result["organization"] = _copy(
            organisation, ["name", "description", "email", "logo", "uri"]
        ) | {
            "id": v3_id(organisation.get("id"), "organization"),
            "description": organisation.get("description") or "",
        }
        if organisation.get("url"):
            result["organization"]["website"] = organisation["url"]
    if record.get("attending_access") in ATTENDING_ACCESS:
        result["application_process"] = ATTENDING_ACCESS[record["attending_access"]]
    _eligibility(record, result)
    result["schedules"] = [_schedule(row, service_id) for row in _list(record, "regular_schedules")]
    result["schedules"] += [
        _closure(row) for row in _list(record, "holiday_schedules") if row.get("closed", True)
    ]
    result["service_at_locations"] = [
        _service_at_location(row, result) for row in _list(record, "service_at_locations")
    ]
    result["languages"] = [_language(row) for row in _list(record, "languages")]
    result["cost_options"] = [
        _copy(row, ["option", "amount", "amount_description", "valid_from", "valid_to"])
        | {"id": v3_id(row.get("id"), "cost_option")}
        for row in _list(record, "cost_options")
    ]
    result["contacts"], result["phones"] = _contacts(record)
    result["service_areas"] = [
        _copy(row, ["extent", "uri"])
        | {"id": v3_id(row.get("id"), "service_area"), "name": row.get("service_area") or ""}
        for row in _list(record, "service_areas")
    ]
    result["attributes"] = _attributes(record, service_id)
    return result


def _eligibility(record, result):
    rows = _list(record, "eligibilitys")
    minimums = [
        row["minimum_age"] for row in rows if isinstance(row.get("minimum_age"), (int, float))
    ]
    maximums = [
        row["maximum_age"] for row in rows if isinstance(row.get("maximum_age"), (int, float))
    ]
    if minimums:
        result["minimum_age"] = min(minimums)
    if maximums:
        result["maximum_age"] = max(maximums)
    texts = [
        row["eligibility"]
        for row in rows
        if isinstance(row.get("eligibility"), str) and row["eligibility"]
    ]
    if texts:
        result["eligibility_description"] = "; ".join(texts)


def _schedule(row, service_id=None, sal_id=None):
    keys = [
        "valid_from",
        "valid_to",
        "dtstart",
        "freq",
        "interval",
        "byday",
        "bymonthday",
        "description",
        "opens_at",
        "closes_at",
    ]
    data = _copy(row, keys) | {"id": v3_id(row.get("id"), "schedule")}
    if sal_id:
        data["service_at_location_id"] = sal_id
    return data


def _closure(row):
    data = {"id": v3_id(row.get("id"), "holiday_schedule"), "description": "Closed"}
    if row.get("start_date"):
        data["valid_from"] = row["start_date"]
    if row.get("end_date"):
        data["valid_to"] = row["end_date"]
    return data


def _service_at_location(row, result):
    sal_id = v3_id(row.get("id"), "service_at_location")
    data = {"id": sal_id}
    location = row.get("location")
    if isinstance(location, dict):
        location_id = v3_id(location.get("id"), "location")
        converted = _copy(location, ["name", "description", "latitude", "longitude"]) | {
            "id": location_id,
            "location_type": "physical",
        }
        converted["addresses"] = [
            _copy(address, ["address_1", "city", "state_province", "postal_code", "country"])
            | {"id": v3_id(address.get("id"), "address"), "address_type": "physical"}
            for address in _list(location, "physical_addresses")
        ]
        converted["accessibility"] = [
            {
                "id": v3_id(item.get("id"), "accessibility"),
                "description": item.get("accessibility") or "",
            }
            for item in _list(location, "accessibility_for_disabilities")
        ]
        data["location"] = converted
        data["location_id"] = location_id
    result.setdefault("schedules", [])
    result["schedules"] += [
        _schedule(schedule, sal_id=sal_id) for schedule in _list(row, "regular_schedules")
    ]
    result["schedules"] += [
        _closure(closure)
        for closure in _list(row, "holiday_schedules")
        if closure.get("closed", True)
    ]
    return data


def _language(row):
    value = str(row.get("language") or "").strip()
    data = {"id": v3_id(row.get("id"), "language")}
    # v1 feeds give a name ("Polish") or a code ("pl"); the importer sorts out which.
    if re.fullmatch(r"[A-Za-z]{2,3}", value):
        data["code"] = value.lower()
    elif value:
        data["name"] = value
    return data


def _contacts(record):
    contacts, phones = [], []
    for row in _list(record, "contacts"):
        contact = _copy(row, ["name", "title"]) | {"id": v3_id(row.get("id"), "contact")}
        contacts.append(contact)
        for phone in _list(row, "phones"):
            if phone.get("number"):
                phones.append(
                    {
                        "id": v3_id(phone.get("id"), "phone"),
                        "number": phone["number"],
                        "description": row.get("name") or row.get("title") or "",
                    }
                )
    return contacts, phones


def _attributes(record, service_id):
    attributes = []
    for row in _list(record, "service_taxonomys"):
        taxonomy = row.get("taxonomy")
        if not isinstance(taxonomy, dict) or not taxonomy.get("name"):
            continue
        term_id = v3_id(taxonomy.get("id"), "taxonomy")
        term = {"id": term_id, "name": taxonomy["name"], "description": ""}
        if taxonomy.get("vocabulary"):
            term["taxonomy"] = taxonomy["vocabulary"]
        if taxonomy.get("parent"):
            term["parent_id"] = v3_id(taxonomy["parent"], "taxonomy")
        attributes.append(
            {
                "id": v3_id(row.get("id"), "service_taxonomy"),
                "taxonomy_term_id": term_id,
                "taxonomy_term": term,
            }
        )
    mode = ATTENDING_TYPES.get(record.get("attending_type"))
    if mode:
        mode_id = str(DELIVERY_MODES[mode]["id"])
        attributes.append(
            {
                "id": str(uuid.uuid5(V1_NAMESPACE, f"delivery:{service_id}")),
                "taxonomy_term_id": mode_id,
            }
        )
    return attributes
