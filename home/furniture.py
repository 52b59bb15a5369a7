"""Queries behind the site furniture, each a fixed number of SQL queries whatever the tree size."""

import logging

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page

from foundation import page_cache
from foundation.memo import remember
from foundation.site_paths import page_url, site_for
from home.models import SafeguardingNotice, SiteSettings, SiteText

logger = logging.getLogger(__name__)


def _active_locale_code():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def home_page_for(request):
    """The site's home page in the active language (the default language's when untranslated)."""
    site = site_for(request)
    if site is None:
        return None
    cached = getattr(request, "_home_page", None)
    if cached is not None:
        return cached
    root = site.root_page
    home = (
        Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=_active_locale_code()
        )
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
    items = []
    for child in home.get_children().live().public().in_menu().order_by("path"):
        url = page_url(request, child)
        if url:
            items.append({"text": child.title, "url": url})
    return items


def mark_active(items, path):
    return [{**item, "active": path.startswith(item["url"])} for item in items]


def page_relatives(request, page):
    """Ancestors (for breadcrumbs) and live translations (for language links) in one query."""
    if page is None:
        return {"ancestors": [], "translations": {}}
    cached = getattr(request, "_page_relatives", None)
    if cached is not None:
        return cached
    step = page.steplen
    # Ancestor paths follow from the page's own path: no query needed to know them.
    ancestor_paths = [page.path[:length] for length in range(2 * step, len(page.path), step)]
    relatives = (
        Page.objects.filter(
            Q(path__in=ancestor_paths) | Q(translation_key=page.translation_key, live=True)
        )
        .select_related("locale")
        .order_by("path")
    )
    result = {"ancestors": [], "translations": {}}
    for relative in relatives:
        if relative.path in ancestor_paths:
            if relative.live:
                result["ancestors"].append(relative)
        else:
            result["translations"][relative.locale.language_code] = relative
    request._page_relatives = result
    return result


def breadcrumbs_for(request, page):
    """Ancestors from the home page down, not including the page itself."""
    return [
        {"text": ancestor.title, "url": page_url(request, ancestor)}
        for ancestor in page_relatives(request, page)["ancestors"]
    ]


# Added to a language link that leads to the nearest translated ancestor, so the page there can
# say why the reader is not where they asked to be (templates/includes/untranslated_notice.html).
FROM_UNTRANSLATED = "from=untranslated"


def nearest_translated_ancestors(request, page, codes):
    """For each language code, the deepest live ancestor of `page` translated into it (1 query)."""
    ancestors = page_relatives(request, page)["ancestors"]
    if not ancestors or not codes:
        return {}
    found = {}
    candidates = (
        Page.objects.filter(
            translation_key__in=[ancestor.translation_key for ancestor in ancestors],
            locale__language_code__in=codes,
            live=True,
        )
        .select_related("locale")
        .order_by("depth")
    )
    for candidate in candidates:
        found[candidate.locale.language_code] = candidate  # deeper ones come later and win
    return found


def language_links_for(request, page):
    """One link per language: the page's translation if there is one; else that language's
    nearest translated ancestor, flagged so it can say so; else that language's URL for a view
    outside the page tree. `fallback` marks the ancestor links, which are not this page in that
    language (so no hreflang alternate)."""
    translations = page_relatives(request, page)["translations"]
    current = _active_locale_code()
    missing = [code for code, _name in settings.LANGUAGES if code not in translations]
    fallbacks = nearest_translated_ancestors(request, page, missing) if page is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        translation = translations.get(code)
        fallback = False
        if translation is not None:
            url = page_url(request, translation)
        elif code in fallbacks:
            url = f"{page_url(request, fallbacks[code])}?{FROM_UNTRANSLATED}"
            fallback = True
        else:
            url = translate_url(request.path, code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "fallback": fallback,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links


def site_text_for(request):
    """The Site text in the active language, else the default language's, else None."""
    texts = {
        text.locale.language_code: text
        for text in SiteText.objects.select_related("locale").filter(
            locale__language_code__in={_active_locale_code(), settings.LANGUAGE_CODE}
        )
    }
    return texts.get(_active_locale_code()) or texts.get(settings.LANGUAGE_CODE)


def site_settings_for(request, site_text=None):
    """Site settings and the Site text as plain values (cacheable), social links included."""
    site_settings = SiteSettings.for_request(request)
    values = {
        field: getattr(site_settings, field)
        for field in ("phone", "email", "childrens_services_phone", "out_of_hours_phone")
    }
    values.update(
        {
            "site_name": site_text.site_name if site_text else _("Family services"),
            "organisation_name": site_text.organisation_name if site_text else "",
            "address": site_text.address if site_text else "",
        }
    )
    values["social_links"] = [
        {"label": link.label, "url": link.url} for link in site_settings.social_links.all()
    ]
    return values


def footer_links_for(request, site_text=None):
    """Footer links from the Site text, each page link in the active language."""
    raw_links = [item["value"] for item in site_text.footer_links.raw_data] if site_text else []
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
            links.append({"text": link.get("text") or page.title, "url": page_url(request, page)})
        elif link.get("external_url"):
            links.append(
                {"text": link.get("text") or link["external_url"], "url": link["external_url"]}
            )
    return links


def safeguarding_notice_for(request):
    """The live safeguarding notice in the active language, else the default language's."""
    notices = {
        notice.locale.language_code: {"heading": notice.heading, "body": notice.body}
        for notice in SafeguardingNotice.objects.filter(live=True).select_related("locale")
    }
    return notices.get(_active_locale_code()) or notices.get(settings.LANGUAGE_CODE)


def furniture_for(request):
    """What every page shows whatever the page: from the process's memo, else one cache read,
    else the queries, once per content change.

    Cached per site and language, under the page cache's generation, so any content change
    (publishing a page, saving settings or the notice) is seen at once.
    """
    site = site_for(request)
    language = _active_locale_code()
    key = f"furniture:{page_cache.current_generation(request)}:{site.pk if site else 0}:{language}"
    return remember(
        request, ("furniture", site.pk if site else 0, language), lambda: _shared(request, key)
    )


def _shared(request, key):
    try:
        bundle = page_cache.page_store().get(key)
    except Exception as error:  # a cache outage costs queries, not pages
        logger.warning("Furniture cache unavailable: %s", error)
        bundle = None
    if bundle is None:
        home = home_page_for(request)
        site_text = site_text_for(request)
        bundle = {
            "site_settings": site_settings_for(request, site_text),
            "navigation": navigation_for(request, home),
            "footer_links": footer_links_for(request, site_text),
            "safeguarding_notice": safeguarding_notice_for(request),
            "home_url": page_url(request, home) if home else "/",
        }
        try:
            page_cache.page_store().set(key, bundle, 3600)
        except Exception as error:
            logger.warning("Furniture not cached: %s", error)
    return bundle
