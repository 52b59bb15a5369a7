"""What each search result shows, for a whole page of results in a fixed number of queries.

Each page type keeps its summary in its own table (a listing summary, else the search
description, else its introduction, summary or description), so asking each result for it
cost a query per page type on the page of results: the count changed with what was found.
Here one UNION reads them all, however many types a page of results holds. Services add their
next opening and distance from the directory's own reading of them (two queries), and ideas
need none: the search already read them.
"""

import html
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import Page

from consultations.models import Idea
from foundation.site_paths import page_url
from search.results import IDEAS, SERVICES, TYPE_LABELS, kind_of
from search.snippets import best_text, highlight
from services_directory.finder import store
from services_directory.finder.filters import horizon, school_holidays_between
from services_directory.finder.forms import Selection
from services_directory.finder.opening import HORIZON_DAYS, DateRange
from services_directory.finder.presenters import summarise
from services_directory.finder.queries import with_result_details
from services_directory.finder.terms import Terms
from services_directory.models import ServicePage

# A page's own words, tried in this order when it has no listing summary or search description.
FALLBACK_FIELDS = ("introduction", "summary", "description")
MAX_LENGTH = 240


def _columns(model):
    """The listing summary, search description and fallback field of `model`, as text."""
    names = {field.name for field in model._meta.concrete_fields}
    fallback = next((name for name in FALLBACK_FIELDS if name in names), None)
    return [
        Cast(name, TextField()) if name in names else Value("", output_field=TextField())
        for name in ("listing_summary", "search_description", fallback)
    ]


def plain(text, max_length=MAX_LENGTH):
    """Rich text or plain text as one plain line, cut at a word near `max_length` (None: uncut)."""
    line = " ".join(html.unescape(strip_tags(text or "")).split())
    if max_length is None or len(line) <= max_length:
        return line
    return line[: max_length - 1].rsplit(" ", 1)[0] + "…"


def _rows(pages):
    """(page id, listing summary, search description, fallback text) for these base Pages."""
    by_model = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        if model is not None:
            by_model.setdefault(model, []).append(page.pk)
    parts = [
        model._default_manager.filter(pk__in=ids)
        .order_by()
        .annotate(s1=columns[0], s2=columns[1], s3=columns[2])
        .values_list("pk", "s1", "s2", "s3")
        for model, ids in by_model.items()
        for columns in [_columns(model)]
    ]
    if not parts:
        return []
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def summaries_for(pages):
    """{page id: summary line} for these (base Page) results."""
    return {
        pk: plain(next((text for text in texts if text and text.strip()), ""))
        for pk, *texts in _rows(pages)
    }


def texts_for(pages):
    """{page id: [plain texts]}: each of a page's summary fields, uncut, in the order tried.

    The search results page picks the first that holds a matched word for the snippet.
    """
    return {
        pk: [line for line in (plain(text, None) for text in texts) if line]
        for pk, *texts in _rows(pages)
    }


# --- a page of results -------------------------------------------------------------------


@dataclass
class Result:
    """One search result as the template shows it."""

    kind: str
    label: str
    title: str
    url: str
    snippet: str = ""  # safe HTML: escaped text with <mark>s (search.snippets.highlight)
    opening: object = None  # services: their next Opening, or None
    temporarily_closed: bool = False
    distance: str = ""
    place: str = ""
    # The page's language when it is not the reader's (an untranslated page): the template marks
    # its title and snippet with it and says so (issue 10).
    language: str = ""


def _service_details(ids, request, point, now):
    """{service id: ServiceSummary} with the next opening and distance, in two queries."""
    if not ids:
        return {}
    # The directory's own reading of a service, so both pages say the same about it.
    holidays = [
        DateRange(h.start_date, h.end_date)
        for h in school_holidays_between(*horizon(now, HORIZON_DAYS), request=request)
    ]
    services = with_result_details(
        ServicePage.objects.filter(pk__in=ids), Selection(point=point), now
    )
    return {
        service.pk: summarise(
            service, terms=Terms(), now=now, holidays=holidays, shortlist=set(), request=request
        )
        for service in services
    }


def _kept_service_details(ids, request, point, now):
    """_service_details, kept for the content generation and the minute (what "open now" and
    the next opening depend on): at 10,000 services the top results of a common word are mostly
    services, and reading their rows was what still grew with the directory."""
    generation = store.generation_of(request) if request is not None else None
    key = (
        "site-search-services",
        tuple(ids),
        getattr(point, "label", ""),
        now.replace(second=0, microsecond=0),
        get_language(),
    )
    kept = store.recall(generation, key)
    if kept is None:
        kept = store.keep(generation, key, _service_details(ids, request, point, now))
    return kept


def _idea_result(idea, words, language):
    # Only what the idea's own page shows: never who sent it.
    return Result(
        kind=IDEAS,
        label=str(TYPE_LABELS[IDEAS]),
        title=idea.title,
        url=reverse("consultations:idea", args=[idea.pk]),
        snippet=highlight(best_text([idea.description], words, language), words, language),
    )


def _page_result(page, kind, texts, service, request, words, language):
    result = Result(
        kind=kind, label=str(TYPE_LABELS[kind]), title=page.title, url=page_url(request, page)
    )
    if service is not None:
        listing = service.page
        texts = [listing.listing_summary, listing.search_description, listing.description]
        result.opening = service.opening
        result.temporarily_closed = service.temporarily_closed
        result.distance = service.distance
        result.place = service.place
    result.snippet = highlight(best_text(texts, words, language), words, language)
    return result


def present(hits, request, *, words, language, point=None, now=None, extra_pages=()):
    """Results for the template from `find`'s hits: type, title, link and highlighted snippet.

    `extra_pages` (promoted pages) share the summaries query: returns (results, {page id:
    texts}) so the promoted pages' texts come back too.
    """
    now = now or timezone.now()
    pages = [hit for hit in hits if isinstance(hit, Page)]
    kinds = {page.pk: kind_of(page.content_type_id) for page in pages}
    service_ids = [pk for pk, kind in kinds.items() if kind == SERVICES]
    others = [page for page in [*pages, *extra_pages] if kinds.get(page.pk) != SERVICES]
    texts = texts_for(others) if others else {}
    services = _kept_service_details(service_ids, request, point, now)
    results = [
        _idea_result(hit, words, language)
        if isinstance(hit, Idea)
        else _page_result(
            hit,
            kinds[hit.pk],
            texts.get(hit.pk, []),
            services.get(hit.pk),
            request,
            words,
            language,
        )
        for hit in hits
    ]
    return results, texts
