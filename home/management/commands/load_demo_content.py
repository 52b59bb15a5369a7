"""Load the demo content: the source documents as structured pages, in every language."""

import time

from django.core.management.base import BaseCommand

from consultations.demo import load_demo_consultations
from council_site.page_cache import invalidation_deferred
from home.demo_loader import DemoLoader
from search.vocabulary import rebuild_vocabulary
from services_directory.demo.loader import load_demo_directory


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

    def handle(self, *args, skip_translations=False, verbosity=1, **options):
        started = time.monotonic()

        def log(line):
            if verbosity:
                self.stdout.write(line)

        loader = DemoLoader(log=log)
        with invalidation_deferred():
            home, _pages = loader.load()
            log("Directory")
            loader.changed += load_demo_directory(home, stdout=self.stdout if verbosity else None)
            loader.link_directory(home)
            log("Consultations")
            loader.changed += load_demo_consultations(home, log=log)
            if not skip_translations:
                loader.translate_all(home, loader.ensure_locales())
        log("Search vocabulary")
        rebuild_vocabulary()
        elapsed = time.monotonic() - started
        summary = f"Demo content ready: {loader.changed} change(s) in {elapsed:.1f}s."
        log(self.style.SUCCESS(summary))
