"""What reading an ORUK record produces: plans of the rows to create or update, or a rejection."""

import uuid
from dataclasses import dataclass, field

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:openreferral:import")


class RecordRejected(Exception):
    def __init__(self, errors, warnings=()):
        super().__init__("; ".join(f"{path}: {reason}" for path, reason in errors))
        self.errors = list(errors)
        self.warnings = list(warnings)


@dataclass
class SnippetPlan:
    """One organisation, location, taxonomy or term to create or bring up to date."""

    model: type
    oruk_id: str
    fields: dict
    # True when the record only names it (a term's taxonomy): set what is given, keep the rest.
    partial: bool = False
    parent_id: str | None = None
    taxonomy_id: str | None = None
    # A taxonomy known only by name: an existing one of that name is the one meant.
    lookup_name: str | None = None


@dataclass
class ServicePlan:
    oruk_id: str
    name: str
    fields: dict
    organisation: SnippetPlan | None = None
    organisation_id: str | None = None
    locations: dict = field(default_factory=dict)
    rows: dict = field(
        default_factory=dict
    )  # relation -> list of field dicts, or None to leave alone
    taxonomies: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    category_ids: list | None = None  # None: the record has no attributes, leave ours alone
    delivery: dict | None = None  # delivered_* flags, None as for category_ids
    default_delivery: dict = field(default_factory=dict)  # for a new service given no attributes
    last_modified: object = None
    warnings: list = field(default_factory=list)

    def snippets(self):
        """Everything the service points at, in an order where each comes after what it needs."""
        yield from self.taxonomies.values()
        yield from self.terms.values()
        if self.organisation:
            yield self.organisation
        yield from self.locations.values()


def as_uuid(reader, value, path):
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        reader.error(path, "is not a UUID")
        return None


def as_list(record, key):
    value = record.get(key)
    return value if isinstance(value, list) else None
