from django.apps import AppConfig


class CouncilSiteConfig(AppConfig):
    """The project's wiring. An app only for the migration history of the table it once held
    (foundation.JobLock); what runs at start-up lives in foundation.apps."""

    name = "council_site"
    label = "council_site"
    verbose_name = "Council site"
