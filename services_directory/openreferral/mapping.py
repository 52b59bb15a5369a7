"""An ORUK v3 service record, read into a plan of the rows it stands for (nothing is saved here).

docs/openreferral.md maps each field. Absent lists leave what we hold alone (a list endpoint's
partial record must not wipe a service's opening times); a list that is present, even empty,
replaces ours. Absent single values are blank, as the record is the whole truth about them.
"""

import math
import re
import uuid
from dataclasses import dataclass, field

from django.utils.translation import override

from services_directory.geo import InvalidPostcode, parse_postcode
from services_directory.models import (
    DELIVERY_MODES,
    DELIVERY_TAXONOMY_ID,
    LANGUAGE_NAMES,
    Location,
    LocationType,
    Organisation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from services_directory.models.schedules import validate_byday

from .fields import Reader

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:openreferral:import")
CHILD_LISTS = (
    "service_at_locations",
    "schedules",
    "holiday_closures",
    "cost_options",
    "languages",
    "phones",
    "contacts",
    "service_areas",
)
_DELIVERY_BY_ID = {str(mode["id"]): code for code, mode in DELIVERY_MODES.items()}
_DELIVERY_FIELDS = {"in_person": "delivered_in_person", "online": "delivered_online", "telephone": "delivered_by_phone"}
_ENGLISH_NAMES = {str(name).lower(): code for code, name in LANGUAGE_NAMES.items()}
_EXTENT_TYPES = {"geojson", "topojson", "kml", "text"}
_PHONE_RE = re.compile(r"^\+?[0-9 ()-]{6,30}$")


class RecordRejected(Exception):
    def __init__(self, errors, warnings=()):
        super().__init__("; ".join(f"{path}: {reason}" for path, reason in errors))
        self.errors = list(errors)
        self.warnings = list(warnings)


@dataclass
class SnippetPlan:
    """One organisation, location, taxonomy or term to create or bring up to date."""

    model: type
    oruk_id: str
    fields: dict
    # True when the record only names it (a term's taxonomy by its name): set what is given, keep the rest.
    partial: bool = False
    parent_id: str | None = None
    taxonomy_id: str | None = None


@dataclass
class ServicePlan:
    oruk_id: str
    name: str
    fields: dict
    organisation: SnippetPlan | None = None
    organisation_id: str | None = None
    locations: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)  # relation -> list of field dicts, or None to leave alone
    taxonomies: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    category_ids: list | None = None  # None: the record has no attributes, leave ours alone
    delivery: dict | None = None  # delivered_* flags, None as for category_ids
    default_delivery: dict = field(default_factory=dict)  # for a new service given no attributes
    last_modified: object = None
    warnings: list = field(default_factory=list)

    def snippets(self):
        """Everything the service points at, in an order where each comes after what it needs."""
        yield from self.taxonomies.values()
        yield from self.terms.values()
        if self.organisation:
            yield self.organisation
        yield from self.locations.values()


def _uuid(reader, value, path):
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        reader.error(path, "is not a UUID")
        return None


def _list(record, key):
    value = record.get(key)
    return value if isinstance(value, list) else None


