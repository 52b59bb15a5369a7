"""Services, their lists, and services at locations, as ORUK objects."""

from .common import CLOSED_PREFIX, attribute_id, compact, date_time, day, ident, number, time
from .places import location
from .taxonomies import delivery_terms, organization, taxonomy_term


def service(page, full=True):
    """An ORUK service: one-to-one fields and the organisation, plus every nested list when full."""
    service_id = str(page.translation_key)
    data = compact(
        {
            "id": service_id,
            "organization_id": ident(
                page.organisation.translation_key if page.organisation_id else None
            ),
            "name": page.title,
            "description": page.description,
            "url": page.website,
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
            "assured_date": day(page.last_checked),
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
    schedules = [
        schedule(row, service_id, sal_ids.get(row.location_id)) for row in page.schedules.all()
    ]
    schedules += [closure(row, service_id) for row in page.holiday_closures.all()]
    return {
        "schedules": schedules,
        "service_areas": [service_area(row, service_id) for row in page.service_areas.all()],
        "service_at_locations": [
            service_at_location(
                sal,
                service_id,
                [s for s in schedules if s.get("service_at_location_id") == str(sal.oruk_id)],
            )
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
            "valid_from": day(row.valid_from),
            "valid_to": day(row.valid_to),
            "dtstart": day(row.dtstart),
            "freq": row.freq,
            "interval": row.interval,
            "byday": row.byday,
            "bymonthday": row.bymonthday,
            "description": row.description,
            "opens_at": time(row.opens_at),
            "closes_at": time(row.closes_at),
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
        "valid_from": day(row.start_date),
        "valid_to": day(row.end_date),
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
            "valid_from": day(row.valid_from),
            "valid_to": day(row.valid_to),
            "option": row.option,
            "amount": number(row.amount),
            "currency": row.currency if row.amount is not None else None,
            "amount_description": row.amount_description,
        }
    )


def contact(row, service_id):
    return compact(
        {
            "id": str(row.oruk_id),
            "service_id": service_id,
            "name": row.name,
            "title": row.title,
            "email": row.email,
        }
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
