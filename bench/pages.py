"""Grow the English site to a number of content pages, in bulk, for the typical searches.

The demo has a few dozen English pages; a council's family site has hundreds to thousands. The
benchmark adds "Bench: guidance library", a content page under the English home page, and fills
it with plausible guidance pages put together from the phrases below (so the everyday searches
find many of them, as they would find a real council's guidance), inserted as rows and indexed
with the search backend's bulk add in a few seconds, as generate_directory does for services.
"""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

SEED = 9  # the number: the same pages every run
SECTION_SLUG = "bench-guidance-library"
BATCH = 500

TOPICS = [
    ("Funded childcare for 2-year-olds", "funded early education, nursery places and funding"),
    ("30 hours free childcare", "childcare costs, nursery funding and tax-free childcare"),
    ("Breastfeeding and infant feeding", "breastfeeding, bottle feeding and feeding your baby"),
    ("ADHD and attention difficulties", "ADHD assessments, attention and behaviour support"),
    ("Autism and social communication", "autism, diagnosis and support at school"),
    ("Special educational needs (SEND)", "SEN support, EHC plans and the local offer"),
    ("Speech and language development", "talking, speech therapy and language delay"),
    ("Swimming and water safety", "swimming lessons, pools and water safety for children"),
    ("Dads and male carers", "dads' groups, fathers and support for male carers"),
    ("Young parents", "young mums, young dads and teenage pregnancy support"),
    ("Holiday activities and food", "holiday clubs, free meals and activities in the holidays"),
    ("Weekend activities for families", "things to do at weekends, parks and play"),
    ("Free school meals", "free school meals, eligibility and how to apply"),
    ("Money and benefits for families", "child benefit, universal credit and cost of living"),
    ("Mental health for children", "anxiety, low mood, CAMHS and wellbeing"),
    ("Bullying and staying safe", "bullying, online safety and safeguarding"),
    ("Health visitors and baby clinics", "health visiting, baby weighing and development checks"),
    ("Young carers", "young carers, assessments and breaks"),
    ("Short breaks for disabled children", "short breaks, respite and disabled children"),
    ("School admissions and transport", "school places, admissions and travel to school"),
]
KINDS = [
    "a guide for parents",
    "questions and answers",
    "what to expect",
    "how to apply",
    "help in your area",
    "advice for carers",
    "a checklist",
    "where to get support",
]
AREAS = [
    "Thornton Heath",
    "New Addington",
    "Selsdon",
    "Coulsdon",
    "South Norwood",
    "Purley",
    "the town centre",
    "every family hub",
]
SENTENCES = [
    "This page explains {detail} for families living in {area}.",
    "Parents and carers often ask us about {detail}; the answers below come from local services.",
    "You can speak to the Family Information Service about {detail} on weekdays.",
    "Many families in {area} get help with {detail} without needing a referral.",
    "If you are not sure where to start with {detail}, your health visitor or school can help.",
    "Sessions run at children's centres, libraries and family hubs across the borough.",
    "Most services are free, and interpreters can be booked if English is not your first language.",
    "Check the services directory for groups near you, with their opening times and ages.",
]


def _text(rng, topic, area, count):
    detail = topic[1]
    return " ".join(rng.choice(SENTENCES).format(detail=detail, area=area) for _ in range(count))


def grow_pages(count, say=print):
    """Add guidance pages until the English site has about `count` live pages. Returns how many
    pages the English site has afterwards."""
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText
    from wagtail.search.backends import get_search_backend

    from foundation.page_cache import invalidate, invalidation_deferred
    from home.models import ContentPage, HomePage
    from services_directory.models import ServicePage

    english = Locale.objects.get(language_code="en")
    # Pages a site search finds besides the services: the directory's are counted apart.
    have = Page.objects.live().filter(locale=english, depth__gt=1).not_type(ServicePage)
    pages_now = have.count()
    if pages_now >= count:
        return pages_now
    started = time.monotonic()
    rng = random.Random(SEED)
    home = HomePage.objects.filter(locale=english).order_by("path").first()
    with invalidation_deferred(), transaction.atomic():
        section = ContentPage.objects.filter(slug=SECTION_SLUG, locale=english).first()
        if section is None:
            section = home.add_child(
                instance=ContentPage(
                    title="Bench: guidance library",
                    slug=SECTION_SLUG,
                    introduction="Guidance pages the benchmark adds, to search among.",
                    locale=english,
                    show_child_pages=False,
                )
            )
        section.refresh_from_db()
        wanted = count - pages_now
        content_type = ContentType.objects.get_for_model(ContentPage)
        now = timezone.now()
        start = section.numchild
        made = []
        for offset in range(wanted):
            number = start + offset + 1
            topic = TOPICS[number % len(TOPICS)]
            area = rng.choice(AREAS)
            title = f"{topic[0]}: {rng.choice(KINDS)} ({area}, {number})"
            slug = f"guidance-{number}"
            made.append(
                ContentPage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(section.path, section.depth + 1, number),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    content_type=content_type,
                    locale=english,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    introduction=_text(rng, topic, area, 2),
                    body=[
                        ("paragraph", RichText(f"<p>{_text(rng, topic, area, 4)}</p>")),
                        ("paragraph", RichText(f"<p>{_text(rng, topic, area, 3)}</p>")),
                    ],
                    show_child_pages=False,
                )
            )
        _insert(made)
        Page.objects.filter(pk=section.pk).update(numchild=start + wanted)
        backend = get_search_backend()
        for first in range(0, len(made), BATCH):
            chunk = [page.pk for page in made[first : first + BATCH]]
            backend.add_bulk(ContentPage, ContentPage.objects.filter(pk__in=chunk))
    # Bulk inserts send no signals: move the content generation on, as a publish would.
    invalidate()
    total = have.count()
    say(
        f"  {wanted:,} guidance pages added in {time.monotonic() - started:.0f} s ({total:,} pages)"
    )
    return total


def _insert(pages):
    """Page rows then ContentPage rows, as bulk inserts (Wagtail's add_child saves one by one)."""
    from wagtail.models import Page

    from home.models import ContentPage

    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    content_fields = ContentPage._meta.local_concrete_fields
    for first in range(0, len(pages), BATCH):
        chunk = pages[first : first + BATCH]
        returned = Page.objects._insert(
            chunk, fields=page_fields, returning_fields=[Page._meta.pk], using=connection.alias
        )
        for page, row in zip(chunk, returned, strict=True):
            page.pk = page.page_ptr_id = row[0]
            page.id = row[0]
        ContentPage._base_manager._insert(chunk, fields=content_fields, using=connection.alias)
