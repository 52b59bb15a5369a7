"""Create or update the demo consultations under the English home page."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from consultations.demo.loader import load_demo
from home.models import HomePage


class Command(BaseCommand):
    help = "Load the demo consultations, their ideas boards and ideas. Safe to rerun."

    def handle(self, *args, verbosity=1, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        if home is None:
            raise CommandError("There is no English home page yet: run load_demo_content first.")

        def log(line):
            if verbosity:
                self.stdout.write(line)

        changed = load_demo(home, log)
        log(self.style.SUCCESS(f"Consultations ready: {changed} change(s)."))
