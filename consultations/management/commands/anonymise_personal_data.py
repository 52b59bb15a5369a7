"""Remove names and email addresses from consultations whose retention period has ended."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from consultations.services.personal_data import anonymise_expired
from foundation.job_lock import job_lock


class Command(BaseCommand):
    help = (
        "Blank the names and email addresses of people who took part in consultations whose "
        "retention period (counted from the close date) has ended. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be removed without changing anything.",
        )

    def handle(self, *args, dry_run=False, **options):
        verb = "would be anonymised" if dry_run else "anonymised"

        def progress(consultation, count, ends_at):
            # Titles and counts only: this output may be kept in a scheduler's log.
            ended = date_format(timezone.localtime(ends_at), "j F Y")
            self.stdout.write(
                f"{consultation.title} [{consultation.locale.language_code}] "
                f"(kept until {ended}): {count} {'person' if count == 1 else 'people'} {verb}"
            )

        # A cron line on every server: the one holding the lock does the work.
        with job_lock("anonymise_personal_data", expires_after=timedelta(hours=6)) as acquired:
            if not acquired:
                self.stdout.write("Another server is anonymising: skipped.")
                return
            counts = anonymise_expired(progress=progress, dry_run=dry_run)
        summary = (
            f"{counts['consultations']} consultation(s) past their retention period; "
            f"{counts['contributors']} {'person' if counts['contributors'] == 1 else 'people'} "
            f"{verb}."
        )
        if dry_run:
            summary += " Dry run: nothing was changed."
        self.stdout.write(self.style.SUCCESS(summary))
