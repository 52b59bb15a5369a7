"""The directory's search: read the form, count the options, fetch one page of results.

The counts and the order of the results come from sets of services kept per content generation
(index.py, facets.py): a results page with nothing new to read makes two queries of its own,
the page of results and their opening sessions. What it lacks (the sets after a publish, a new
keyword, a new postcode, a new ranked page) costs one query each, and never grows with the
number of services.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext

from search.backends import database_backend, elasticsearch_failed, get_backend
from search.fallback import ELASTICSEARCH_ERRORS
from services_directory.shortlist import shortlist_ids

from .facets import Choices, category_members, facet_counts
from .filters import horizon, school_holidays_between, visible_services
from .forms import DirectoryFilterForm
from .in_english import reader_versions, search_in_english
from .index import DirectoryIndex
from .keywords import keyword_filter, understood
from .opening import HORIZON_DAYS, DateRange
from .presenters import default_sort, summarise
from .results import (
    ResultPage,
    rows_in_order,
    with_result_details,  # noqa: F401 - views and site search import it here
)
from .terms import terms_for
from .written_in import marked

logger = logging.getLogger(__name__)
PER_PAGE = 20
# ?spelling=exact: the reader chose "Search instead for …" (the site search's parameter too).
EXACT_SPELLING = "exact"


def page_number(raw):
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def paginate(total, raw_page):
    """A Paginator over the kept services' places (the results are read for one page only)."""
    paginator = Paginator(range(total), PER_PAGE)
    number = min(page_number(raw_page), paginator.num_pages)
    return paginator, paginator.page(number)


def active_filters(selection, universe, sets, keyword, near):
    """The set each active filter keeps, named and ordered as the no-results help names them."""
    active = {}
    if keyword is not None:
        active["q"] = keyword.matches
    if selection.category is not None:
        active["category"] = category_members(selection.category, sets.categories)
    if selection.age is not None:
        active["age"] = universe.ages[selection.age]
    if selection.free:
        active["free"] = universe.free
    if selection.point is not None:
        active["distance"] = near.within[selection.miles]
    if selection.day is not None:
        active["day"] = sets.days[selection.day]
    for toggle in ("open_now", "evenings", "weekends"):
        if getattr(selection, toggle):
            active[toggle] = getattr(sets, toggle)
    if selection.language:
        active["language"] = sets.languages.get(selection.language, 0)
    if selection.delivery:
        active["delivery"] = universe.delivery[selection.delivery]
    return active


def _keyword(backend, selection, directory_page, language, exact):
    """(What option_sets needs to find or recall the keywords' matches, the ranking query).

    Matches are kept under the words as understood (synonyms and spelling applied), so a change
    to the editors' synonyms or the site's vocabulary is a new entry, never a stale one.
    """
    understanding = understood(selection.query, exact)
    terms = tuple(tuple(group) for group in understanding.terms)
    key = (language, type(backend).__name__, terms)

    def matches():
        return keyword_filter(backend, selection.query, visible_services(directory_page), exact)

    return (key, matches), understanding.query


def _option_sets(index, backend, selection, directory_page, language, exact=None):
    """(keyword, ranking query, the options' sets, the keywords' matches) for the selection.

    exact: keep the words as typed (None: as the reader chose, selection.exact_spelling)."""
    keyword = ranking_query = None
    if selection.query:
        exact = selection.exact_spelling if exact is None else exact
        keyword, ranking_query = _keyword(backend, selection, directory_page, language, exact)
    sets, matches = index.option_sets(keyword)
    return keyword, ranking_query, sets, matches


def run_search(directory_page, request, now=None):
    """Everything the directory page shows, from request.GET."""
    now = now or timezone.now()
    language = get_language() or settings.LANGUAGE_CODE
    terms = terms_for(request, language)
    form = DirectoryFilterForm(request.GET, terms_by_slug=terms.by_slug)
    form.is_valid()
    selection = form.selection()
    selection.exact_spelling = request.GET.get("spelling") == EXACT_SPELLING
    backend, degraded = get_backend()
    # Read once per generation: "open now" and "open on Saturday" test the holidays as
    # constants (the same rows "next opening" reads).
    holidays = school_holidays_between(*horizon(now, HORIZON_DAYS), request=request)
    holidays = [DateRange(h.start_date, h.end_date) for h in holidays]
    index = DirectoryIndex(directory_page, request, now=now, holidays=holidays)
    keyword = ranking_query = None
    try:
        try:
            keyword, ranking_query, sets, matches = _option_sets(
                index, backend, selection, directory_page, language
            )
        except ELASTICSEARCH_ERRORS as error:
            # Elasticsearch failed after answering its ping: the database index is kept up to
            # date (decision 0003), so the parent gets its matches and a "may be incomplete".
            elasticsearch_failed(error)
            backend, degraded = database_backend(), True
            keyword, ranking_query, sets, matches = _option_sets(
                index, backend, selection, directory_page, language
            )
    except DatabaseError as error:
        # clean_query() should leave nothing a full-text engine rejects; if one still does, the
        # parent gets the other filters and a message rather than an error page.
        logger.warning("Directory search failed for %r: %s", selection.query, error)
        form.add_error("q", gettext("We could not search for those words. Try different words."))
        selection.query = selection.raw_query = ""
        selection.sort = default_sort(selection)
        keyword = None
        sets, matches = index.option_sets(None)
    searched, searched_in = directory_page, language
    in_english = None
    if keyword is not None and not matches.matches and language != settings.LANGUAGE_CODE:
        # Nothing in the reader's language: the English services may answer (in_english.py).
        in_english = search_in_english(
            directory_page,
            request,
            now=now,
            holidays=holidays,
            find=lambda index, directory: _option_sets(
                index, backend, selection, directory, settings.LANGUAGE_CODE, exact=True
            ),
        )
    if in_english is not None:
        index, keyword, ranking_query = (
            in_english.index,
            in_english.keyword,
            in_english.ranking_query,
        )
        sets, matches = in_english.sets, in_english.matches
        searched, searched_in = in_english.directory, in_english.language
    universe = index.universe
    near = index.near(selection.point) if selection.point is not None else None
    choices = Choices(
        universe=universe,
        sets=sets,
        active=active_filters(selection, universe, sets, matches if keyword else None, near),
        near=near,
    )
    counts = facet_counts(choices, terms)
    paginator, page = paginate(counts.total, request.GET.get("page"))
    start = (page.number - 1) * PER_PAGE
    ranking = None
    if keyword is not None:
        ranking = (backend, ranking_query, (searched.pk, *keyword[0]))
    results = ResultPage(choices, selection, matches, start=start, stop=start + PER_PAGE)
    with translation.override(searched_in):  # the backends rank in the active language
        pks, found = results.ids(now, generation=index.generation, ranking=ranking)
    if in_english is not None:
        pks = reader_versions(pks, directory_page, index.generation)
    services = rows_in_order(pks, selection, now, request, index.generation, found=found)
    shortlist = set(shortlist_ids(request))
    summaries = [
        marked(
            summarise(
                row, terms=terms, now=now, holidays=holidays, shortlist=shortlist, request=request
            ),
            row,
            language,
        )
        for row in services
    ]
    return {
        "form": form,
        "selection": selection,
        "terms": terms,
        "counts": counts,
        "paginator": paginator,
        "page_obj": page,
        "results": summaries,
        "degraded": degraded,
        "shortlist_count": len(shortlist),
        "in_english": in_english is not None,
    }
