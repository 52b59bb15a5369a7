"""Publish and unpublish scheduled pages every so often, for `make run` and small deployments."""

import time
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from foundation.job_lock import job_lock


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled in a loop (production can use cron instead)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        while True:
            close_old_connections()
            # Every server may run this loop: the one holding the lock publishes, once.
            with job_lock("publish_scheduled", expires_after=timedelta(minutes=30)) as acquired:
                if acquired:
                    call_command("publish_scheduled", verbosity=0)
                else:
                    self.stdout.write("Another server is publishing scheduled pages: skipped.")
            if once:
                return
            time.sleep(max(interval, 5))
