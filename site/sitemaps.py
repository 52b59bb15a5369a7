"""sitemap.xml listing every live public page in every language, each with its translations."""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the active language's tree; we list each language's tree.

    Each page names its live translations as `xhtml:link rel="alternate" hreflang` entries,
    as the head of each page does (Google's "Tell Google about localized versions").
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = self._translations(items)
        urls = []
        last_mods = set()
        for item in items:
            alternates = translations.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = self._here(url_info["location"])
                if len({a["lang_code"] for a in alternates} - {"x-default"}) > 1:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _translations(self, items):
        """Each translation key's live public pages as hreflang alternates (one query)."""
        found = defaultdict(list)
        pages = (
            Page.objects.filter(translation_key__in={item.translation_key for item in items})
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )
        by_language = defaultdict(dict)
        for translation in pages:
            code = translation.locale.language_code
            by_language[translation.translation_key][code] = self._here(
                translation.get_full_url(self.request)
            )
        order = [code for code, _name in settings.LANGUAGES]
        for key, urls in by_language.items():
            for code in sorted(urls, key=lambda c: order.index(c) if c in order else len(order)):
                found[key].append({"lang_code": code, "location": urls[code]})
            if settings.LANGUAGE_CODE in urls:
                found[key].append(
                    {"lang_code": "x-default", "location": urls[settings.LANGUAGE_CODE]}
                )
        return found

    def _here(self, location):
        # The Site record says where the site lives in production; a reader who reached this
        # site at another address (127.0.0.1:8000 under `make run`, a staging host) gets links
        # that work where they are. ALLOWED_HOSTS has already vetted the Host header.
        site_root = self.get_wagtail_site().root_url
        if location and location.startswith(f"{site_root}/"):
            here = self.request.build_absolute_uri("/").rstrip("/")
            return here + location[len(site_root) :]
        return location


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
