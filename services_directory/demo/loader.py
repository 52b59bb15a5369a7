"""Load the demo directory: categories, organisations, places and 40-odd services, idempotently.

Every object has a fixed id derived from its slug (uuid5), so a second run finds what the first made
and saves only what differs from the data. ``last_checked`` is set when a service is created and
then left alone, as an editor's review would be. A listing (or the directory page) an editor
deleted is not made again (foundation.demo). The directory finds the home page it goes under
through the page tree: home's loader makes it first.
"""

import csv
import datetime
import hashlib
import uuid
from decimal import Decimal
from functools import cache

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from foundation.bulk_tasks import tasks_run_once
from foundation.demo import DemoRecords, kept_for_editor
from home.models import HomePage
from services_directory.geo.geocoder import SECTORS_CSV
from services_directory.models import (
    CostOption,
    DirectoryPage,
    HolidayClosure,
    Location,
    Organisation,
    ProblemReport,
    Schedule,
    SchoolHoliday,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
    english_language_name,
)

from .categories import SERVICE_CATEGORIES
from .places import LOCATIONS, ORGANISATIONS
from .services import PHONE, SERVICES

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:services-directory:demo")
TAXONOMY_SLUG = "northbrook-family-services"
DIRECTORY = {
    "slug": "services",
    "title": "Find a service",
    "introduction": (
        "Search for help, activities and advice for families near you: from pregnancy and "
        "the early years to young people up to 19, or 25 with special educational needs."
    ),
}
DEFAULT_DELIVERY = ["in_person"]
CHILD_RELATIONS = [
    "service_at_locations",
    "schedules",
    "holiday_closures",
    "cost_options",
    "languages",
    "phones",
]
PROBLEM_REPORTS = [
    ("toy-library", "times", "The toy library was closed when we came on Saturday morning."),
    (
        "breastfeeding-cafe",
        "place",
        "The café has moved upstairs and there is no sign at the door.",
    ),
    ("cook-and-eat", "cost", "We were asked for £5, not £3."),
]


def demo_uuid(kind, slug):
    return uuid.uuid5(NAMESPACE, f"{kind}:{slug}")


