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


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
