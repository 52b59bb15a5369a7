"""Reading the lists of an ORUK service: schedules, costs, languages, phones, contacts, areas."""

import re

from services_directory.models import validate_byday

from .fields import Reader
from .languages import english_name, site_language
from .plans import as_list, as_uuid

_EXTENT_TYPES = {"geojson", "topojson", "kml", "text"}
_PHONE_RE = re.compile(r"^\+?[0-9 ()-]{6,30}$")


def _is_closure(item):
    """A holiday closure as we publish it: dates, no hours or days, described as closed."""
    return (
        item.get("valid_from")
        and item.get("valid_to")
        and not any(item.get(key) for key in ("opens_at", "closes_at", "byday", "bymonthday"))
        and str(item.get("description") or "").lower().startswith("closed")
    )


def read_schedules(r, record, plan):
    given = as_list(record, "schedules")
    nested = [
        schedule
        for sal in as_list(record, "service_at_locations") or []
        for schedule in (sal.get("schedules") if isinstance(sal.get("schedules"), list) else [])
    ]
    if given is None and not nested:
        plan.rows["schedules"] = plan.rows["holiday_closures"] = None
        return
    sal_locations = {
        row["oruk_id"]: row["location"] for row in plan.rows.get("service_at_locations") or []
    }
    items = [(f"schedules[{i}]", item) for i, item in enumerate(given or [])]
    seen = {item.get("id") for _path, item in items}
    items += [
        (f"service_at_locations[].schedules[{i}]", item)
        for i, item in enumerate(nested)
        if item.get("id") not in seen
    ]
    schedules, closures = [], []
    for path, item in items:
        if _is_closure(item):
            description = str(item["description"])[len("closed") :].lstrip(" :-\u2013")
            closures.append(
                {
                    "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
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
    if bymonthday and not all(
        part.lstrip("-").isdigit() and 1 <= abs(int(part)) <= 31 for part in bymonthday.split(",")
    ):
        r.error(f"{path}.bymonthday", "should be day numbers such as 1,15")
    location = None
    if item.get("service_at_location_id"):
        location = sal_locations.get(str(item["service_at_location_id"]).lower())
        if location is None:
            r.warn(
                f"{path}.service_at_location_id",
                "names no service_at_location of this service; kept as the service's own times",
            )
    opens_at = r.time(item.get("opens_at"), f"{path}.opens_at")
    closes_at = r.time(item.get("closes_at"), f"{path}.closes_at")
    if opens_at and closes_at and closes_at <= opens_at:
        r.warn(f"{path}.closes_at", "is not after opens_at; the session will not show as open")
    return {
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
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


def read_lists(r, record, plan):
    """Costs, languages, phones, contacts and areas."""
    readers = {
        "cost_options": _cost_option,
        "languages": _language,
        "phones": _phone,
        "contacts": _contact,
        "service_areas": _service_area,
    }
    for key, read in readers.items():
        items = as_list(record, key)
        if items is None:
            plan.rows[key] = None
            continue
        rows = [read(r, item, f"{key}[{index}]") for index, item in enumerate(items)]
        plan.rows[key] = [row for row in rows if row is not None]
    # HSDS contacts may carry phones: families need the number, so keep it with the service.
    for index, contact in enumerate(as_list(record, "contacts") or []):
        for number_index, phone in enumerate(contact.get("phones") or []):
            row = _phone(r, phone, f"contacts[{index}].phones[{number_index}]")
            if row is not None:
                row["description"] = (
                    row["description"] or (contact.get("name") or contact.get("title") or "")[:255]
                )
                plan.rows["phones"] = (plan.rows.get("phones") or []) + [row]


def _cost_option(r, item, path):
    currency = r.text(item.get("currency"), f"{path}.currency", 3).upper() or "GBP"
    return {
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
        "option": r.text(item.get("option"), f"{path}.option", 255),
        "amount": r.amount(item.get("amount"), f"{path}.amount"),
        "currency": currency,
        "amount_description": r.text(
            item.get("amount_description"), f"{path}.amount_description", 255
        ),
        "valid_from": r.date(item.get("valid_from"), f"{path}.valid_from"),
        "valid_to": r.date(item.get("valid_to"), f"{path}.valid_to"),
    }


def _language(r, item, path):
    code = site_language(item.get("code"), item.get("name"))
    if code is None:
        # Stored, it would read as a bare code on the page, match no language filter and show
        # blank in the editor's form, so it is left out and the report says which it was.
        given = _short(item.get("name")) or _short(item.get("code")) or "(no name or code)"
        if item.get("name") and item.get("code"):
            given += f" ({_short(item.get('code'))})"
        r.warn(
            path,
            f"{given} is not one of the site's languages, so it was left out; a developer can "
            "add it to LANGUAGE_CHOICES",
        )
        return None
    return {
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
        "code": code,
        "name": english_name(code),
        "note": r.text(item.get("note"), f"{path}.note", 255),
    }


def _short(value):
    text = " ".join(str(value or "").split())
    return repr(text if len(text) <= 40 else text[:39] + "…") if text else ""


def _phone(r, item, path):
    number = r.text(item.get("number"), f"{path}.number", 30, required=True)
    if number and not _PHONE_RE.match(number):
        r.error(f"{path}.number", "should be digits and spaces, such as 020 7946 0123")
    return {
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
        "number": number,
        "extension": r.text(
            str(item["extension"])
            if isinstance(item.get("extension"), (int, float))
            else item.get("extension"),
            f"{path}.extension",
            10,
        ),
        "description": r.text(item.get("description"), f"{path}.description", 255),
    }


def _contact(r, item, path):
    row = {
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
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
        "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
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