def read_service(record):
    """The plan for one service record that has passed the schema; raises RecordRejected."""
    r = Reader()
    oruk_id = _uuid(r, record.get("id"), "id")
    name = r.text(record.get("name"), "name", 255, required=True)
    fields = {
        "title": name,
        "description": r.text(record.get("description"), "description", required=True),
        "status": r.choice(record.get("status"), "status", set(ServiceStatus.values), ServiceStatus.ACTIVE),
        "url": r.url(record.get("url"), "url"),
        "email": r.email(record.get("email"), "email"),
        "alert": r.text(record.get("alert"), "alert", 255),
        "eligibility_description": r.text(record.get("eligibility_description"), "eligibility_description"),
        "application_process": r.text(record.get("application_process"), "application_process"),
        "interpretation_services": r.text(record.get("interpretation_services"), "interpretation_services"),
        "fees_description": r.text(record.get("fees_description") or record.get("fees"), "fees_description"),
        "accreditations": r.text(record.get("accreditations"), "accreditations"),
        "last_checked": r.date(record.get("assured_date"), "assured_date"),
        "assurer_email": r.email(record.get("assurer_email"), "assurer_email"),
    }
    fields.update(_ages(r, record))
    plan = ServicePlan(oruk_id=oruk_id, name=name, fields=fields)
    plan.last_modified = r.date_time(record.get("last_modified"), "last_modified")
    _organisation(r, record, plan)
    _service_at_locations(r, record, plan)
    _schedules(r, record, plan)
    _rows(r, record, plan)
    _attributes(r, record, plan)
    plan.warnings = r.warnings
    if r.errors:
        raise RecordRejected(r.errors, r.warnings)
    return plan


def _ages(r, record):
    result = {}
    for key, rounding in (("minimum_age", math.floor), ("maximum_age", math.ceil)):
        value = r.number(record.get(key), key)
        if value is None:
            result[key] = None
        elif not 0 <= value <= 120:
            r.error(key, "should be an age from 0 to 120")
        else:
            if value != int(value):
                r.warn(key, f"{value} is kept as {rounding(value)}: ages are whole years here")
            result[key] = int(rounding(value))
    low, high = result.get("minimum_age"), result.get("maximum_age")
    if low is not None and high is not None and high < low:
        r.error("maximum_age", "is below minimum_age")
    return result


def read_organisation(r, data, path):
    oruk_id = _uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "name": r.text(data.get("name"), f"{path}.name", 255, required=True),
        "description": r.text(data.get("description"), f"{path}.description"),
        "email": r.email(data.get("email"), f"{path}.email"),
        "website": r.url(data.get("website") or data.get("url"), f"{path}.website"),
        "logo": r.url(data.get("logo"), f"{path}.logo"),
        "uri": r.url(data.get("uri"), f"{path}.uri"),
        "legal_status": r.text(data.get("legal_status"), f"{path}.legal_status", 120),
    }
    return SnippetPlan(Organisation, oruk_id, fields)


def _organisation(r, record, plan):
    data = record.get("organization")
    given_id = record.get("organization_id")
    if isinstance(data, dict):
        plan.organisation = read_organisation(r, data, "organization")
        plan.organisation_id = plan.organisation.oruk_id
        if given_id and plan.organisation_id and str(given_id).lower() != plan.organisation_id:
            r.error("organization_id", "is not the id of the organization given with the service")
    elif given_id:
        plan.organisation_id = _uuid(r, given_id, "organization_id")


def read_location(r, data, path):
    oruk_id = _uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "location_type": r.choice(data.get("location_type"), f"{path}.location_type", set(LocationType.values), "physical"),
        "name": r.text(data.get("name"), f"{path}.name", 255),
        "description": r.text(data.get("description"), f"{path}.description"),
        "external_identifier": r.text(data.get("external_identifier"), f"{path}.external_identifier", 100),
        "external_identifier_type": r.text(data.get("external_identifier_type"), f"{path}.external_identifier_type", 50),
    }
    fields.update(_position(r, data, path))
    fields.update(_address(r, data.get("addresses"), f"{path}.addresses"))
    fields.update(_accessibility(r, data.get("accessibility"), f"{path}.accessibility"))
    if not fields["name"]:
        fields["name"] = fields.get("address_1") or fields.get("postal_code") or "Location"
        r.warn(f"{path}.name", f"missing: the location is called {fields['name']!r}")
    return SnippetPlan(Location, oruk_id, fields)


def _position(r, data, path):
    latitude = r.number(data.get("latitude"), f"{path}.latitude")
    longitude = r.number(data.get("longitude"), f"{path}.longitude")
    if latitude is None and longitude is None:
        return {"latitude": None, "longitude": None}
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        # Derived data we can do without: the postcode places the location instead.
        r.warn(f"{path}.latitude", "the position is not a place on Earth and was left out")
        return {"latitude": None, "longitude": None}
    return {"latitude": float(latitude), "longitude": float(longitude)}


