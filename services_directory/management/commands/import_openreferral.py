"""Import services from an Open Referral UK API or JSON file (v3, or the older v1)."""

import time
from collections import Counter
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from services_directory.openreferral import (
    ApiSource,
    ImportSetupError,
    SourceError,
    import_records,
    read_file,
)
from services_directory.openreferral.importer import record_kind
from services_directory.openreferral.sources import is_url
from services_directory.planner import refresh_statistics

PLURALS = {
    "service": "services",
    "organization": "organisations",
    "taxonomy": "taxonomies",
    "taxonomy_term": "taxonomy terms",
    "service_at_location": "services at locations",
    "record": "records",
}


def kind_of(item):
    if isinstance(item, tuple) and len(item) == 2:
        return item[0]
    return record_kind(item) if isinstance(item, dict) else "record"


class Progress:
    """Records read so far, counted per kind against how many the source says it has of that kind.

    An API's total is its services; its taxonomy terms come after them with a total of their own,
    so one running count against the services' total would pass it ("50 of 46").
    """

    def __init__(self, write, every, totals):
        self.write = write
        self.every = every
        self.totals = totals
        self.read = Counter()

    def counted(self, records):
        for item in records:
            kind = kind_of(item)
            yield item
            # Resumed once the importer has finished with the item, so it has been read.
            self.read[kind] += 1
            if self.every and self.read[kind] % self.every == 0:
                self.write(self.line(kind))

    def line(self, kind):
        total = self.totals().get(kind)
        of = f" of {total}" if total else ""
        return f"{self.read[kind]}{of} {PLURALS.get(kind, kind)} read…"


class Command(BaseCommand):
    help = (
        "Import services from an Open Referral UK API (its base URL) or a JSON file (one service, "
        "a "
        "list, or a page). Records are matched by ORUK id, so running it again updates rather than "
        "duplicates. Each record is checked against the ORUK schema and imported whole or rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="An API base URL such as https://example.org/api/v3, or a JSON file."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, and save nothing."
        )
        parser.add_argument(
            "--format",
            choices=["auto", "v3", "v1"],
            default="auto",
            help="ORUK version (default: auto).",
        )
        parser.add_argument(
            "--per-page",
            type=int,
            default=100,
            help="Services per page when reading an API (default 100).",
        )
        parser.add_argument(
            "--progress-every", type=int, default=100, help="Print a progress line every N records."
        )
        parser.add_argument(
            "--source",
            dest="publisher",
            default=None,
            help=(
                "A short name for the publisher, such as croydon-council. Ids that are not UUIDs "
                "get UUIDs made from it and the id, so keep it the same from one import of a feed "
                "to the next (default: the API's host name; for a file, none)."
            ),
        )

    def handle(self, source, dry_run, format, per_page, progress_every, **options):
        if not 1 <= per_page <= 1000:
            raise CommandError("--per-page must be from 1 to 1000.")
        publisher = options["publisher"]
        if publisher is None:
            publisher = urlsplit(source).netloc.lower() if is_url(source) else ""
        verbosity = options["verbosity"]
        started = time.monotonic()
        api = None
        try:
            if is_url(source):
                api = ApiSource(source, per_page=per_page, format=format)
                records, chosen = (
                    api,
                    (lambda: api.detected or "auto") if format == "auto" else format,
                )
                counter = Progress(self.stdout.write, progress_every, lambda: api.totals)
            else:
                records, hint = read_file(source)
                chosen = hint if format == "auto" and hint else format
                in_file = Counter(kind_of(record) for record in records)
                counter = Progress(self.stdout.write, progress_every, lambda: in_file)

            def progress(result):
                if result.status == "rejected" or (verbosity > 1 and result.warnings):
                    self.stderr.write("\n".join(result.describe()))
                elif verbosity > 1 or (dry_run and result.status != "unchanged"):
                    self.stdout.write("\n".join(result.describe()))

            report = import_records(
                counter.counted(records),
                dry_run=dry_run,
                progress=progress,
                format=chosen,
                source=publisher,
            )
        except (SourceError, ImportSetupError) as error:
            raise CommandError(str(error)) from error
        finally:
            if api is not None:
                api.close()
        if not dry_run and any(r.status in ("created", "updated") for r in report.results):
            refresh_statistics()
        seconds = time.monotonic() - started
        self.stdout.write(report.summary())
        for note in api.notes if api is not None else []:
            self.stdout.write(note)
        self.stdout.write(f"{len(report.results)} records in {seconds:.1f} s.")
        if report.rejected:
            self.stderr.write(
                f"{len(report.rejected)} records were rejected and nothing of them was imported: "
                "see the reasons above."
            )
