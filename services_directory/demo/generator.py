"""Make many plausible services fast, for benchmarks: bulk inserts instead of one save per page.

Saving a Wagtail page one at a time costs dozens of queries (tree bookkeeping, revisions, search
index, child rows). Here pages are written in batches with their tree paths worked out in Python,
child rows and weekday sessions with ``bulk_create``, and the search index with the backend's
``add_bulk``.
The same seed on the same starting database makes the same data.
"""

import csv
import datetime
import random
import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from home.models import HomePage
from services_directory.geo.geocoder import SECTORS_CSV
from services_directory.models import (
    CostOption,
    DirectoryPage,
    Location,
    Organisation,
    Schedule,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    TaxonomyTerm,
    english_language_name,
)

from . import content
from .bulk import BATCH, insert_child_rows, insert_service_pages
from .loader import DirectoryDemoLoader
from .pools import (
    AGE_BANDS,
    BOROUGH_DISTRICTS,
    COSTS,
    EXTRA_SENTENCES,
    LANGUAGE_POOL,
    ORGANISATION_KINDS,
    PLACE_KINDS,
    PLACE_WORDS,
    SESSION_PATTERNS,
    STREET_KINDS,
)

SLUG_PREFIX = "generated-"
GENERATED_NOTE = "made for testing."
GENERATED_MARK = "generated"


def _sectors(spread):
    with SECTORS_CSV.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    if spread == "borough":
        rows = [row for row in rows if row["outcode"] in BOROUGH_DISTRICTS]
    else:
        # Sectors with few postcodes are mostly terminated or non-geographic ones.
        rows = [row for row in rows if int(row["postcodes"]) >= 100]
    return [(row["sector"], float(row["latitude"]), float(row["longitude"])) for row in rows]


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _time(text):
    return datetime.time.fromisoformat(text)


