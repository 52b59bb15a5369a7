"""sitemap.xml listing every live public page in every language."""

from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the active language's tree; we list each language's tree."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # The Site record says where the site lives in production; a reader who reached this
        # site at another address (127.0.0.1:8000 under `make run`, a staging host) gets links
        # that work where they are. ALLOWED_HOSTS has already vetted the Host header.
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url
        here = self.request.build_absolute_uri("/").rstrip("/")
        for url in urls:
            if url["location"].startswith(f"{site_root}/"):
                url["location"] = here + url["location"][len(site_root) :]
        return urls


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
