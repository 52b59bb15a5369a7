"""An import from start to end: find the directory, take the records, then index and date what
changed."""

from wagtail.models import Locale

from foundation.page_cache import invalidation_deferred
from services_directory.models import DirectoryPage

from ..ids import SourceIds
from ..last_modified import deferred_touches, touch_services_showing
from ..upsert import Applier
from .records import RecordImporter
from .report import ImportReport
from .search_index import deferred_search_index, index_services


class ImportSetupError(Exception):
    """The import cannot start (no directory page, say); the message says what to do."""


def find_directory(locale=None):
    locale = locale or Locale.get_default()
    directory = DirectoryPage.objects.filter(locale=locale).order_by("-live", "path").first()
    if directory is None:
        raise ImportSetupError(
            "There is no services directory page to import services into. Create one under the "
            "home "
            "page in the admin (or load the demo directory) and run the import again."
        )
    return directory


def import_records(records, dry_run=False, progress=None, format="auto", directory=None, source=""):
    """Import ORUK records (v3, or v1 when `format` says so or "auto" recognises it).

    `format` may also be a callable returning one of "v3", "v1" or "auto". `source` names the
    publisher: ids that are not UUIDs get UUIDs derived from it and the id (see ids.py).

    A record may also be a (kind, record) pair, kind being "service", "organization", "taxonomy"
    or "taxonomy_term", when the caller knows (an API source does). Returns an ImportReport.
    `progress`, if given, is called with each RecordResult as it is made.
    """
    locale = Locale.get_default()
    directory = directory or find_directory(locale)
    report = ImportReport(dry_run=dry_run)
    applier = Applier(directory, locale, dry_run)
    importer = RecordImporter(applier, report, progress, format, SourceIds(source))
    try:
        with invalidation_deferred(), deferred_touches() as changed, deferred_search_index():
            importer.changed = changed
            for record in records:
                importer.record(record)
            report.notes += applier.link_pending_parents()
    finally:
        # Also after a failure part-way: what was committed is then findable.
        report.notes += index_services(applier.to_index)
    # Services showing a snippet the feed changed now publish something new, except those whose
    # record gave its own last_modified: the feed says when they changed.
    touch_services_showing(changed, exclude=applier.feed_dated)
    if importer.ids.original:
        report.notes.append(_derived_ids_note(len(importer.ids.original), source))
    return report


def _derived_ids_note(count, source):
    note = (
        f"{count} ids in the feed were not UUIDs, so each was given a UUID made from the source"
        + (f" {source!r}" if source else "")
        + " and the id: importing the same feed again updates the same records."
    )
    if not source:
        note += (
            " Give --source with the publisher's name when you import files from more than one "
            "publisher, so that their ids cannot meet."
        )
    return note
