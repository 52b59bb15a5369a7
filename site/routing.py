"""Find the Wagtail page for a URL in two queries, whatever its depth and language.

Wagtail's own routing asks for the site, the active locale, the home page's translation and its
specific row, then walks the tree a level at a time: four to seven queries before a page does
anything. Here the site and each language's home page come from the per-process memo, and a
deeper page is one lookup by URL path plus its specific row, which also says whether any view
restriction or alias could apply (so Wagtail's restriction check costs nothing when none does;
on a site with neither, the memo knows it and the question is not asked at all).
Whatever this cannot find (a 404, a sub-path a routable page answers) goes to Wagtail's walk.
"""

import functools
import logging
import operator

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.urls import re_path
from django.utils.translation import get_language
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from council_site.memo import remember

logger = logging.getLogger(__name__)


def _reader_prefixes():
    """Where readers' pages and the API live; the admin reads its own fresh copies."""
    return (*(f"/{code}/" for code, _name in settings.LANGUAGES), "/api/")


class SiteMemoMiddleware:
    """Gives Wagtail the request's site and its root paths from the memo, not the database."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = _reader_prefixes()

    def __call__(self, request):
        if request.path.startswith(self.prefixes):
            try:
                host = (request.get_host(), request.get_port())
                request._wagtail_site = remember(
                    request, ("site", host), lambda: Site._find_for_request(request)
                )
                request._wagtail_cached_site_root_paths = remember(
                    request, ("site_root_paths",), Site.get_site_root_paths
                )
            except Exception as error:  # Wagtail finds them itself; the memo only saves queries
                logger.warning("Site memo unavailable: %s", error)
        return self.get_response(request)


def _home_facts(site, language):
    """What routing needs of the home page in `language` (the default one if untranslated)."""
    root = site.root_page
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .only("id", "path", "url_path", "content_type_id")
        .first()
        or root
    )
    return {
        "id": home.id,
        "path": home.path,
        "url_path": home.url_path,
        "content_type_id": home.content_type_id,
    }


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
    """True when a view restriction on the page or an ancestor, or an alias among them, exists."""
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
    return functools.reduce(operator.or_, checks) if checks else None


def _specific(page_id, content_type_id, kinds):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    queryset = getattr(model, "route_queryset", None)
    queryset = queryset() if queryset is not None else model._default_manager.all()
    check = _may_be_restricted(kinds)
    if check is not None:
        queryset = queryset.annotate(may_be_restricted=check)
    page = queryset.filter(pk=page_id).first()
    if page is None:
        return None
    page._view_restricted = page.may_be_restricted if check is not None else False
    return page


def find_route(request, site, path):
    """Wagtail's RouteResult for `path`, or None when Wagtail's own walk should decide."""
    language = (get_language() or "").split("-")[0]
    home = remember(request, ("home", site.pk, language), lambda: _home_facts(site, language))
    kinds = remember(request, ("restriction_kinds",), _restriction_kinds)
    components = [component for component in path.split("/") if component]
    if not components:
        page = _specific(home["id"], home["content_type_id"], kinds)
    else:
        match = (
            Page.objects.filter(
                Q(url_path=f"{home['url_path']}{'/'.join(components)}/"),
                path__startswith=home["path"],
            )
            .only("id", "content_type_id")
            .first()
        )
        page = match and _specific(match.id, match.content_type_id, kinds)
    if page is None:
        return None
    return page.route(request, [])


def serve(request, path):
    """Wagtail's serve view, routed by find_route first."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        try:
            route = find_route(request, site, path)
        except Http404:  # the page at that URL is not live: Wagtail's walk would say the same
            request._wagtail_route_for_request = None
        else:
            if route is not None:
                request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


# Wagtail's page URLs, with its catch-all served by `serve` above (same name, same pattern, so
# every reverse("wagtail_serve") and page URL stays as it was).
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
