from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import pre_migrate


def create_cache_tables(sender, using, verbosity=1, **kwargs):
    """Make the database cache tables before every migrate.

    Rate limits, the sign-in throttle and the page cache live in them; a deployment that runs
    `migrate` but forgets `createcachetable` would otherwise fail on its first form or import.
    Before, not after: data migrations save pages, and saving a page clears the page cache.
    The command skips tables that exist, so this costs nothing after the first time.
    """
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class FoundationConfig(AppConfig):
    name = "foundation"
    label = "foundation"
    verbose_name = "Foundation"

    def ready(self):
        from foundation import page_cache

        page_cache.connect_signals()
        # pre_migrate is sent once per app with models: hang it on Wagtail's core app, which
        # every migrate of this project includes, so it runs once per migrate.
        pre_migrate.connect(create_cache_tables, sender=apps.get_app_config("wagtailcore"))
