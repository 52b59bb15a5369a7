"""The site search page: every page type, paginated, in the active language."""

import logging

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from council_site.memo import remember
from home.queries import public_q
from search.backends import MAX_QUERY_LENGTH, clean_query, get_backend
from search.summaries import summaries_for

logger = logging.getLogger(__name__)
PER_PAGE = 10


def _page_number(raw):
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 10_000 else 1


def active_locale(request):
    """The reader's Locale, kept in the process's memo (Wagtail asks the database each time)."""
    language = get_language() or settings.LANGUAGE_CODE
    return remember(request, ("locale", language), Locale.get_active)


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    context = {
        "search_query": raw_query[: MAX_QUERY_LENGTH * 2],
        "cleaned_query": query,
        "results": None,
        "message": "",
        "degraded": False,
    }
    if raw_query and not query:
        context["message"] = _("Enter words to search for.")
    elif query:
        backend, degraded = get_backend()
        context["degraded"] = degraded
        # Base pages, not .specific(): the summaries come in one query (search/summaries.py).
        pages = Page.objects.live().filter(public_q(), locale=active_locale(request))
        try:
            results = backend.search(query, pages, operator="and")
            paginator = Paginator(results, PER_PAGE)
            try:
                page = paginator.page(_page_number(request.GET.get("page")))
            except EmptyPage:
                page = paginator.page(paginator.num_pages)
            summaries = summaries_for(page.object_list)
            page.object_list = [
                {"page": result, "title": result.title, "summary": summaries.get(result.pk, "")}
                for result in page.object_list
            ]
            context["results"] = page
            context["paginator"] = paginator
        except DatabaseError as error:
            logger.warning("Search failed for %r: %s", query, error)
            context["message"] = _("We could not search for that. Try different words.")
    return render(request, "search/search.html", context)
