"""Site search across every type: pages, policies, services and published ideas.

`find` asks the search backend, in one go, for everything a results page needs: how many of each
type match and the page of hits. It runs inside search.fallback.run_with_fallback, so if
Elasticsearch fails part-way the whole page comes from the database rather than half from each.
search.summaries.present then turns the hits into what the template shows.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from consultations.models import Idea, IdeasBoardPage
from home.models import PolicyPage
from home.queries import public_q, restricted_page_ids
from search.snippets import matcher
from search.understanding.words import words_of
from services_directory.finder import store
from services_directory.finder.filters import VISIBLE_STATUSES
from services_directory.models import ServicePage

ALL, PAGES, POLICIES, SERVICES, IDEAS = "", "pages", "policies", "services", "ideas"
KINDS = (PAGES, POLICIES, SERVICES, IDEAS)
PER_PAGE = 10
# Nobody reads past 50 pages (500 results); a later page number shows page 50.
MAX_PAGE = 50

TYPE_LABELS = {
    PAGES: _("Page"),
    POLICIES: _("Policy"),
    SERVICES: _("Service"),
    IDEAS: _("Idea from a resident"),
}
FILTER_LABELS = {
    ALL: _("All results"),
    PAGES: _("Pages"),
    POLICIES: _("Policies"),
    SERVICES: _("Services"),
    IDEAS: _("Ideas from residents"),
}


# --- what is searched -----------------------------------------------------------------------


def page_scope(locale, *, in_database=True):
    """Live, public pages in the reader's language; services the directory would not list are
    left out (inactive or closed for good).

    Elasticsearch is given the restricted pages as a query it can run (its compiler reads a
    queryset's ids, not the raw SQL of home.queries.public_q).
    """
    hidden = ServicePage.objects.exclude(status__in=VISIBLE_STATUSES).values("pk")
    if in_database:
        public = public_q()
    else:
        public = ~Q(pk__in=Page.objects.filter(pk__in=restricted_page_ids()).values("pk"))
    return Page.objects.live().filter(public, locale=locale).exclude(pk__in=hidden)


def idea_scope():
    """Published ideas on live, public boards (as their own pages show them), in any language."""
    boards = IdeasBoardPage.objects.live().filter(public_q()).values("pk")
    shown = Idea.objects.published().filter(board_id__in=boards).values("pk")
    # Narrowed by id: the index knows nothing else about an idea but its words.
    return Idea.objects.filter(pk__in=shown).select_related("theme")


def _kind_scopes(pages):
    return {
        PAGES: pages.not_type(PolicyPage, ServicePage),
        POLICIES: pages.type(PolicyPage),
        SERVICES: pages.type(ServicePage),
    }


def kind_of(content_type_id):
    """PAGES, POLICIES or SERVICES for a page's content type (subclasses count as their base)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is not None and issubclass(model, PolicyPage):
        return POLICIES
    if model is not None and issubclass(model, ServicePage):
        return SERVICES
    return PAGES


def _is_database(backend):
    """Whether `backend` is one of modelsearch's database backends (ours subclass them)."""
    return any(
        cls.__module__.startswith("modelsearch.backends.database") for cls in type(backend).__mro__
    )


# --- asking the backend ---------------------------------------------------------------------


@dataclass
class Found:
    """What the backend answered: counts per type, and the hits of the page asked for."""

    counts: dict
    kind: str
    number: int  # the page of results shown, after clamping
    hits: list = field(default_factory=list)  # Page (base class) and Idea objects, best first

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def shown_total(self):
        return self.total if self.kind == ALL else self.counts[self.kind]


class _Searcher:
    def __init__(self, backend, query, language):
        self.backend, self.query, self.language = backend, query, language

    def __call__(self, queryset, **kwargs):
        if getattr(self.backend, "accepts_language", False):
            kwargs["language"] = self.language
        return self.backend.search(self.query, queryset, **kwargs)


def _page_counts(search, scopes, pages):
    counts = dict.fromkeys(KINDS, 0)
    results = search(pages, order_by_relevance=False)
    if _is_database(search.backend) and results.supports_facet:
        # One query for every page type. (Elasticsearch's terms aggregation returns ten buckets
        # by default, fewer than our page types, so it counts each kind instead.)
        for content_type_id, count in results.facet("content_type_id").items():
            counts[kind_of(content_type_id)] += count
    else:
        for kind, scope in scopes.items():
            counts[kind] = search(scope, order_by_relevance=False).count()
    return counts


def _all_types(search, pages, ideas, counts, start, stop):
    """Hits [start:stop] of every type: the council's pages, policies and services in the
    backend's order, then residents' ideas in theirs.

    Ideas are short, and full-text scores favour short texts (bm25 rewards them): ranked
    together, "my son has ADHD" put three ideas above the SEND pages. An idea is someone's
    suggestion, not an answer; the type filter shows them on their own.
    """
    page_count = counts[PAGES] + counts[POLICIES] + counts[SERVICES]
    hits = []
    if start < page_count:
        hits = list(search(pages)[start : min(stop, page_count)])
    if stop > page_count and counts[IDEAS]:
        hits += list(search(ideas)[max(start - page_count, 0) : stop - page_count])
    return hits


def find(backend, query, *, language, locale, kind, number, generation=None):
    """Counts and one page of hits for `query` (a modelsearch query) in `kind` (ALL or a kind).

    Kept for the content generation (`generation`, from store.generation_of(request)): counting
    every match is what a search costs, and grows with the site (7,000 services match "family"
    at 10,000); any save moves the generation on, so a kept answer is never stale.
    """
    key = ("site-search", type(backend).__name__, language, locale.pk, repr(query), kind, number)
    kept = store.recall(generation, key)
    if kept is None:
        found = _find(backend, query, language=language, locale=locale, kind=kind, number=number)
        kept = store.keep(generation, key, (found.counts, found.kind, found.number, found.hits))
    counts, kind, number, hits = kept
    return Found(counts=dict(counts), kind=kind, number=number, hits=list(hits))


def _find(backend, query, *, language, locale, kind, number):
    search = _Searcher(backend, query, language)
    pages = page_scope(locale, in_database=_is_database(backend))
    ideas = idea_scope()
    scopes = _kind_scopes(pages)
    counts = _page_counts(search, scopes, pages)
    counts[IDEAS] = search(ideas, order_by_relevance=False).count()
    found = Found(counts=counts, kind=kind, number=1)
    if not found.shown_total:
        return found
    found.number = min(max(number, 1), MAX_PAGE, -(-found.shown_total // PER_PAGE))
    start = (found.number - 1) * PER_PAGE
    stop = start + PER_PAGE
    if kind == IDEAS:
        found.hits = list(search(ideas)[start:stop])
    elif kind != ALL:
        found.hits = list(search(scopes[kind])[start:stop])
    else:
        found.hits = _all_types(search, pages, ideas, counts, start, stop)
    return found


# --- the links around the results -----------------------------------------------------------


def filter_links(counts, kind, params):
    """The type filter: every type with its count, as links keeping the query (no JavaScript)."""
    links = []
    total = sum(counts.values())
    for value in (ALL, *KINDS):
        count = total if value == ALL else counts[value]
        query = {**params, "type": value or None}
        links.append(
            {
                "value": value,
                "text": str(FILTER_LABELS[value]),
                "count": count,
                "current": value == kind,
                "href": href(query) if count or value == kind else "",
            }
        )
    return links


def href(params):
    """A link to this page with `params` (empty values left out)."""
    return "?" + urlencode({name: value for name, value in params.items() if value})


def related_categories(terms, words, language, limit=6):
    """Directory categories (services_directory Terms) sharing a word, or its stem, with `words`."""
    matches = matcher(words, language)
    return [
        term
        for term in terms.ordered()
        if any(matches(word) for word in words_of(term.name) if len(word) > 2)
    ][:limit]
