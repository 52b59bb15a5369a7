"""A demo service's page fields and child rows, made from its entry in services.json.

The rows compare by value (`comparable_children` against `current_children`), so a second load
saves a service only when its data or its page differs.
"""

import datetime
from decimal import Decimal

from services_directory.models import (
    CostOption,
    HolidayClosure,
    Schedule,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePhone,
    english_language_name,
)

from . import content
from .holidays import christmas_closure
from .ids import demo_uuid

DEFAULT_DELIVERY = ["in_person"]
CHILD_RELATIONS = [
    "service_at_locations",
    "schedules",
    "holiday_closures",
    "cost_options",
    "languages",
    "phones",
]


def parse_time(text):
    return datetime.time.fromisoformat(text) if text else None


def service_fields(data, organisations):
    delivery = data.get("delivery", DEFAULT_DELIVERY)
    ages = data.get("ages")
    email = data.get("email", "")
    return {
        "title": data["title"],
        "slug": data["slug"],
        "description": data["description"],
        "search_keywords": data.get("search_keywords", ""),
        "eligibility_description": data.get("eligibility", ""),
        "organisation": organisations[data["organisation"]],
        "minimum_age": ages[0] if ages else None,
        "maximum_age": ages[1] if ages else None,
        "delivered_in_person": "in_person" in delivery,
        "delivered_online": "online" in delivery,
        "delivered_by_phone": "phone" in delivery,
        "application_process": data.get("application_process", ""),
        "interpretation_services": data.get("interpretation", ""),
        "website": data.get("url", f"https://www.example.org/northbrook/services/{data['slug']}"),
        "email": email,
        "alert": data.get("alert", ""),
        "status": data.get("status", "active"),
        "assurer_email": "directory@example.org",
    }


def service_children(data, locations, today):
    """The service's child rows by relation name, unsaved."""
    slug = data["slug"]
    schedules = []
    for index, row in enumerate(data.get("schedules", [])):
        days, opens, closes, *options = row
        extra = options[0] if options else {}
        extra = dict(content.SCHEDULE_SHORTHANDS[extra] if isinstance(extra, str) else extra)
        schedules.append(
            Schedule(
                oruk_id=demo_uuid("schedule", f"{slug}:{index}"),
                byday=extra.pop("byday", days),
                opens_at=parse_time(opens),
                closes_at=parse_time(closes),
                **extra,
            )
        )
    costs = [
        CostOption(
            oruk_id=demo_uuid("cost", f"{slug}:{index}"),
            amount=Decimal(amount) if amount else None,
            option=option,
            amount_description=about,
        )
        for index, (amount, option, about) in enumerate(data.get("costs", []))
    ]
    languages = [
        ServiceLanguage(
            oruk_id=demo_uuid("language", f"{slug}:{code}"),
            code=code,
            name=english_language_name(code),
        )
        for code in data.get("languages", ["en"])
    ]
    number, description = data["phone"]
    phones = [
        ServicePhone(
            oruk_id=demo_uuid("phone", slug),
            number=content.phone_format().format(number),
            description=description,
        )
    ]
    places = [
        ServiceAtLocation(
            oruk_id=demo_uuid("service-at-location", f"{slug}:{place}"),
            location=locations[place],
        )
        for place in data.get("locations", [])
    ]
    # Term-time sessions follow the SchoolHoliday calendar; buildings also shut at Christmas.
    closures = []
    if data.get("locations"):
        start, end = christmas_closure(today)
        closures.append(
            HolidayClosure(
                oruk_id=demo_uuid("closure", f"{slug}:christmas"),
                start_date=start,
                end_date=end,
                description="Christmas Day and Boxing Day",
            )
        )
    return {
        "service_at_locations": places,
        "schedules": schedules,
        "holiday_closures": closures,
        "cost_options": costs,
        "languages": languages,
        "phones": phones,
    }


def _row(obj):
    fields = [
        field.attname
        for field in obj._meta.concrete_fields
        if field.attname not in {"id", "service_id", "sort_order"}
    ]
    return tuple(str(getattr(obj, name)) for name in fields)


def comparable_children(children):
    return {relation: [_row(obj) for obj in rows] for relation, rows in children.items()}


def current_children(page):
    return {
        relation: [_row(obj) for obj in getattr(page, relation).all()]
        for relation in CHILD_RELATIONS
    }


def set_children(page, children, categories):
    for relation, rows in children.items():
        # modelcluster leaves sort_order empty, and PostgreSQL returns rows with equal
        # (NULL) sort orders in any order: number them, so pages and the API keep ours.
        for index, row in enumerate(rows):
            row.sort_order = index
        getattr(page, relation).set(rows)
    page.categories.set(categories)
