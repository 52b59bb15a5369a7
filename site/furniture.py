"""Queries behind the site furniture, each a fixed number of SQL queries whatever the tree size."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site


def _active_locale_code():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def home_page_for(request):
    """The site's home page in the active language (the default language's when untranslated)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    cached = getattr(request, "_home_page", None)
    if cached is not None:
        return cached
    root = site.root_page
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=_active_locale_code())
        .live()
        .first()
        or root
    )
    request._home_page = home
    return home


def navigation_for(request, home):
    """Top-level sections: live, public children of the home page shown in menus."""
    if not home:
        return []
    path = request.path
    items = []
    for child in home.get_children().live().public().in_menu().order_by("path"):
        url = child.get_url(request)
        if url:
            items.append({"text": child.title, "url": url, "active": path.startswith(url)})
    return items


def breadcrumbs_for(request, page):
    """Ancestors from the home page down, not including the page itself."""
    if page is None or page.depth <= 2:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=2).live().order_by("depth")
    return [{"text": p.title, "url": p.get_url(request)} for p in ancestors]


def language_links_for(request, page):
    """One link per language: the page's translation if there is one, else that language's URL."""
    translations = {}
    if page is not None:
        for translation in (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
    links = []
    current = _active_locale_code()
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        translation = translations.get(code)
        if translation is not None:
            url = translation.get_url(request)
        else:
            url = translate_url(request.path, code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links


def footer_links_for(request):
    """Footer links from site settings, each page link in the active language."""
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    raw_links = [item["value"] for item in site_settings.footer_links.raw_data]
    page_ids = [link.get("page") for link in raw_links if link.get("page")]
    pages = {}
    if page_ids:
        originals = {p.id: p for p in Page.objects.filter(id__in=page_ids).live()}
        localized = {
            p.translation_key: p
            for p in Page.objects.filter(
                translation_key__in=[p.translation_key for p in originals.values()],
                locale__language_code=_active_locale_code(),
            ).live()
        }
        for page_id, original in originals.items():
            pages[page_id] = localized.get(original.translation_key, original)
    links = []
    for link in raw_links:
        page = pages.get(link.get("page"))
        if page is not None:
            links.append({"text": link.get("text") or page.title, "url": page.get_url(request)})
        elif link.get("external_url"):
            links.append({"text": link.get("text") or link["external_url"], "url": link["external_url"]})
    return links


def safeguarding_notice_for(request):
    """The live safeguarding notice in the active language, else the default language's."""
    from home.models import SafeguardingNotice

    notices = {
        notice.locale.language_code: notice
        for notice in SafeguardingNotice.objects.filter(live=True).select_related("locale")
    }
    return notices.get(_active_locale_code()) or notices.get(settings.LANGUAGE_CODE)
