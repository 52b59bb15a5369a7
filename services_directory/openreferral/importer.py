"""Import Open Referral UK records: each is checked against the schema, then upserted by its ORUK id
in a transaction of its own, so a record is either imported whole or rejected whole with a report.
"""

import contextlib
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from wagtail.models import Locale, ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signal_handlers import disable_reference_index_auto_update

from foundation.page_cache import invalidation_deferred
from services_directory.api.schemas import errors_for, v1_validator, v3_validator
from services_directory.models import (
    DELIVERY_MODES,
    DELIVERY_TAXONOMY_ID,
    DirectoryPage,
    ServicePage,
)

from . import v1
from .fields import Reader
from .ids import SourceIds
from .last_modified import deferred_touches, touch_services_showing
from .mapping import RecordRejected, read_organisation, read_service, read_taxonomy, read_term
from .upsert import Applier

logger = logging.getLogger(__name__)
STATUSES = ("created", "updated", "unchanged", "rejected")
KIND_SCHEMAS = {
    "service": "service",
    "organization": "organization",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
    "service_at_location": "service_at_location",
}
KIND_NAMES = {
    "service": ("service", "services"),
    "organization": ("organisation", "organisations"),
    "taxonomy": ("taxonomy", "taxonomies"),
    "taxonomy_term": ("taxonomy term", "taxonomy terms"),
}


class ImportSetupError(Exception):
    """The import cannot start (no directory page, say); the message says what to do."""


@dataclass
class RecordResult:
    """What happened to one record: which it was, its status, and why if it was rejected."""

    index: int
    kind: str
    oruk_id: str | None
    name: str
    status: str
    errors: list = field(default_factory=list)  # (field, reason)
    warnings: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    source_id: str | None = None  # the feed's own id, when it was not a UUID

    @property
    def label(self):
        name = f' "{self.name}"' if self.name else ""
        ident = f" {self.oruk_id}" if self.oruk_id else ""
        source = f", {self.source_id!r} in the feed" if self.source_id else ""
        return f"record {self.index} ({KIND_NAMES[self.kind][0]}{ident}{name}{source})"

    def describe(self):
        """Lines a person can act on: the record, then each field and why."""
        lines = [
            f"{self.label}: {self.status}"
            + (f" ({', '.join(self.changes)})" if self.changes and self.status == "updated" else "")
        ]
        lines += [f"  - {path}: {reason}" for path, reason in self.errors]
        lines += [f"  ! {warning}" for warning in self.warnings]
        return lines


@dataclass
class ImportReport:
    dry_run: bool = False
    results: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # about the import as a whole

    @property
    def counts(self):
        return Counter((result.kind, result.status) for result in self.results)

    def count(self, status, kind="service"):
        return self.counts[(kind, status)]

    @property
    def rejected(self):
        return [result for result in self.results if result.status == "rejected"]

    def summary(self):
        counts = self.counts
        lines = []
        for kind, (_one, many) in KIND_NAMES.items():
            if kind != "service" and not any(counts[(kind, status)] for status in STATUSES):
                continue
            figures = ", ".join(f"{counts[(kind, status)]} {status}" for status in STATUSES)
            lines.append(f"{many.capitalize()}: {figures}.")
        lines += self.notes
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return "\n".join(lines)


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


def record_kind(record):
    """What an ORUK record is, from its shape (files may hold any of the API's objects)."""
    if isinstance(record.get("service"), dict) and (
        "location" in record or "location_id" in record
    ):
        return "service_at_location"
    if isinstance(record.get("services"), list):
        return "organization"
    if isinstance(record.get("taxonomy_terms"), list):
        return "taxonomy"
    if "status" not in record:
        if {"parent_id", "term_uri", "taxonomy", "taxonomy_id", "term"} & record.keys():
            return "taxonomy_term"
        if {"website", "legal_status", "logo", "organization_identifiers"} & record.keys():
            return "organization"
        if "version" in record:
            return "taxonomy"
    return "service"


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
    importer = _Importer(applier, report, progress, format, SourceIds(source))
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


