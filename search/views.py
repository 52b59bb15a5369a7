"""The site search page and its suggestions: every type of result, in the reader's language.

The page works without JavaScript: the type filter and pagination are links, the query stays in
the box, and the spelling correction links to the search as typed. Every value in the address is
read defensively, so any input at all gives a normal page.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from foundation.memo import remember
from foundation.site_paths import page_url
from home.queries import public_q
from home.translation_status import untranslated_pages
from search.backends import MAX_QUERY_LENGTH, clean_query
from search.fallback import run_with_fallback
from search.insight import opened_token, promotions_for, record_search
from search.results import ALL, KINDS, PER_PAGE, filter_links, find, href, related_categories
from search.suggestions import suggestions_for
from search.summaries import present
from search.understanding import understand
from services_directory.finder import store
from services_directory.finder.terms import terms_for
from services_directory.geo import InvalidPostcode, get_geocoder, parse_postcode
from services_directory.models import DirectoryPage

logger = logging.getLogger(__name__)
EXACT = "exact"


def _page_number(raw):
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 10_000 else 1


def active_locale(request):
    """The reader's Locale, kept in the process's memo (Wagtail asks the database each time)."""
    language = get_language() or settings.LANGUAGE_CODE
    return remember(request, ("locale", language), Locale.get_active)


def split_postcode(text):
    """(the text without its postcode, GeoPoint or None), for "swimming CR0 1AB".

    A full postcode or a district counts only when the geocoder knows it, so a word that merely
    looks like one stays a word. No network call: the geocoder reads bundled files.
    """
    words = text.split()
    geocoder = get_geocoder()
    for start in range(len(words)):
        for end in (start + 2, start + 1):
            chunk = " ".join(words[start:end])
            if end > len(words) or not any(ch.isdigit() for ch in chunk):
                continue
            try:
                point = geocoder.locate(parse_postcode(chunk))
            except InvalidPostcode:
                continue
            return " ".join(words[:start] + words[end:]), point
    return text, None


def directory_url(request, language):
    """The services directory in the reader's language (else the default's), or ''."""

    def read():
        pages = {
            page.locale.language_code: page
            for page in DirectoryPage.objects.live().filter(public_q()).select_related("locale")
        }
        page = pages.get(language) or pages.get(settings.LANGUAGE_CODE)
        return page_url(request, page) if page else ""

    return remember(request, ("directory_url", language), read)


def _params(request):
    raw = str(request.GET.get("q", ""))
    kind = str(request.GET.get("type", ""))
    return {
        "raw": raw,
        "kind": kind if kind in KINDS else ALL,
        "number": _page_number(request.GET.get("page")),
        "exact": request.GET.get("spelling") == EXACT,
    }


def _no_results_context(request, understanding, language, point, exact):
    """Ways forward when nothing matched: a spelling, categories, the directory, a phone."""
    suggestion = None
    if exact:
        corrected = understand(understanding.original, language)
        suggestion = corrected.text if corrected.corrected else None
    base = directory_url(request, language)
    directory = {"q": understanding.original, "postcode": point.label if point else ""}
    categories = related_categories(terms_for(request, language), understanding.highlight, language)
    return {
        "suggestion": suggestion,
        "suggestion_href": href({"q": suggestion}) if suggestion else "",
        "related_categories": [
            {"name": term.name, "href": base + href({"category": term.slug})} for term in categories
        ]
        if base
        else [],
        "directory_href": base + href(directory) if base else "",
    }


def _search_context(request, params, language):
    raw = params["raw"]
    text, point = split_postcode(clean_query(raw))
    understanding = understand(text, language, correct_spelling=not params["exact"])
    context = {
        "understanding": understanding,
        "postcode": point.label if point else "",
        "kind": params["kind"],
    }
    if understanding.is_empty:
        if point:
            base = directory_url(request, language)
            context["postcode_only_href"] = base + href({"postcode": point.label}) if base else ""
        elif understanding.original:
            context["only_common_words"] = True
        else:
            context["message"] = _("Enter words to search for.")
        return context
    found, degraded = run_with_fallback(
        lambda backend: find(
            backend,
            understanding.query,
            language=language,
            locale=active_locale(request),
            kind=params["kind"],
            number=params["number"],
            generation=store.generation_of(request),
        )
    )
    searched_total = found.total
    shown_language = language
    if not found.total and language != settings.LANGUAGE_CODE:
        # Nothing in the reader's language: the default language's pages may still answer (a
        # name, an acronym, a page not translated yet). Shown as such, never silently.
        found, shown_language, degraded = _in_default_language(request, understanding, params)
    # Counted once per search: its first page of every type, not each page or filter after it.
    first_view = params["number"] == 1 and found.kind == ALL
    promoted = promotions_for(understanding.text, language) if first_view else []
    results, texts = present(
        found.hits,
        request,
        words=understanding.highlight,
        language=shown_language,
        point=point,
        extra_pages=promoted,
    )
    _mark_untranslated(found.hits, results, shown_language, language)
    if first_view:
        # What the reader's language had: a search answered only in English is one its
        # editors should know found nothing.
        record_search(language, understanding.text, searched_total)
        # Served from the page cache, a search would not be counted: the first page of every
        # search is worked out afresh (later pages and filtered views may be cached).
        request.page_cache_max_seconds = 0
    kept = {"q": raw[: MAX_QUERY_LENGTH * 2], "spelling": EXACT if params["exact"] else ""}
    context.update(
        found=found,
        degraded=degraded,
        shown_language=shown_language if shown_language != language else "",
        results=results,
        promoted=[
            {
                "title": page.title,
                "url": page_url(request, page),
                "description": page.promotion_description or " ".join(texts.get(page.pk, [])[:1]),
            }
            for page in promoted
        ],
        filter_links=filter_links(found.counts, found.kind, kept),
        pagination=_pagination(found, {**kept, "type": found.kind}),
        first_number=(found.number - 1) * PER_PAGE + 1,
        opened_token=opened_token(language, understanding.text),
        exact_href=href({"q": kept["q"], "type": found.kind, "spelling": EXACT}),
    )
    if not found.shown_total:
        context.update(
            _no_results_context(request, understanding, language, point, params["exact"])
        )
    return context


def _in_default_language(request, understanding, params):
    """(found, language, degraded): the search again in the default language's pages."""
    default = settings.LANGUAGE_CODE
    in_default = understand(understanding.text, default, correct_spelling=False)
    locale = remember(
        request, ("locale", default), lambda: Locale.objects.get_for_language(default)
    )
    found, degraded = run_with_fallback(
        lambda backend: find(
            backend,
            in_default.query,
            language=default,
            locale=locale,
            kind=params["kind"],
            number=params["number"],
            generation=store.generation_of(request),
        )
    )
    return found, default, degraded