def _address(r, addresses, path):
    empty = {"address_1": "", "city": "", "state_province": "", "region": "", "postal_code": "", "country": "GB"}
    if not isinstance(addresses, list) or not addresses:
        return empty
    # One address per location here: the physical one if there is one.
    index = next((i for i, a in enumerate(addresses) if isinstance(a, dict) and a.get("address_type") == "physical"), 0)
    if len(addresses) > 1:
        r.warn(path, f"only address [{index}] is kept: a location has one address here")
    data, path = addresses[index], f"{path}[{index}]"
    if not isinstance(data, dict):
        return empty
    line = ", ".join(part for part in (data.get("address_1"), data.get("address_2")) if isinstance(part, str) and part)
    result = {
        "address_oruk_id": _uuid(r, data.get("id"), f"{path}.id"),
        "address_1": r.text(line, f"{path}.address_1", 255),
        "city": r.text(data.get("city"), f"{path}.city", 120),
        "state_province": r.text(data.get("state_province"), f"{path}.state_province", 120),
        "region": r.text(data.get("region"), f"{path}.region", 120),
        "postal_code": _postcode(r, data.get("postal_code"), f"{path}.postal_code"),
        "country": r.text(data.get("country"), f"{path}.country") or "GB",
    }
    if len(result["country"]) != 2:
        r.error(f"{path}.country", "should be a two-letter country code such as GB")
    result["country"] = result["country"].upper()
    return result


def _postcode(r, value, path):
    text = r.text(value, path)
    if not text:
        return ""
    try:
        return parse_postcode(text).display
    except InvalidPostcode:
        # Kept as given (a place abroad, say); it only cannot place the location on the map.
        if len(text) > 10:
            r.error(path, "is not a UK postcode and is longer than 10 characters")
        return text[:10]


def _accessibility(r, items, path):
    empty = {"accessibility_description": "", "accessibility_details": "", "accessibility_url": ""}
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        return empty
    if len(items) > 1:
        r.warn(path, "only the first entry is kept: a location has one accessibility entry here")
    data, path = items[0], f"{path}[0]"
    return {
        "accessibility_oruk_id": _uuid(r, data.get("id"), f"{path}.id"),
        "accessibility_description": r.text(data.get("description") or data.get("accessibility"), f"{path}.description"),
        "accessibility_details": r.text(data.get("details"), f"{path}.details"),
        "accessibility_url": r.url(data.get("url"), f"{path}.url"),
    }


def _service_at_locations(r, record, plan):
    items = _list(record, "service_at_locations")
    if items is None:
        plan.rows["service_at_locations"] = None
        return
    rows = []
    for index, item in enumerate(items):
        path = f"service_at_locations[{index}]"
        location = item.get("location")
        if isinstance(location, dict):
            location_plan = read_location(r, location, f"{path}.location")
            plan.locations[location_plan.oruk_id] = location_plan
            location_id = location_plan.oruk_id
        elif item.get("location_id"):
            location_id = _uuid(r, item["location_id"], f"{path}.location_id")
        else:
            r.error(path, "gives neither a location nor a location_id")
            continue
        rows.append(
            {
                "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
                "location": location_id,
                "description": r.text(item.get("description"), f"{path}.description", 255),
            }
        )
    plan.rows["service_at_locations"] = rows


def _is_closure(item):
    """A holiday closure as we publish it: dates, no hours or days, described as closed."""
    return (
        item.get("valid_from")
        and item.get("valid_to")
        and not any(item.get(key) for key in ("opens_at", "closes_at", "byday", "bymonthday"))
        and str(item.get("description") or "").lower().startswith("closed")
    )