@contextlib.contextmanager
def deferred_search_index():
    """Leave services out of the search index while the block saves them (see index_services).

    Each page save indexed the page there and then, a fifth of an import's time, and a service
    is saved three times on its way in (into the tree, its revision, its publication). The signal
    is global, so this is for an import's own process: the management command or a test.
    """
    disconnected = post_save.disconnect(search_signals.post_save_signal_handler, sender=ServicePage)
    try:
        yield
    finally:
        if disconnected:
            post_save.connect(search_signals.post_save_signal_handler, sender=ServicePage)


def index_services(pks, batch_size=200):
    """Add these services to every search backend as they now are, a batch at a time.

    Returns notes for the report: a backend that fails (Elasticsearch down, say) is logged and
    named, as Wagtail's own signal handler logs it, rather than undoing an import that is in.
    """
    pks = sorted(pks)
    failed = set()
    for start in range(0, len(pks), batch_size):
        pages = list(
            ServicePage.objects.filter(pk__in=pks[start : start + batch_size])
            .select_related("organisation")
            .prefetch_related("categories")
        )
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(ServicePage, pages)
            except Exception:
                logger.exception("Imported services not added to the %r search backend", name)
                failed.add(name)
    return [
        f"The {name!r} search index was not updated: run manage.py update_index."
        for name in sorted(failed)
    ]


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


class _Importer:
    def __init__(self, applier, report, progress, format, ids):
        self.applier = applier
        self.ids = ids
        self.report = report
        self.progress = progress
        self.format = format
        self.count = 0
        self.changed = {}  # snippets saved by records that were imported: {model: pks}

    def _add(self, result):
        if result.source_id is None and result.oruk_id:
            result.source_id = self.ids.original.get(result.oruk_id)
        self.report.results.append(result)
        if self.progress:
            self.progress(result)

    def record(self, record):
        self.count += 1
        index = self.count
        known_kind = None
        if isinstance(record, tuple) and len(record) == 2:
            known_kind, record = record
        if not isinstance(record, dict):
            self._add(
                RecordResult(
                    index, "service", None, "", "rejected", [("(record)", "is not a JSON object")]
                )
            )
            return
        kind = known_kind or record_kind(record)
        if kind in ("taxonomy", "taxonomy_term") and _is_delivery(record):
            # Our own fixed delivery-method terms: they are flags on a service, not rows.
            return
        # A callable format is asked each time: an API source knows its version after a page.
        format = self.format() if callable(self.format) else self.format
        if kind == "service" and (
            format == "v1" or (format == "auto" and v1.looks_like_v1(record))
        ):
            errors = errors_for(v1_validator("service"), record)
            if errors:
                self._reject(index, "service", record, errors)
                return
            record = v1.service_to_v3(record)
        record = self.ids.prepare(record, kind)
        errors = errors_for(v3_validator(KIND_SCHEMAS[kind]), record)
        if errors:
            self._reject(
                index, "service" if kind == "service_at_location" else kind, record, errors
            )
            return
        if kind == "organization":
            self._with_children(
                index, "organization", record, "services", "service", "organization"
            )
        elif kind == "taxonomy":
            self._with_children(
                index, "taxonomy", record, "taxonomy_terms", "taxonomy_term", "taxonomy_id"
            )
        elif kind == "service_at_location":
            self._unit(index, "service", _service_of(record))
        else:
            self._unit(index, kind, record)

    def _reject(self, index, kind, record, errors, warnings=()):
        oruk_id = record.get("id") if isinstance(record.get("id"), str) else None
        name = record.get("name") if isinstance(record.get("name"), str) else ""
        self._add(
            RecordResult(index, kind, oruk_id, name[:80], "rejected", list(errors), list(warnings))
        )

    def _with_children(self, index, kind, record, key, child_kind, link):
        """An organisation with its services, or a taxonomy with its terms: the parent first."""
        children = record.get(key) or []
        flat = {name: value for name, value in record.items() if name != key}
        if not self._unit(index, kind, flat):
            return
        for child in children:
            if isinstance(child, dict):
                if link == "organization":
                    self._unit(index, child_kind, {**child, "organization": flat})
                else:
                    # The term belongs to this taxonomy, whatever name it gives its taxonomy.
                    term = {key: value for key, value in child.items() if key != "taxonomy"}
                    self._unit(index, child_kind, {**term, "taxonomy_id": flat["id"]})

    def _unit(self, index, kind, record):
        """Plan, compare and (unless dry) write one object in a transaction; False if rejected."""
        warnings = []
        try:
            plan = _plan(kind, record)
            warnings = list(plan.warnings) if hasattr(plan, "warnings") else []
            self.applier.warnings = []
            self.applier.saved = []
            self.applier.begin_unit()
            # Snippets saved by a record that is then rolled back have not changed.
            with deferred_touches() as changed, transaction.atomic():
                # Wagtail would update its reference index on every save (page, revision, each
                # row): several times per object. Once per saved object is enough.
                with disable_reference_index_auto_update():
                    status, changes = self._apply(kind, plan)
                for obj in self.applier.saved:
                    ReferenceIndex.create_or_update_for_object(obj)
            for model, pks in changed.items():
                self.changed.setdefault(model, set()).update(pks)
            warnings += self.applier.warnings
        except RecordRejected as rejected:
            self._reject(index, kind, record, rejected.errors, rejected.warnings)
            return False
        except ValidationError as error:
            self.applier.forget_unit()
            self._reject(index, kind, record, _validation_errors(error), warnings)
            return False
        except (IntegrityError, DataError) as error:
            self.applier.forget_unit()
            self._reject(
                index, kind, record, [("(record)", f"the database refused it: {error}")], warnings
            )
            return False
        self._add(
            RecordResult(
                index, kind, _plan_id(plan), _plan_name(plan), status, [], warnings, changes
            )
        )
        return True

    def _apply(self, kind, plan):
        if kind != "service":
            if getattr(plan, "taxonomy_plan", None) is not None:
                self.applier.snippet(plan.taxonomy_plan)
            status, _obj = self.applier.snippet(plan)
            return status, []
        snippet_changes = []
        for snippet in plan.snippets():
            status, _obj = self.applier.snippet(snippet)
            if status != "unchanged":
                snippet_changes.append(f"{snippet.model._meta.verbose_name} {status}")
        status, changes = self.applier.service(plan)
        if status == "unchanged" and snippet_changes:
            # The page needs no new revision, but what the service publishes has changed.
            status = "updated"
        return status, changes + snippet_changes


