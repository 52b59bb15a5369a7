"""What an import did, record by record, in words a person can act on."""

from collections import Counter
from dataclasses import dataclass, field

STATUSES = ("created", "updated", "unchanged", "rejected")
KIND_NAMES = {
    "service": ("service", "services"),
    "organization": ("organisation", "organisations"),
    "taxonomy": ("taxonomy", "taxonomies"),
    "taxonomy_term": ("taxonomy term", "taxonomy terms"),
}


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
