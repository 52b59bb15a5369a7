"""Load the demo directory: categories, organisations, places and 40-odd services, idempotently.

Every object has a fixed id derived from its slug (uuid5), so a second run finds what the first made
and saves only what differs from the data. ``last_checked`` is set when a service is created and
then left alone, as an editor's review would be. A listing (or the directory page) an editor
deleted is not made again (foundation.demo). The directory finds the home page it goes under
through the page tree: home's loader makes it first.

The data is in services_directory/demo_content/ (read and checked by content.py); a service's
fields and child rows are made from it in service_rows.py.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from foundation.bulk_tasks import tasks_run_once
from foundation.demo import DemoRecords, kept_for_editor
from home.models import HomePage
from services_directory.models import (
    DirectoryPage,
    Location,
    Organisation,
    ProblemReport,
    SchoolHoliday,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)

from . import content
from .holidays import school_holidays
from .ids import demo_uuid
from .positions import position
from .service_rows import (
    comparable_children,
    current_children,
    service_children,
    service_fields,
    set_children,
)

TAXONOMY_SLUG = "northbrook-family-services"
DIRECTORY = {
    "slug": "services",
    "title": "Find a service",
    "introduction": (
        "Search for help, activities and advice for families near you: from pregnancy and "
        "the early years to young people up to 19, or 25 with special educational needs."
    ),
}
PROBLEM_REPORTS = [
    ("toy-library", "times", "The toy library was closed when we came on Saturday morning."),
    (
        "breastfeeding-cafe",
        "place",
        "The café has moved upstairs and there is no sign at the door.",
    ),
    ("cook-and-eat", "cost", "We were asked for £5, not £3."),
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
        places = content.read("places")
        self.log(
            f"  organisations ({len(places['organisations'])}) "
            f"and places ({len(places['locations'])})"
        )
        organisations = {
            slug: self.upsert(
                Organisation, demo_uuid("organisation", slug), {"description": "", **data}
            )
            for slug, data in places["organisations"].items()
        }
        locations = {
            slug: self.load_location(slug, data) for slug, data in places["locations"].items()
        }
        self.log("  school holidays")
        self.load_school_holidays()
        directory = self.load_directory()
        services = content.services()
        total = len(services)
        for number, data in enumerate(services, start=1):
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
        for top_order, category in enumerate(content.categories()):
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
        fields = service_fields(data, organisations)
        children = service_children(data, locations, self.today)
        categories = [terms[term_slug] for term_slug in data["categories"]]
        if page is None:
            page = ServicePage(
                translation_key=key,
                locale=self.locale,
                last_checked=self.today - datetime.timedelta(days=data["checked"]),
                **fields,
            )
            set_children(page, children, categories)
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
            or current_children(page) != comparable_children(children)
            or not page.live
            or page.has_unpublished_changes
        ) and not kept_for_editor(page, self.log):
            for name, value in fields.items():
                setattr(page, name, value)
            set_children(page, children, categories)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  updated '{page.title}'")
        return page

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