def _is_delivery(record):
    delivery_ids = {
        str(DELIVERY_TAXONOMY_ID),
        *(str(mode["id"]) for mode in DELIVERY_MODES.values()),
    }
    return record.get("id") in delivery_ids or record.get("taxonomy_id") == str(
        DELIVERY_TAXONOMY_ID
    )


def _plan(kind, record):
    if kind == "service":
        return read_service(record)
    reader = Reader()
    if kind == "organization":
        plan = read_organisation(reader, record, "organization")
    elif kind == "taxonomy":
        plan = read_taxonomy(reader, record, "taxonomy")
    else:
        plan, taxonomy = read_term(reader, record, "taxonomy_term")
        plan.taxonomy_plan = taxonomy
    if reader.errors:
        raise RecordRejected(reader.errors, reader.warnings)
    plan.warnings = reader.warnings
    return plan


def _plan_id(plan):
    return plan.oruk_id


def _plan_name(plan):
    return (
        getattr(plan, "name", None) or plan.fields.get("name") or plan.fields.get("title") or ""
    )[:80]


def _service_of(record):
    """The service of a service_at_location record, with this place among its locations."""
    service = dict(record["service"])
    sal = {key: value for key, value in record.items() if key not in ("service", "schedules")}
    sals = list(service.get("service_at_locations") or [])
    if not any(isinstance(item, dict) and item.get("id") == sal.get("id") for item in sals):
        sals.append(sal)
    service["service_at_locations"] = sals
    return service


def _validation_errors(error):
    if hasattr(error, "message_dict"):
        return [
            (name if name != "__all__" else "(record)", " ".join(messages))
            for name, messages in error.message_dict.items()
        ]
    return [("(record)", " ".join(error.messages))]
