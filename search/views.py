"""The site search page: every page type, paginated, in the active language."""

import logging

from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from search.backends import MAX_QUERY_LENGTH, clean_query, get_backend

logger = logging.getLogger(__name__)
PER_PAGE = 10


def _page_number(raw):
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 10_000 else 1


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
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        try:
            results = backend.search(query, pages, operator="and")
            paginator = Paginator(results, PER_PAGE)
            try:
                context["results"] = paginator.page(_page_number(request.GET.get("page")))
            except EmptyPage:
                context["results"] = paginator.page(paginator.num_pages)
            context["paginator"] = paginator
        except DatabaseError as error:
            logger.warning("Search failed for %r: %s", query, error)
            context["message"] = _("We could not search for that. Try different words.")
    return render(request, "search/search.html", context)
