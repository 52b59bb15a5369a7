"""Delete search counts older than the retention period (run daily, say from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from foundation.job_lock import job_lock
from search.insight.retention import oldest_kept_day, prune_search_queries, retention_days


class Command(BaseCommand):
    help = (
        "Delete the search terms report's counts (and Wagtail's daily search hits) from before "
        "SEARCH_QUERY_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of SEARCH_QUERY_RETENTION_DAYS.",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        kept = retention_days() if days is None else days
        self.stdout.write(
            f"Keeping {kept} days of search counts: deleting those before "
            f"{oldest_kept_day(kept).isoformat()}."
        )

        def progress(label, removed):
            self.stdout.write(f"  {removed} {label} deleted so far")

        with job_lock("prune_search_queries", expires_after=timedelta(hours=6)) as acquired:
            if not acquired:
                self.stdout.write("Another server is pruning search counts: skipped.")
                return
            ours, wagtails = prune_search_queries(kept, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {ours} search term counts and {wagtails} daily search hits."
            )
        )