def _mark_untranslated(hits, results, shown_language, language):
    """Give results in another language than the reader's that language, for the template:
    all of them when the search fell back to the default language, else the reader's-language
    pages nothing of which is translated yet (one query for the page of results)."""
    if shown_language != language:
        for result in results:
            result.language = shown_language
        return
    if language == settings.LANGUAGE_CODE:
        return
    pages = [hit for hit in hits if isinstance(hit, Page)]
    untranslated = untranslated_pages(pages)
    for hit, result in zip(hits, results, strict=True):
        if getattr(hit, "pk", None) in untranslated and isinstance(hit, Page):
            result.language = untranslated[hit.pk]


def _page_param(number):
    return number if number > 1 else None


def _pagination(found, params):
    pages = -(-found.shown_total // PER_PAGE)
    if pages <= 1:
        return None
    paginator = Paginator(range(found.shown_total), PER_PAGE)
    items = []
    for number in paginator.get_elided_page_range(found.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {
                    "number": number,
                    "href": href({**params, "page": _page_param(number)}),
                    "current": number == found.number,
                }
            )
    return {
        "items": items,
        "previous": {"href": href({**params, "page": _page_param(found.number - 1)})}
        if found.number > 1
        else None,
        "next": {"href": href({**params, "page": found.number + 1})}
        if found.number < pages
        else None,
    }


def search(request):
    params = _params(request)
    language = get_language() or settings.LANGUAGE_CODE
    context = {"search_query": params["raw"][: MAX_QUERY_LENGTH * 2], "searched": False}
    if params["raw"].strip():
        context["searched"] = True
        try:
            context.update(_search_context(request, params, language))
        except DatabaseError as error:
            logger.warning("Search failed for %r: %s", params["raw"][:200], error)
            context["message"] = _("We could not search for that. Try different words.")
    return render(request, "search/search.html", context)


def suggestions(request):
    """Up to eight titles starting with what was typed, for the search boxes' autocomplete."""
    language = get_language() or settings.LANGUAGE_CODE
    answer = suggestions_for(
        request,
        str(request.GET.get("q", "")),
        language,
        kind=str(request.GET.get("type", "")),
    )
    return JsonResponse(answer)
