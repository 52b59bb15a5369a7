"""Where a page lives: the request's site and a page's address, from the per-process memo.

Wagtail's ``Site.find_for_request`` and ``page.get_url(request)`` ask the database for the site
and the cache for the site's root paths on every request (two queries with the database cache).
Routing (foundation.routing), BasePage.get_url and the links every page shows (breadcrumbs,
other languages) ask here instead, through Wagtail's public API only: the memo is stamped with
the content generation, so an editor's change to a site or a home page is seen at once.
"""

from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale, Page, Site

from foundation.memo import remember


def site_for(request):
    """The request's Wagtail site, from the per-process memo (Wagtail's own lookup on a miss).

    Wagtail's ``Site.find_for_request`` costs a query on each request; the memo answers from
    memory until an editor saves something. Code that needs the site asks here.
    """
    try:
        host = (request.get_host(), request.get_port())
    except DisallowedHost:  # Wagtail's lookup answers as it would have
        return Site.find_for_request(request)
    return remember(request, ("site", host), lambda: Site.find_for_request(request))


def url_of(request, page):
    """The address `serve` finds `page` at, worked out as routing finds it: its language's
    prefix, then its path below that language's home page (both from the memo); None for a
    page outside its language's home (another site's), whose address Wagtail works out.

    ``page.get_url(request)`` asks the database for the site and the cache for the site's root
    paths on each request; BasePage.get_url and the links on every page ask here instead.
    """
    site = site_for(request)
    if site is None:
        return None
    languages = remember(request, ("locale_codes",), _locale_codes)
    language = languages.get(page.locale_id)
    if language is None:
        return None
    home = remember(request, ("home", site.pk, language), lambda: home_facts(site, language))
    if not page.url_path.startswith(home["url_path"]):
        return None
    with override(language):
        return reverse("wagtail_serve", args=(page.url_path[len(home["url_path"]) :],))


def _locale_codes():
    return dict(Locale.objects.values_list("id", "language_code"))


def home_facts(site, language):
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


def page_url(request, page):
    """`page`'s address for links on a page served to `request`: from the memo where it can be,
    else Wagtail's ``get_url`` (for any page, specific or not)."""
    return url_of(request, page) or page.get_url(request)
