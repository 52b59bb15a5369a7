"""An ORUK v3 service record, read into a plan of the rows it stands for (nothing is saved here).

docs/openreferral.md maps each field. Absent lists leave what we hold alone (a list endpoint's
partial record must not wipe a service's opening times); a list that is present, even empty,
replaces ours. Absent single values are blank, as the record is the whole truth about them.
"""

import math
import uuid

from services_directory.models import (
    DELIVERY_MODES,
    DELIVERY_TAXONOMY_ID,
    Organisation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)

from .fields import Reader
from .places import read_service_at_locations
from .plans import NAMESPACE, RecordRejected, ServicePlan, SnippetPlan, as_list, as_uuid
from .rows import read_lists, read_schedules

_DELIVERY_BY_ID = {str(mode["id"]): code for code, mode in DELIVERY_MODES.items()}
_DELIVERY_FIELDS = {
    "in_person": "delivered_in_person",
    "online": "delivered_online",
    "telephone": "delivered_by_phone",
}


def read_service(record):
    """The plan for one service record that has passed the schema; raises RecordRejected."""
    r = Reader()
    oruk_id = as_uuid(r, record.get("id"), "id")
    name = r.text(record.get("name"), "name", 255, required=True)
    fields = {
        "title": name,
        "description": r.text(record.get("description"), "description", required=True),
        "status": r.choice(
            record.get("status"), "status", set(ServiceStatus.values), ServiceStatus.ACTIVE
        ),
        "website": r.url(record.get("url"), "url"),
        "email": r.email(record.get("email"), "email"),
        "alert": r.text(record.get("alert"), "alert", 255),
        "eligibility_description": r.text(
            record.get("eligibility_description"), "eligibility_description"
        ),
        "application_process": r.text(record.get("application_process"), "application_process"),
        "interpretation_services": r.text(
            record.get("interpretation_services"), "interpretation_services"
        ),
        "fees_description": r.text(
            record.get("fees_description") or record.get("fees"), "fees_description"
        ),
        "accreditations": r.text(record.get("accreditations"), "accreditations"),
        "last_checked": r.date(record.get("assured_date"), "assured_date"),
        "assurer_email": r.email(record.get("assurer_email"), "assurer_email"),
    }
    fields.update(_ages(r, record))
    plan = ServicePlan(oruk_id=oruk_id, name=name, fields=fields)
    plan.last_modified = r.date_time(record.get("last_modified"), "last_modified")
    _organisation(r, record, plan)
    read_service_at_locations(r, record, plan)
    read_schedules(r, record, plan)
    read_lists(r, record, plan)
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
    oruk_id = as_uuid(r, data.get("id"), f"{path}.id")
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
        plan.organisation_id = as_uuid(r, given_id, "organization_id")


def read_term(r, data, path):
    """A taxonomy term plan, and the plan of its taxonomy when the term says which."""
    oruk_id = as_uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "name": r.text(data.get("name"), f"{path}.name", 255, required=True),
        "description": r.text(data.get("description"), f"{path}.description"),
        "code": r.text(data.get("code"), f"{path}.code", 100),
        "term_uri": r.url(data.get("term_uri"), f"{path}.term_uri"),
    }
    parent_id = (
        as_uuid(r, data["parent_id"], f"{path}.parent_id") if data.get("parent_id") else None
    )
    taxonomy = data.get("taxonomy")
    taxonomy_name = taxonomy.get("name") if isinstance(taxonomy, dict) else taxonomy
    taxonomy_id = data.get("taxonomy_id") or (
        taxonomy.get("id") if isinstance(taxonomy, dict) else None
    )
    taxonomy_plan = lookup_name = None
    if taxonomy_id:
        taxonomy_id = as_uuid(r, taxonomy_id, f"{path}.taxonomy_id")
    elif isinstance(taxonomy_name, str) and taxonomy_name.strip():
        # Named but without an id: the taxonomy of that name, or a new one whose id the name fixes.
        lookup_name = taxonomy_name.strip()
        taxonomy_id = str(uuid.uuid5(NAMESPACE, f"taxonomy:{lookup_name.lower()}"))
    if taxonomy_id:
        taxonomy_fields = {}
        if isinstance(taxonomy_name, str) and taxonomy_name.strip():
            taxonomy_fields["name"] = r.text(taxonomy_name.strip(), f"{path}.taxonomy", 255)
        taxonomy_plan = SnippetPlan(
            Taxonomy, taxonomy_id, taxonomy_fields, partial=True, lookup_name=lookup_name
        )
    term = SnippetPlan(
        TaxonomyTerm,
        oruk_id,
        fields,
        parent_id=parent_id,
        taxonomy_id=taxonomy_id,
        lookup_name=lookup_name,
    )
    return term, taxonomy_plan


def read_taxonomy(r, data, path):
    oruk_id = as_uuid(r, data.get("id"), f"{path}.id")
    fields = {
        "name": r.text(data.get("name"), f"{path}.name", 255, required=True),
        "description": r.text(data.get("description"), f"{path}.description"),
        "uri": r.url(data.get("uri"), f"{path}.uri"),
        "version": r.text(data.get("version"), f"{path}.version", 50),
    }
    return SnippetPlan(Taxonomy, oruk_id, fields)


def _attributes(r, record, plan):
    items = as_list(record, "attributes")
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
        if term_id in _DELIVERY_BY_ID or (term or {}).get("taxonomy_id") == str(
            DELIVERY_TAXONOMY_ID
        ):
            if term_id in _DELIVERY_BY_ID:
                modes.add(_DELIVERY_BY_ID[term_id])
            continue
        if term is not None:
            term_plan, taxonomy_plan = read_term(r, term, f"{path}.taxonomy_term")
            if term_plan.oruk_id:
                plan.terms[term_plan.oruk_id] = term_plan
            if taxonomy_plan is not None and taxonomy_plan.oruk_id not in plan.taxonomies:
                plan.taxonomies[taxonomy_plan.oruk_id] = taxonomy_plan
        term_uuid = as_uuid(r, term_id, f"{path}.taxonomy_term_id")
        if term_uuid and term_uuid not in categories:
            categories.append(term_uuid)
    plan.category_ids = categories
    plan.delivery = _delivery(modes, record)


def _delivery(modes, record):
    """Delivery flags; with no delivery attribute, in person unless every location is virtual."""
    if not modes:
        locations = [
            sal.get("location")
            for sal in as_list(record, "service_at_locations") or []
            if isinstance(sal.get("location"), dict)
        ]
        virtual = locations and all(
            location.get("location_type") == "virtual" for location in locations
        )
        modes = {"online"} if virtual else {"in_person"}
    return {field_name: code in modes for code, field_name in _DELIVERY_FIELDS.items()}
