"""Find the Wagtail page for a URL in two queries, whatever its depth and language.

Wagtail's own routing asks for the active locale, the home page's translation and its specific
row, then walks the tree a level at a time: three to six queries after the site before a page
does anything. Here each language's home page comes from the per-process memo, and a deeper page
is one lookup by URL path plus its specific row, which also says whether any view restriction or
alias could apply (so Wagtail's restriction check costs nothing when none does; on a site with
neither, the memo knows it and the question is not asked at all).

Wagtail's public API does the rest (docs/decisions/0015-routing.md): the found page answers
through its own ``route()`` (so the live check and any custom routing stay Wagtail's) and is served
through Wagtail's serve hooks, in the order ``wagtail.views.serve`` runs them. Whatever this cannot
find (a 404, a sub-path a routable page answers) goes to Wagtail's serve view and its walk,
untouched. Nothing here reads or writes Wagtail's private attributes.
"""

import functools
import operator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Value
from django.db.models.lookups import StartsWith
from django.http import HttpResponse
from django.urls import re_path
from django.utils.translation import get_language
from wagtail import hooks
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction

from foundation.memo import remember
from foundation.site_paths import home_facts, site_for

# The annotation routing puts on the page it found: False when no view restriction can apply.
# Read by BasePage.get_view_restrictions; a page fetched any other way has no such attribute.
MAY_BE_RESTRICTED = "route_may_be_restricted"


def _restriction_kinds():
    """Whether the site has any view restriction, and any alias, at all.

    Most sites have neither; then no page needs the checks below, which on SQLite scan every page
    for an alias ancestor (15 ms at 10,000 pages). Creating either saves a page or a restriction,
    which moves the generation, so the memo asks again.
    """
    return {
        "restrictions": PageViewRestriction.objects.exists(),
        "aliases": Page.objects.filter(alias_of__isnull=False).exists(),
    }


def _may_be_restricted(kinds):
    """An expression: True when a view restriction on the page or an ancestor, or an alias
    among them, exists; the constant False when the site has neither."""
    checks = []
    if kinds["restrictions"]:
        restrictions = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        checks.append(Exists(restrictions))
    if kinds["aliases"]:
        checks.append(
            Exists(
                Page.objects.filter(StartsWith(OuterRef("path"), F("path")), alias_of__isnull=False)
            )
        )
    return functools.reduce(operator.or_, checks) if checks else Value(False)


def _specific(page_id, content_type_id, kinds):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    queryset = getattr(model, "route_queryset", None)
    queryset = queryset() if queryset is not None else model._default_manager.all()
    return (
        queryset.annotate(**{MAY_BE_RESTRICTED: _may_be_restricted(kinds)})
        .filter(pk=page_id)
        .first()
    )


def find_route(request, path):
    """Wagtail's RouteResult for `path`, or None when Wagtail's own walk should decide.

    Raises Http404 for a page that exists but is not live, as Wagtail's ``route()`` does.
    """
    site = site_for(request)
    if site is None:
        return None
    language = (get_language() or "").split("-")[0]
    home = remember(request, ("home", site.pk, language), lambda: home_facts(site, language))
    kinds = remember(request, ("restriction_kinds",), _restriction_kinds)
    components = [component for component in path.split("/") if component]
    if not components:
        page = _specific(home["id"], home["content_type_id"], kinds)
    else:
        match = (
            Page.objects.filter(
                url_path=f"{home['url_path']}{'/'.join(components)}/",
                path__startswith=home["path"],
            )
            .only("id", "content_type_id")
            .first()
        )
        page = match and _specific(match.id, match.content_type_id, kinds)
    if page is None:
        return None
    return page.route(request, [])


def serve_route(request, page, args, kwargs):
    """Serve a found page through Wagtail's serve hooks, as ``wagtail.views.serve`` does once
    it has routed (tests/foundation/test_routing.py fails if Wagtail changes that view)."""
    on_serve_chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = wrap(on_serve_chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def serve(request, path):
    """Wagtail's serve view, with the page found by `find_route` when it can be."""
    route = find_route(request, path)
    if route is None:
        return wagtail_views.serve(request, path)
    page, args, kwargs = route
    return serve_route(request, page, args, kwargs)


# Wagtail's page URLs, with its catch-all served by `serve` above (same name, same pattern, so
# every reverse("wagtail_serve") and page URL stays as it was).
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
