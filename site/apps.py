from django.apps import AppConfig


class CouncilSiteConfig(AppConfig):
    name = "council_site"
    label = "council_site"
    verbose_name = "Council site"
