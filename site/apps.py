from django.apps import AppConfig


class CouncilSiteConfig(AppConfig):
    name = "council_site"
    label = "council_site"
    verbose_name = "Council site"

    def ready(self):
        from council_site import page_cache

        page_cache.connect_signals()
