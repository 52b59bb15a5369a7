"""Create or update the demo services directory under the English home page."""

import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from home.models import HomePage
from services_directory.demo.loader import load_demo_directory


class Command(BaseCommand):
    help = "Load the demo directory (categories, organisations, places, services). Safe to rerun."

    def handle(self, *args, verbosity=1, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        if home is None:
            raise CommandError("There is no English home page yet: run load_demo_content first.")
        started = time.monotonic()
        changed = load_demo_directory(home, stdout=self.stdout if verbosity else None)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Directory ready: {changed} change(s) in {time.monotonic() - started:.1f}s."
                )
            )