def _schedules(r, record, plan):
    given = _list(record, "schedules")
    nested = [
        schedule
        for sal in _list(record, "service_at_locations") or []
        for schedule in (sal.get("schedules") if isinstance(sal.get("schedules"), list) else [])
    ]
    if given is None and not nested:
        plan.rows["schedules"] = plan.rows["holiday_closures"] = None
        return
    sal_locations = {row["oruk_id"]: row["location"] for row in plan.rows.get("service_at_locations") or []}
    items = [(f"schedules[{i}]", item) for i, item in enumerate(given or [])]
    seen = {item.get("id") for _path, item in items}
    items += [(f"service_at_locations[].schedules[{i}]", item) for i, item in enumerate(nested) if item.get("id") not in seen]
    schedules, closures = [], []
    for path, item in items:
        if _is_closure(item):
            description = str(item["description"])[len("closed") :].lstrip(" :-–")
            closures.append(
                {
                    "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
                    "start_date": r.date(item.get("valid_from"), f"{path}.valid_from"),
                    "end_date": r.date(item.get("valid_to"), f"{path}.valid_to"),
                    "description": r.text(description, f"{path}.description", 255),
                }
            )
            continue
        schedules.append(_schedule(r, item, path, sal_locations))
    plan.rows["schedules"], plan.rows["holiday_closures"] = schedules, closures


def _schedule(r, item, path, sal_locations):
    byday = r.text(item.get("byday"), f"{path}.byday", 100).upper().replace(" ", "")
    if byday:
        try:
            validate_byday(byday)
        except Exception:
            r.error(f"{path}.byday", "should be day codes such as MO,WE,FR")
    bymonthday = r.text(item.get("bymonthday"), f"{path}.bymonthday", 100).replace(" ", "")
    if bymonthday and not all(part.lstrip("-").isdigit() and 1 <= abs(int(part)) <= 31 for part in bymonthday.split(",")):
        r.error(f"{path}.bymonthday", "should be day numbers such as 1,15")
    location = None
    if item.get("service_at_location_id"):
        location = sal_locations.get(str(item["service_at_location_id"]).lower())
        if location is None:
            r.warn(f"{path}.service_at_location_id", "names no service_at_location of this service; kept as the service's own times")
    opens_at = r.time(item.get("opens_at"), f"{path}.opens_at")
    closes_at = r.time(item.get("closes_at"), f"{path}.closes_at")
    if opens_at and closes_at and closes_at <= opens_at:
        r.warn(f"{path}.closes_at", "is not after opens_at; the session will not show as open")
    return {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "location": location,
        "byday": byday,
        "bymonthday": bymonthday,
        "opens_at": opens_at,
        "closes_at": closes_at,
        "freq": r.choice(item.get("freq"), f"{path}.freq", {"WEEKLY", "MONTHLY"}, "WEEKLY"),
        "interval": r.whole(item.get("interval"), f"{path}.interval", 0, 1000),
        "dtstart": r.date(item.get("dtstart"), f"{path}.dtstart"),
        "valid_from": r.date(item.get("valid_from"), f"{path}.valid_from"),
        "valid_to": r.date(item.get("valid_to"), f"{path}.valid_to"),
        "description": r.text(item.get("description"), f"{path}.description", 255),
        "notes": r.text(item.get("notes"), f"{path}.notes"),
        "attending_type": r.text(item.get("attending_type"), f"{path}.attending_type", 255),
        "schedule_link": r.url(item.get("schedule_link"), f"{path}.schedule_link"),
    }


