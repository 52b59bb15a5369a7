"""One record at a time: validate it, read it into plans, and apply them in a transaction of its
own, so that a record is either imported whole or rejected whole."""

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from services_directory.api.schemas import errors_for, v1_validator, v3_validator

from .. import v1
from ..fields import Reader
from ..last_modified import deferred_touches
from ..mapping import RecordRejected, read_organisation, read_service, read_taxonomy, read_term
from .report import RecordResult
from .shapes import is_delivery, record_kind, service_of

KIND_SCHEMAS = {
    "service": "service",
    "organization": "organization",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
    "service_at_location": "service_at_location",
}


class RecordImporter:
    """Takes an import's records one by one, adding a RecordResult for each to the report."""

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
        if kind in ("taxonomy", "taxonomy_term") and is_delivery(record):
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
            self._unit(index, "service", service_of(record))
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


def _validation_errors(error):
    if hasattr(error, "message_dict"):
        return [
            (name if name != "__all__" else "(record)", " ".join(messages))
            for name, messages in error.message_dict.items()
        ]
    return [("(record)", " ".join(error.messages))]
