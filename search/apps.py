from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from foundation import page_cache
        from search.signals import connect

        connect()
        # Synonym sets change what a results page finds, and promoted results are shown first;
        # the counts of what readers search for are written by searching and change no page.
        page_cache.reader_content(self.label, except_models=["SearchQueryDay", "SearchWord"])
        page_cache.reader_content(
            "wagtailsearchpromotions", except_models=["Query", "QueryDailyHits"]
        )
