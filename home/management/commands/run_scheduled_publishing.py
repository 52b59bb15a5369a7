"""Publish and unpublish scheduled pages every so often, for `make run` and small deployments."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled in a loop (production can use cron instead)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        while True:
            close_old_connections()
            call_command("publish_scheduled", verbosity=0)
            if once:
                return
            time.sleep(max(interval, 5))
