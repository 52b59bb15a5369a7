"""Our models as Open Referral UK v3 objects (the compiled schemas in openreferral_schemas).

ORUK ids are the models' shared ids: ``translation_key`` for pages and snippets, ``oruk_id`` for a
service's own rows. Optional fields with no value are left out rather than sent as "" or null,
because the schemas give most of them a format ("uri", "email") that an empty string fails.
docs/openreferral.md maps every field.
"""

import datetime
import uuid

from django.utils.translation import override

from services_directory.models import DELIVERY_MODES, DELIVERY_TAXONOMY_ID

# Attributes (a service's link to a taxonomy term) are not rows of their own here: their ids are
# derived from the two ids they join, so they stay the same from one request to the next.
_ATTRIBUTE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:services-directory:attribute")
CLOSED_PREFIX = "Closed"


def compact(data):
    """Drop optional fields that have no value."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def _id(value):
    return str(value) if value else None


def _date(value):
    return value.isoformat() if value else None


def _time(value):
    return value.strftime("%H:%M:%S") if value else None


def date_time(value):
    """RFC 3339 in UTC, keeping microseconds when there are any, so an import keeps the same value."""
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _number(value):
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def attribute_id(link_id, term_id):
    return str(uuid.uuid5(_ATTRIBUTE_NAMESPACE, f"{link_id}:{term_id}"))


# --- organisations, taxonomies and terms ----------------------------------------------------------


def organization(org):
    return compact(
        {
            "id": str(org.translation_key),
            "name": org.name,
            "email": org.email,
            "website": org.website,
            "logo": org.logo,
            "uri": org.uri,
            "legal_status": org.legal_status,
        }
    ) | {"description": org.description or ""}


def taxonomy(tax, terms=None):
    data = compact(
        {
            "id": str(tax.translation_key),
            "name": tax.name,
            "uri": tax.uri,
            "version": tax.version,
        }
    ) | {"description": tax.description or ""}
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(term) for term in terms]
    return data


def taxonomy_term(term):
    return compact(
        {
            "id": str(term.translation_key),
            "name": term.name,
            "parent_id": _id(term.parent.translation_key if term.parent_id else None),
            "taxonomy": term.taxonomy.name if term.taxonomy_id else None,
            "taxonomy_id": _id(term.taxonomy.translation_key if term.taxonomy_id else None),
            "term_uri": term.term_uri,
            "code": term.code,
        }
    ) | {"description": term.description or ""}


def delivery_taxonomy():
    """The fixed taxonomy that says how a service is delivered (ORUK v3 has no field for it)."""
    with override("en"):
        return {
            "id": str(DELIVERY_TAXONOMY_ID),
            "name": "Delivery method",
            "description": "How families use the service: in person, online or by phone.",
        }


def delivery_terms():
    with override("en"):
        return [
            {
                "id": str(mode["id"]),
                "name": str(mode["name"]),
                "description": str(mode["name"]),
                "code": code,
                "taxonomy": "Delivery method",
                "taxonomy_id": str(DELIVERY_TAXONOMY_ID),
            }
            for code, mode in DELIVERY_MODES.items()
        ]


def delivery_taxonomy_with_terms():
    return delivery_taxonomy() | {"taxonomy_terms": delivery_terms()}


# --- locations -----------------------------------------------------------------------------------


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


# --- services ------------------------------------------------------------------------------------


def service(page, full=True):
    """An ORUK service: one-to-one fields and the organisation, plus every nested list when full."""
    service_id = str(page.translation_key)
    data = compact(
        {
            "id": service_id,
            "organization_id": _id(page.organisation.translation_key if page.organisation_id else None),
            "name": page.title,
            "description": page.description,
            "url": page.url,  # the service's own website field, not the page's address
            "email": page.email,
            "status": page.status,
            "fees": page.fees_description,
            "fees_description": page.fees_description,
            "accreditations": page.accreditations,
            "minimum_age": page.minimum_age,
            "maximum_age": page.maximum_age,
            "eligibility_description": page.eligibility_description,
            "application_process": page.application_process,
            "interpretation_services": page.interpretation_services,
            "assured_date": _date(page.last_checked),
            "assurer_email": page.assurer_email,
            "alert": page.alert,
            "last_modified": date_time(page.last_modified),
        }
    )
    if page.organisation_id:
        data["organization"] = organization(page.organisation)
    if full:
        data.update(_service_lists(page, service_id))
    return data


def _service_lists(page, service_id):
    sals = list(page.service_at_locations.all())
    sal_ids = {sal.location_id: str(sal.oruk_id) for sal in sals}
    schedules = [schedule(row, service_id, sal_ids.get(row.location_id)) for row in page.schedules.all()]
    schedules += [closure(row, service_id) for row in page.holiday_closures.all()]
    return {
        "schedules": schedules,
        "service_areas": [service_area(row, service_id) for row in page.service_areas.all()],
        "service_at_locations": [
            service_at_location(sal, service_id, [s for s in schedules if s.get("service_at_location_id") == str(sal.oruk_id)])
            for sal in sals
        ],
        "languages": [language(row, service_id) for row in page.languages.all()],
        "funding": [],
        "cost_options": [cost_option(row, service_id) for row in page.cost_options.all()],
        "contacts": [contact(row, service_id) for row in page.contacts.all()],
        "phones": [phone(row, service_id) for row in page.phones.all()],
        "attributes": attributes(page, service_id),
    }


def schedule(row, service_id, sal_id=None):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": None if sal_id else service_id,
            "service_at_location_id": sal_id,
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "dtstart": _date(row.dtstart),
            "freq": row.freq,
            "interval": row.interval,
            "byday": row.byday,
            "bymonthday": row.bymonthday,
            "description": row.description,
            "opens_at": _time(row.opens_at),
            "closes_at": _time(row.closes_at),
            "schedule_link": row.schedule_link,
            "attending_type": row.attending_type,
            "notes": row.notes,
        }
    )


def closure(row, service_id):
    """A holiday closure, as ORUK v3 says it: a schedule valid for those dates, with no hours."""
    description = f"{CLOSED_PREFIX}: {row.description}" if row.description else CLOSED_PREFIX
    return {
        "id": str(row.oruk_id),
        "service_id": service_id,
        "valid_from": _date(row.start_date),
        "valid_to": _date(row.end_date),
        "description": description,
    }


def service_area(row, service_id):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": service_id,
            "name": row.name,
            "description": row.description,
            "extent": row.extent,
            "extent_type": row.extent_type,
            "uri": row.uri,
        }
    )


def service_at_location(sal, service_id, schedules=()):
    return compact(
        {
            "id": str(sal.oruk_id),
            "service_id": service_id,
            "location_id": str(sal.location.translation_key),
            "description": sal.description,
        }
    ) | {"location": location(sal.location), "schedules": list(schedules)}


def language(row, service_id):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": service_id,
            "name": row.name,
            "code": row.code,
            "note": row.note,
        }
    )


def cost_option(row, service_id):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": service_id,
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "option": row.option,
            "amount": _number(row.amount),
            "currency": row.currency if row.amount is not None else None,
            "amount_description": row.amount_description,
        }
    )


def contact(row, service_id):
    return compact(
        {"id": str(row.oruk_id), "service_id": service_id, "name": row.name, "title": row.title, "email": row.email}
    )


def phone(row, service_id):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": service_id,
            "number": row.number,
            "extension": row.extension,
            "description": row.description,
        }
    )


def attributes(page, service_id):
    """Categories, then the delivery modes, as ORUK attributes linking the service to a term."""
    result = []
    for term in page.categories.all():
        term_id = str(term.translation_key)
        result.append(_attribute(service_id, term_id, taxonomy_term(term)))
    terms = {term["code"]: term for term in delivery_terms()}
    for code in page.delivery_modes:
        result.append(_attribute(service_id, terms[code]["id"], terms[code]))
    return result


def _attribute(service_id, term_id, term):
    return {
        "id": attribute_id(service_id, term_id),
        "link_id": service_id,
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": term,
    }


# --- services at locations -----------------------------------------------------------------------


def service_at_location_item(sal, full_service=None):
    """A service at a location for lists (flat service and location) or by id (fully nested)."""
    service_id = str(sal.service.translation_key)
    data = compact(
        {
            "id": str(sal.oruk_id),
            "service_id": service_id,
            "location_id": str(sal.location.translation_key),
            "description": sal.description,
        }
    )
    if full_service is not None:
        data["location"] = location(sal.location)
        data["service"] = full_service
    else:
        data["location"] = location(sal.location, full=False)
        data["service"] = service(sal.service, full=False)
    return data
