"""Count the words of every published page again, for spelling suggestions."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from foundation.job_lock import job_lock
from search.vocabulary import rebuild_vocabulary


class Command(BaseCommand):
    help = "Rebuild the words spelling suggestions come from (run after update_index)."

    def handle(self, *args, verbosity=1, **options):
        def progress(done, total):
            if verbosity:
                self.stdout.write(f"  {done:,} of {total:,} index entries read", ending="\r")

        with job_lock("update_search_vocabulary", expires_after=timedelta(hours=6)) as acquired:
            if not acquired:
                self.stdout.write("Another server is rebuilding the vocabulary: skipped.")
                return
            counts = rebuild_vocabulary(progress=progress)
        if verbosity:
            self.stdout.write("")
            summary = ", ".join(f"{language}: {n:,}" for language, n in sorted(counts.items()))
            self.stdout.write(self.style.SUCCESS(f"Vocabulary rebuilt ({summary or 'empty'})."))
