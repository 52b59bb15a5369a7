from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages and site furniture")

    def ready(self):
        from foundation import page_cache

        # Pages, snippets and site settings are what readers see, and so are Wagtail's rows
        # behind every page: the pages themselves, images, documents and redirects.
        page_cache.reader_content(self.label)
        # Editors' comments on a draft are never shown on the site.
        page_cache.reader_content("wagtailcore", except_models=["Comment"])
        page_cache.reader_content("wagtailimages")
        page_cache.reader_content("wagtaildocs")
        page_cache.reader_content("wagtailredirects")