def _rows(r, record, plan):
    """Costs, languages, phones, contacts and areas."""
    readers = {
        "cost_options": _cost_option,
        "languages": _language,
        "phones": _phone,
        "contacts": _contact,
        "service_areas": _service_area,
    }
    for key, read in readers.items():
        items = _list(record, key)
        if items is None:
            plan.rows[key] = None
            continue
        rows = [read(r, item, f"{key}[{index}]") for index, item in enumerate(items)]
        plan.rows[key] = [row for row in rows if row is not None]
    # HSDS contacts may carry their own phones: families need the number, so keep it with the service.
    for index, contact in enumerate(_list(record, "contacts") or []):
        for number_index, phone in enumerate(contact.get("phones") or []):
            row = _phone(r, phone, f"contacts[{index}].phones[{number_index}]")
            if row is not None:
                row["description"] = row["description"] or (contact.get("name") or contact.get("title") or "")[:255]
                plan.rows["phones"] = (plan.rows.get("phones") or []) + [row]


def _cost_option(r, item, path):
    currency = r.text(item.get("currency"), f"{path}.currency", 3).upper() or "GBP"
    return {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "option": r.text(item.get("option"), f"{path}.option", 255),
        "amount": r.amount(item.get("amount"), f"{path}.amount"),
        "currency": currency,
        "amount_description": r.text(item.get("amount_description"), f"{path}.amount_description", 255),
        "valid_from": r.date(item.get("valid_from"), f"{path}.valid_from"),
        "valid_to": r.date(item.get("valid_to"), f"{path}.valid_to"),
    }


def _language(r, item, path):
    code = str(item.get("code") or "").strip().lower()
    name = str(item.get("name") or "").strip()
    if not code and name.lower() in _ENGLISH_NAMES:
        code = _ENGLISH_NAMES[name.lower()]
    if not (2 <= len(code) <= 3 and code.isalpha() and code.isascii()):
        r.warn(path, "has no ISO 639 code we know, so it was left out")
        return None
    if code in LANGUAGE_NAMES:
        with override("en"):
            name = str(LANGUAGE_NAMES[code])
    return {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "code": code,
        "name": r.text(name, f"{path}.name", 100),
        "note": r.text(item.get("note"), f"{path}.note", 255),
    }


def _phone(r, item, path):
    number = r.text(item.get("number"), f"{path}.number", 30, required=True)
    if number and not _PHONE_RE.match(number):
        r.error(f"{path}.number", "should be digits and spaces, such as 020 7946 0123")
    return {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "number": number,
        "extension": r.text(str(item["extension"]) if isinstance(item.get("extension"), (int, float)) else item.get("extension"), f"{path}.extension", 10),
        "description": r.text(item.get("description"), f"{path}.description", 255),
    }


def _contact(r, item, path):
    row = {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "name": r.text(item.get("name"), f"{path}.name", 255),
        "title": r.text(item.get("title"), f"{path}.title", 255),
        "email": r.email(item.get("email"), f"{path}.email"),
    }
    if not (row["name"] or row["title"] or row["email"]):
        r.warn(path, "has no name, title or email, so it was left out")
        return None
    return row


def _service_area(r, item, path):
    name = item.get("name") or item.get("service_area") or ""
    extent_type = str(item.get("extent_type") or "").lower()
    if extent_type and extent_type not in _EXTENT_TYPES:
        r.warn(f"{path}.extent_type", "is not geojson, topojson, kml or text, so it was left out")
        extent_type = ""
    row = {
        "oruk_id": _uuid(r, item.get("id"), f"{path}.id"),
        "name": r.text(name, f"{path}.name", 255, required=True),
        "description": r.text(item.get("description"), f"{path}.description"),
        "extent": r.text(item.get("extent"), f"{path}.extent"),
        "extent_type": extent_type,
        "uri": "",
    }
    uri = item.get("uri")
    if uri:
        checker = Reader()
        row["uri"] = checker.url(uri, f"{path}.uri")
        if checker.errors:
            r.warn(f"{path}.uri", "is not a web address, so it was left out")
    return row