@cache
def sector_centroids():
    with SECTORS_CSV.open(newline="", encoding="utf-8") as file:
        return {
            row["sector"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(file)
        }


def position(slug, sector):
    """The sector's centroid nudged by up to ~150 m, the same on every run, so pins do not stack."""
    latitude, longitude = sector_centroids()[sector]
    digest = hashlib.sha256(slug.encode()).digest()
    return (
        round(latitude + (digest[0] - 128) / 128 * 0.0013, 5),
        round(longitude + (digest[1] - 128) / 128 * 0.002, 5),
    )


def parse_time(text):
    return datetime.time.fromisoformat(text) if text else None


def easter_sunday(year):
    """Gregorian Easter (the anonymous algorithm), for the spring school holiday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _week_of(date):
    monday = date - datetime.timedelta(days=date.weekday())
    return monday, monday + datetime.timedelta(days=4)


def school_holidays(today):
    """Typical English school holidays for the academic year containing `today`."""
    start = today.year if today.month >= 9 else today.year - 1
    end = start + 1
    label = f"{start}\N{EN DASH}{str(end)[2:]}"
    easter = easter_sunday(end)
    return [
        (f"October half term {label}", *_week_of(datetime.date(start, 10, 27))),
        (f"Christmas holiday {label}", datetime.date(start, 12, 22), datetime.date(end, 1, 2)),
        (f"February half term {label}", *_week_of(datetime.date(end, 2, 16))),
        (
            f"Easter holiday {label}",
            easter - datetime.timedelta(days=9),
            easter + datetime.timedelta(days=5),
        ),
        (
            f"May half term {label}",
            *_week_of(datetime.date(end, 5, 31) - datetime.timedelta(days=6)),
        ),
        (f"Summer holiday {label}", datetime.date(end, 7, 22), datetime.date(end, 8, 31)),
    ]


class DirectoryDemoLoader:
    """Upserts the demo directory; `log` gets a line of progress per step."""

    def __init__(self, home_page, log=None):
        self.home = home_page
        self.locale = home_page.locale if home_page.locale_id else Locale.get_default()
        self.log = log or (lambda line: None)
        self.changed = 0
        self.today = timezone.localdate()
        self.records = DemoRecords()

    # --- generic upsert ----------------------------------------------------------------------
    def upsert(self, model, key, fields):
        obj = model.objects.filter(translation_key=key, locale=self.locale).first()
        if obj is None:
            obj = model(translation_key=key, locale=self.locale, **fields)
            obj.save()
            self.changed += 1
            return obj
        changed = [name for name, value in fields.items() if getattr(obj, name) != value]
        if changed and not kept_for_editor(obj, self.log):
            for name in changed:
                setattr(obj, name, fields[name])
            obj.save()
            self.changed += 1
        return obj

    # --- steps -------------------------------------------------------------------------------
    @transaction.atomic
    @tasks_run_once()  # each page is indexed once, when the load ends
    def load(self):
        self.log("  categories")
        terms = self.load_categories()
        self.log(f"  organisations ({len(ORGANISATIONS)}) and places ({len(LOCATIONS)})")
        organisations = {
            slug: self.upsert(
                Organisation, demo_uuid("organisation", slug), {"description": "", **data}
            )
            for slug, data in ORGANISATIONS.items()
        }
        locations = {slug: self.load_location(slug, data) for slug, data in LOCATIONS.items()}
        self.log("  school holidays")
        self.load_school_holidays()
        directory = self.load_directory()
        total = len(SERVICES)
        for number, data in enumerate(SERVICES, start=1):
            self.load_service(directory, data, terms, organisations, locations)
            if number % 10 == 0 or number == total:
                self.log(f"  services: {number}/{total}")
        self.load_problem_reports()
        self.link_home(directory)
        return directory

    def load_categories(self):
        taxonomy = self.upsert(
            Taxonomy,
            demo_uuid("taxonomy", TAXONOMY_SLUG),
            {
                "name": "Northbrook family services",
                "description": (
                    "Categories from the core purpose of children's centres and family hubs."
                ),
                "version": "1",
            },
        )
        terms = {}
        for top_order, category in enumerate(SERVICE_CATEGORIES):
            parent = self.load_term(taxonomy, None, category, top_order)
            terms[category["slug"]] = parent
            for order, child in enumerate(category.get("children", [])):
                terms[child["slug"]] = self.load_term(taxonomy, parent, child, order)
        return terms

    def load_term(self, taxonomy, parent, data, order):
        return self.upsert(
            TaxonomyTerm,
            demo_uuid("term", data["slug"]),
            {
                "taxonomy": taxonomy,
                "parent": parent,
                "name": data["name"],
                "slug": data["slug"],
                "description": data.get("description", ""),
                "code": data["slug"],
                "sort_order": order,
            },
        )

    def load_location(self, slug, data):
        fields = {key: value for key, value in data.items() if key != "sector"}
        fields["latitude"], fields["longitude"] = position(slug, data["sector"])
        fields.setdefault("state_province", "Greater London")
        fields["address_oruk_id"] = demo_uuid("address", slug)
        fields["accessibility_oruk_id"] = demo_uuid("accessibility", slug)
        return self.upsert(Location, demo_uuid("location", slug), fields)

    def load_school_holidays(self):
        for name, start, end in school_holidays(self.today):
            _holiday, created = SchoolHoliday.objects.get_or_create(
                name=name, defaults={"start_date": start, "end_date": end}
            )
            self.changed += created

    def load_directory(self):
        key = "services_directory:page:directory"
        if self.records.deleted(key, self.log, "the directory page"):
            return None
        _made, directory = self.records.find(key)
        directory = directory or DirectoryPage.objects.child_of(self.home).first()
        if directory is None:
            directory = DirectoryPage(
                translation_key=demo_uuid("page", "directory"), locale=self.locale, **DIRECTORY
            )
            self.home.add_child(instance=directory)
            directory.save_revision().publish()
            self.changed += 1
            self.log(f"  created the directory page '{directory.title}'")
        self.records.remember(key, directory)
        return directory

    def link_home(self, directory):
        """Point the home page's "find a service" box at the directory."""
        home = HomePage.objects.get(pk=self.home.pk)
        if directory is None or home.directory_page_id == directory.pk:
            return
        if not kept_for_editor(home, self.log, "the home page's link to the directory"):
            home.directory_page = directory
            home.save_revision().publish()
            self.changed += 1

    def load_service(self, directory, data, terms, organisations, locations):
        slug = data["slug"]
        key = demo_uuid("service", slug)
        record_key = f"services_directory:service:{slug}"
        if self.records.deleted(record_key, self.log, f"service '{data['title']}'"):
            return None
        page = ServicePage.objects.filter(translation_key=key, locale=self.locale).first()
        if page is None and directory is None:
            self.log(f"  left out service '{data['title']}': the directory page was deleted")
            return None
        fields = self.service_fields(data, organisations)
        children = self.service_children(data, locations)
        categories = [terms[term_slug] for term_slug in data["categories"]]
        if page is None:
            page = ServicePage(
                translation_key=key,
                locale=self.locale,
                last_checked=self.today - datetime.timedelta(days=data["checked"]),
                **fields,
            )
            self.set_children(page, children, categories)
            directory.add_child(instance=page)
            page.save_revision().publish()
            self.changed += 1
            self.records.remember(record_key, page)
            return page
        self.records.remember(record_key, page)
        differs = [name for name, value in fields.items() if getattr(page, name) != value]
        if (
            differs
            or sorted(page.categories.values_list("pk", flat=True))
            != sorted(term.pk for term in categories)
            or self.current_children(page) != self.comparable_children(children)
            or not page.live
            or page.has_unpublished_changes
        ) and not kept_for_editor(page, self.log):
            for name, value in fields.items():
                setattr(page, name, value)
            self.set_children(page, children, categories)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  updated '{page.title}'")
        return page

    def service_fields(self, data, organisations):
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
            "website": data.get(
                "url", f"https://www.example.org/northbrook/services/{data['slug']}"
            ),
            "email": email,
            "alert": data.get("alert", ""),
            "status": data.get("status", "active"),
            "assurer_email": "directory@example.org",
        }

    def service_children(self, data, locations):
        slug = data["slug"]
        schedules = []
        for index, row in enumerate(data.get("schedules", [])):
            days, opens, closes, *options = row
            extra = options[0] if options else {}
            shorthand = {
                "term": {"term_time_only": True},
                "holidays": {"school_holidays_only": True},
            }
            extra = dict(shorthand[extra] if isinstance(extra, str) else extra)
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
                number=PHONE.format(number),
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
            year = (
                self.today.year
                if self.today.month < 12 or self.today.day < 27
                else self.today.year + 1
            )
            closures.append(
                HolidayClosure(
                    oruk_id=demo_uuid("closure", f"{slug}:christmas"),
                    start_date=datetime.date(year, 12, 25),
                    end_date=datetime.date(year, 12, 26),
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

    @staticmethod
    def _row(obj):
        fields = [
            field.attname
            for field in obj._meta.concrete_fields
            if field.attname not in {"id", "service_id", "sort_order"}
        ]
        return tuple(str(getattr(obj, name)) for name in fields)

    def comparable_children(self, children):
        return {relation: [self._row(obj) for obj in rows] for relation, rows in children.items()}

    def current_children(self, page):
        return {
            relation: [self._row(obj) for obj in getattr(page, relation).all()]
            for relation in CHILD_RELATIONS
        }

    @staticmethod
    def set_children(page, children, categories):
        for relation, rows in children.items():
            # modelcluster leaves sort_order empty, and PostgreSQL returns rows with equal
            # (NULL) sort orders in any order: number them, so pages and the API keep ours.
            for index, row in enumerate(rows):
                row.sort_order = index
            getattr(page, relation).set(rows)
        page.categories.set(categories)

    def load_problem_reports(self):
        for slug, kind, details in PROBLEM_REPORTS:
            service = ServicePage.objects.filter(
                translation_key=demo_uuid("service", slug), locale=self.locale
            ).first()
            if service is not None:
                _report, created = ProblemReport.objects.get_or_create(
                    service=service, details=details, defaults={"kind": kind}
                )
                self.changed += created


def load_demo_directory(home_page, stdout=None):
    """Create or update the demo directory under `home_page`; return how many objects changed."""

    def log(line):
        if stdout is not None:
            stdout.write(line)

    return load_demo(home_page, log)


def load_demo(home_page, log):
    """Create or update the demo directory under `home_page`; return how many objects changed.

    Called by `load_demo_content` through this app's AppConfig.
    """
    loader = DirectoryDemoLoader(home_page, log=log)
    loader.load()
    log(f"  directory: {loader.changed} change(s)")
    return loader.changed
