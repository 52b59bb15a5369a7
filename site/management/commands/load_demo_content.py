"""Load the demo content: the source documents as structured pages, in every language.

Wiring, so it lives in the site: it runs every app's demo loader in turn (home's pages, then
each app whose AppConfig has `load_demo(home, log)`: the directory, the consultations, in
INSTALLED_APPS order, each finding what it needs of the others in the page tree), translates
every page and rebuilds the search vocabulary from what they made.
"""

import time

from django.apps import apps
from django.core.management.base import BaseCommand

from foundation.bulk_tasks import tasks_run_once
from foundation.page_cache import invalidation_deferred
from home.demo_loader import DemoLoader
from search.vocabulary import rebuild_vocabulary


class Command(BaseCommand):
    help = (
        "Create or update the demo pages, settings, directory and consultations. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-translations",
            action="store_true",
            help="Do not make the copies for other languages (faster, for tests).",
        )
        parser.add_argument(
            "--languages",
            default="",
            help=(
                "Make the copies for these languages only, comma-separated (e.g. pl,ar): "
                "faster, for tests. Default: every language of the site."
            ),
        )

    def handle(self, *args, skip_translations=False, languages="", verbosity=1, **options):
        started = time.monotonic()

        def log(line):
            if verbosity:
                self.stdout.write(line)

        loader = DemoLoader(log=log)
        others = [
            config
            for config in apps.get_app_configs()
            if config.name != "home" and hasattr(config, "load_demo")
        ]
        with invalidation_deferred(), tasks_run_once(log=log):
            home, _pages = loader.load()
            for config in others:
                log(str(config.verbose_name))
                loader.changed += config.load_demo(home, log)
            if not skip_translations:
                locales = loader.ensure_locales()
                wanted = {code.strip() for code in languages.split(",") if code.strip()}
                if wanted:
                    locales = {
                        code: locale
                        for code, locale in locales.items()
                        if code in wanted or code == home.locale.language_code
                    }
                loader.translate_all(home, locales)
        log("Search vocabulary")
        rebuild_vocabulary()
        elapsed = time.monotonic() - started
        summary = f"Demo content ready: {loader.changed} change(s) in {elapsed:.1f}s."
        log(self.style.SUCCESS(summary))