def read_term(r, data, path):
    """A taxonomy term plan, and the plan of its taxonomy when the term says which."""
    oruk_id = _uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "name": r.text(data.get("name"), f"{path}.name", 255, required=True),
        "description": r.text(data.get("description"), f"{path}.description"),
        "code": r.text(data.get("code"), f"{path}.code", 100),
        "term_uri": r.url(data.get("term_uri"), f"{path}.term_uri"),
    }
    parent_id = _uuid(r, data["parent_id"], f"{path}.parent_id") if data.get("parent_id") else None
    taxonomy = data.get("taxonomy")
    taxonomy_name = taxonomy.get("name") if isinstance(taxonomy, dict) else taxonomy
    taxonomy_id = data.get("taxonomy_id") or (taxonomy.get("id") if isinstance(taxonomy, dict) else None)
    taxonomy_plan = None
    if taxonomy_id:
        taxonomy_id = _uuid(r, taxonomy_id, f"{path}.taxonomy_id")
    elif isinstance(taxonomy_name, str) and taxonomy_name.strip():
        # Named but without an id: the same name always gives the same taxonomy.
        taxonomy_id = str(uuid.uuid5(NAMESPACE, f"taxonomy:{taxonomy_name.strip().lower()}"))
    if taxonomy_id:
        taxonomy_fields = {}
        if isinstance(taxonomy_name, str) and taxonomy_name.strip():
            taxonomy_fields["name"] = r.text(taxonomy_name.strip(), f"{path}.taxonomy", 255)
        taxonomy_plan = SnippetPlan(Taxonomy, taxonomy_id, taxonomy_fields, partial=True)
    term = SnippetPlan(TaxonomyTerm, oruk_id, fields, parent_id=parent_id, taxonomy_id=taxonomy_id)
    return term, taxonomy_plan


def read_taxonomy(r, data, path):
    oruk_id = _uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "name": r.text(data.get("name"), f"{path}.name", 255, required=True),
        "description": r.text(data.get("description"), f"{path}.description"),
        "uri": r.url(data.get("uri"), f"{path}.uri"),
        "version": r.text(data.get("version"), f"{path}.version", 50),
    }
    return SnippetPlan(Taxonomy, oruk_id, fields)


def _attributes(r, record, plan):
    items = _list(record, "attributes")
    plan.default_delivery = _delivery(set(), record)
    if items is None:
        return
    categories, modes = [], set()
    for index, item in enumerate(items):
        path = f"attributes[{index}]"
        term = item.get("taxonomy_term") if isinstance(item.get("taxonomy_term"), dict) else None
        term_id = item.get("taxonomy_term_id") or (term or {}).get("id")
        if not term_id:
            r.warn(path, "names no taxonomy term, so it was left out")
            continue
        term_id = str(term_id).lower()
        if term_id in _DELIVERY_BY_ID or (term or {}).get("taxonomy_id") == str(DELIVERY_TAXONOMY_ID):
            if term_id in _DELIVERY_BY_ID:
                modes.add(_DELIVERY_BY_ID[term_id])
            continue
        if term is not None:
            term_plan, taxonomy_plan = read_term(r, term, f"{path}.taxonomy_term")
            if term_plan.oruk_id:
                plan.terms[term_plan.oruk_id] = term_plan
            if taxonomy_plan is not None and taxonomy_plan.oruk_id not in plan.taxonomies:
                plan.taxonomies[taxonomy_plan.oruk_id] = taxonomy_plan
        term_uuid = _uuid(r, term_id, f"{path}.taxonomy_term_id")
        if term_uuid and term_uuid not in categories:
            categories.append(term_uuid)
    plan.category_ids = categories
    plan.delivery = _delivery(modes, record)


def _delivery(modes, record):
    """Delivery flags; with no delivery attribute, in person unless every location is virtual."""
    if not modes:
        locations = [sal.get("location") for sal in _list(record, "service_at_locations") or [] if isinstance(sal.get("location"), dict)]
        virtual = locations and all(location.get("location_type") == "virtual" for location in locations)
        modes = {"online"} if virtual else {"in_person"}
    return {field_name: code in modes for code, field_name in _DELIVERY_FIELDS.items()}


