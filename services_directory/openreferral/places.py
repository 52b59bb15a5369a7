"""Reading an ORUK location, with its address and accessibility, and a service's places."""

from services_directory.geo import InvalidPostcode, parse_postcode
from services_directory.models import Location, LocationType

from .plans import SnippetPlan, as_list, as_uuid


def read_location(r, data, path):
    oruk_id = as_uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "location_type": r.choice(
            data.get("location_type"), f"{path}.location_type", set(LocationType.values), "physical"
        ),
        "name": r.text(data.get("name"), f"{path}.name", 255),
        "description": r.text(data.get("description"), f"{path}.description"),
        "external_identifier": r.text(
            data.get("external_identifier"), f"{path}.external_identifier", 100
        ),
        "external_identifier_type": r.text(
            data.get("external_identifier_type"), f"{path}.external_identifier_type", 50
        ),
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
    if (
        latitude is None
        or longitude is None
        or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        # Derived data we can do without: the postcode places the location instead.
        r.warn(f"{path}.latitude", "the position is not a place on Earth and was left out")
        return {"latitude": None, "longitude": None}
    return {"latitude": float(latitude), "longitude": float(longitude)}


def _address(r, addresses, path):
    empty = {
        "address_1": "",
        "city": "",
        "state_province": "",
        "region": "",
        "postal_code": "",
        "country": "GB",
    }
    if not isinstance(addresses, list) or not addresses:
        return empty
    # One address per location here: the physical one if there is one.
    index = next(
        (
            i
            for i, a in enumerate(addresses)
            if isinstance(a, dict) and a.get("address_type") == "physical"
        ),
        0,
    )
    if len(addresses) > 1:
        r.warn(path, f"only address [{index}] is kept: a location has one address here")
    data, path = addresses[index], f"{path}[{index}]"
    if not isinstance(data, dict):
        return empty
    line = ", ".join(
        part
        for part in (data.get("address_1"), data.get("address_2"))
        if isinstance(part, str) and part
    )
    result = {
        "address_oruk_id": as_uuid(r, data.get("id"), f"{path}.id"),
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
        "accessibility_oruk_id": as_uuid(r, data.get("id"), f"{path}.id"),
        "accessibility_description": r.text(
            data.get("description") or data.get("accessibility"), f"{path}.description"
        ),
        "accessibility_details": r.text(data.get("details"), f"{path}.details"),
        "accessibility_url": r.url(data.get("url"), f"{path}.url"),
    }


def read_service_at_locations(r, record, plan):
    items = as_list(record, "service_at_locations")
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
            location_id = as_uuid(r, item["location_id"], f"{path}.location_id")
        else:
            r.error(path, "gives neither a location nor a location_id")
            continue
        rows.append(
            {
                "oruk_id": as_uuid(r, item.get("id"), f"{path}.id"),
                "location": location_id,
                "description": r.text(item.get("description"), f"{path}.description", 255),
            }
        )
    plan.rows["service_at_locations"] = rows