class DirectoryGenerator:
    """Adds `count` live services under the directory; `log` receives progress lines."""

    def __init__(self, directory, *, seed=1, spread="national", log=None):
        self.directory = directory
        self.locale = directory.locale
        self.rng = random.Random(seed)  # noqa: S311 - repeatable test data, not secrets
        self.spread = spread
        self.log = log or (lambda line: None)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.templates = [self._template(data) for data in content.services()]
        self.terms = list(
            TaxonomyTerm.objects.filter(locale=self.locale, parent__isnull=False)
        ) or list(TaxonomyTerm.objects.filter(locale=self.locale))

    @staticmethod
    def _template(data):
        title = data["title"]
        for joiner in (" at ", ", "):
            title = title.split(joiner)[0]
        return {**data, "title": title}

    # --- snippets ----------------------------------------------------------------------------
    def make_organisations(self, count):
        rng = self.rng
        objs = []
        for index in range(count):
            kind, status = rng.choice(ORGANISATION_KINDS)
            name = f"{rng.choice(PLACE_WORDS)} {kind} {index + 1}"
            objs.append(
                Organisation(
                    name=name,
                    description=f"{name} is a fictional organisation {GENERATED_NOTE}",
                    website=f"https://www.example.org/{slugify(name)}",
                    email=f"hello@{slugify(name)}.example.org",
                    legal_status=status,
                    locale=self.locale,
                    translation_key=_uuid(rng),
                )
            )
        return Organisation.objects.bulk_create(objs, batch_size=BATCH)

    def make_locations(self, count):
        rng = self.rng
        sectors = _sectors(self.spread)
        objs = []
        for index in range(count):
            sector, latitude, longitude = rng.choice(sectors)
            word = rng.choice(PLACE_WORDS)
            letters = "".join(rng.choice("ABDEFGHJLNPQRSTUWXY") for _ in range(2))
            objs.append(
                Location(
                    name=f"{word} {rng.choice(PLACE_KINDS)} {index + 1}",
                    address_1=f"{rng.randint(1, 120)} {word} {rng.choice(STREET_KINDS)}",
                    city=sector.split()[0],
                    postal_code=f"{sector}{letters}",
                    latitude=round(latitude + rng.uniform(-0.003, 0.003), 5),
                    longitude=round(longitude + rng.uniform(-0.004, 0.004), 5),
                    accessibility_description=rng.choice(
                        [
                            "Step-free access and an accessible toilet.",
                            "Lift to all floors.",
                            "Ramp at the side entrance.",
                            "",
                        ]
                    ),
                    address_oruk_id=_uuid(rng),
                    accessibility_oruk_id=_uuid(rng),
                    external_identifier=f"GEN{index + 1}",
                    external_identifier_type=GENERATED_MARK,
                    locale=self.locale,
                    translation_key=_uuid(rng),
                )
            )
        return Location.objects.bulk_create(objs, batch_size=BATCH)

    # --- services ----------------------------------------------------------------------------
    def generate(self, count):
        organisations = self.make_organisations(max(10, count // 40))
        locations = self.make_locations(max(20, count // 8))
        self.log(f"Made {len(organisations)} organisations and {len(locations)} locations.")
        created = []
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            with transaction.atomic():
                created.extend(self._batch(size, organisations, locations))
            done = start + size
            self.log(f"Services: {done}/{count} ({100 * done // count}%)")
        self.index(created)
        return created

    def _next_step(self):
        directory = Page.objects.get(pk=self.directory.pk)
        last = directory.get_last_child()
        self.directory = directory
        return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1

    def _batch(self, size, organisations, locations):
        """`size` services written in bulk: the pages, then their child rows and sessions."""
        step = self._next_step()
        parent = self.directory
        made = [
            self._service(parent, step + offset, organisations, locations) for offset in range(size)
        ]
        pages = [page for page, _children, _terms in made]
        insert_service_pages(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        insert_child_rows(made)
        return pages

    # The random draws below are made in one fixed order, so a seed always makes the same data.

    def _service(self, parent, step, organisations, locations):
        """(An unsaved service page, its child rows by relation, its categories)."""
        rng = self.rng
        template = rng.choice(self.templates)
        place = rng.choice(locations)
        page, delivery = self._page(parent, step, template, place, organisations)
        children = self._children(place, delivery, locations)
        page.is_free = not children["cost_options"]
        terms = rng.sample(self.terms, k=min(len(self.terms), rng.choice([1, 1, 2, 3])))
        return page, children, terms

    def _page(self, parent, step, template, place, organisations):
        """(The service page at `step` under `parent`, the ways families reach it)."""
        rng = self.rng
        title = f"{template['title']}, {place.name}"
        key = _uuid(rng)
        slug = f"{SLUG_PREFIX}{slugify(template['title'])[:60]}-{key.hex[:10]}"
        ages = rng.choice(AGE_BANDS)
        delivery = rng.choice(
            [{"in_person"}] * 5
            + [{"in_person", "phone"}, {"online"}, {"phone"}, {"in_person", "online", "phone"}]
        )
        checked_days = rng.randint(0, 600)
        published = self.now - datetime.timedelta(days=rng.randint(0, 900))
        page = ServicePage(
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(parent.path, parent.depth + 1, step),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            locale=self.locale,
            translation_key=key,
            description=f"{template['description']} {rng.choice(EXTRA_SENTENCES)}",
            eligibility_description=template.get("eligibility", ""),
            organisation=rng.choice(organisations),
            minimum_age=ages[0] if ages else None,
            maximum_age=ages[1] if ages else None,
            delivered_in_person="in_person" in delivery,
            delivered_online="online" in delivery,
            delivered_by_phone="phone" in delivery,
            application_process=template.get("application_process", ""),
            website=f"https://www.example.org/services/{slug}",
            last_checked=self.today - datetime.timedelta(days=checked_days),
            assurer_email="directory@example.org",
            last_modified=published,
            status="active" if rng.random() > 0.03 else "temporarily closed",
        )
        return page, delivery

    def _children(self, place, delivery, locations):
        """A service's child rows by relation name, not yet given their service."""
        rng = self.rng
        places = (
            []
            if delivery.isdisjoint({"in_person"})
            else [place, *rng.sample(locations, k=rng.choice([0, 0, 0, 1]))]
        )
        schedules = [
            Schedule(
                byday=days,
                opens_at=_time(opens),
                closes_at=_time(closes),
                term_time_only=rng.random() < 0.25,
                sort_order=index,
                oruk_id=_uuid(rng),
            )
            for index, (days, opens, closes) in enumerate(
                rng.sample(SESSION_PATTERNS, k=rng.choice([1, 1, 2, 3]))
            )
        ]
        costs = []
        if rng.random() < 0.35:
            amount, option = rng.choice(COSTS)
            costs.append(CostOption(amount=amount, option=option, sort_order=0, oruk_id=_uuid(rng)))
        codes = ["en", *rng.sample(LANGUAGE_POOL, k=rng.choice([0, 0, 1, 2, 3]))]
        return {
            "service_at_locations": [
                ServiceAtLocation(location=location, sort_order=index, oruk_id=_uuid(rng))
                for index, location in enumerate(dict.fromkeys(places))
            ],
            "schedules": schedules,
            "cost_options": costs,
            "languages": [
                ServiceLanguage(
                    code=code,
                    name=english_language_name(code),
                    sort_order=index,
                    oruk_id=_uuid(rng),
                )
                for index, code in enumerate(codes)
            ],
            "phones": [
                ServicePhone(
                    number=f"020 7946 0{rng.randint(0, 999):03d}",
                    description="Enquiries",
                    sort_order=0,
                    oruk_id=_uuid(rng),
                )
            ],
        }

    def index(self, pages):
        """Add the new services to every search backend, a batch at a time.

        The pages are the objects just inserted, with their organisation and categories attached,
        so building each index entry needs no further queries.
        """
        total = len(pages)
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, total, BATCH):
                backend.add_bulk(ServicePage, pages[start : start + BATCH])
                done = min(total, start + BATCH)
                self.log(f"Search index: {done}/{total} ({100 * done // total}%)")


def clear_generated(directory, log=None):
    """Remove services an earlier run generated (their slugs start with 'generated-')."""
    generated = ServicePage.objects.child_of(directory).filter(slug__startswith=SLUG_PREFIX)
    count = generated.count()
    if count:
        pks = list(generated.values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            Page.objects.filter(pk__in=pks[start : start + BATCH]).delete()
        Organisation.objects.filter(
            services__isnull=True, description__endswith=GENERATED_NOTE
        ).delete()
        Location.objects.filter(
            service_at_locations__isnull=True, external_identifier_type=GENERATED_MARK
        ).delete()
    if log:
        log(f"Removed {count} generated services.")
    return count


def find_or_make_directory(log=None):
    """The default-language directory page, made (with the demo categories) if there is none."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).order_by("path").first()
    directory = DirectoryPage.objects.filter(locale=locale).order_by("path").first()
    if home is None and directory is None:
        return None
    loader = DirectoryDemoLoader(home or directory.get_parent().specific, log=log)
    loader.load_categories()
    return directory or loader.load_directory()
