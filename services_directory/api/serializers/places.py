"""Locations, with their address and accessibility, as ORUK objects."""

from .common import compact


def location(loc, full=True):
    data = compact(
        {
            "id": str(loc.translation_key),
            "location_type": loc.location_type,
            "name": loc.name,
            "description": loc.description,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "external_identifier": loc.external_identifier,
            "external_identifier_type": loc.external_identifier_type,
        }
    )
    if full:
        data["addresses"] = [address(loc)] if (loc.address_1 or loc.postal_code or loc.city) else []
        data["accessibility"] = (
            [accessibility(loc)]
            if (loc.accessibility_description or loc.accessibility_details or loc.accessibility_url)
            else []
        )
    return data


def address(loc):
    # The UK profile requires these five; a location that lacks one still sends it, empty.
    return {
        "id": str(loc.address_oruk_id),
        "location_id": str(loc.translation_key),
        "address_1": loc.address_1,
        "city": loc.city,
        "state_province": loc.state_province,
        "postal_code": loc.postal_code,
        "country": loc.country or "GB",
        "address_type": loc.location_type,
    } | compact({"region": loc.region})


def accessibility(loc):
    return compact(
        {
            "id": str(loc.accessibility_oruk_id),
            "location_id": str(loc.translation_key),
            "description": loc.accessibility_description,
            "details": loc.accessibility_details,
            "url": loc.accessibility_url,
        }
    )
