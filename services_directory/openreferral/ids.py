"""Feeds whose ids are not UUIDs, and the parts of a record the site does not keep.

ORUK v3 gives every object a UUID, but real feeds often do not: v1 feeds use integers, and the
validator's own organisation mock has "attr-001". Rejecting such records would turn away whole
councils' directories over ids alone, so an id that is not a UUID is replaced, before the record
is checked, by a UUID derived from the source and the id (``uuid5``). The same feed gives the same
UUIDs every time, so a second import updates the same rows; references to the id
(``organization_id``, ``location_id``, ``parent_id``…) are derived the same way, so links hold.
The record's own id from the source is kept in the import report, and a location's as its
``external_identifier`` when the feed gives it none (no other model has a field for it).

Parts we do not keep (an organisation's identifiers and attributes, funding, metadata) are set
aside before the check, so an error inside them does not reject what we do keep. Everything we keep
is checked as before: a record with an invalid value is still rejected whole.
"""

import re
import uuid

from .plans import NAMESPACE

_UUID_RE = re.compile(
    r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
SOURCE_ID_TYPE = "source id"
# Lists of child objects, by key, and the kind of object in them.
LIST_KINDS = {
    "services": "service",
    "service_at_locations": "service_at_location",
    "schedules": "schedule",
    "service_areas": "service_area",
    "languages": "language",
    "cost_options": "cost_option",
    "contacts": "contact",
    "phones": "phone",
    "attributes": "attribute",
    "addresses": "address",
    "accessibility": "accessibility",
    "taxonomy_terms": "taxonomy_term",
}
OBJECT_KINDS = {
    "organization": "organization",
    "location": "location",
    "service": "service",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
}
REFERENCE_KINDS = {
    "service_id": "service",
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
    "contact_id": "contact",
    "phone_id": "phone",
}
NOT_KEPT = {"organization_identifiers", "funding", "metadata"}
# Attributes are categories only on a service; on anything else they are not kept.
ATTRIBUTES_KEPT_ON = {"service"}


def is_uuid(value):
    return isinstance(value, str) and bool(_UUID_RE.match(value))


class SourceIds:
    """Derives UUIDs for one source's non-UUID ids, and remembers which id each came from."""

    def __init__(self, source=""):
        self.source = source or ""
        self.namespace = uuid.uuid5(NAMESPACE, f"source:{self.source}")
        self.original = {}  # derived UUID -> the source's id

    def uuid_for(self, kind, value):
        """`value` if it is a UUID (or not an id at all, for the schema to reject), else one
        derived from the source, the kind of object and the value."""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return value
        text = str(value).strip()
        if not text or is_uuid(text):
            return value
        derived = str(uuid.uuid5(self.namespace, f"{kind}:{text}"))
        self.original[derived] = text
        return derived

    def prepare(self, record, kind):
        """A copy of `record` with UUIDs for its ids and without the parts we do not keep."""
        return self._object(record, kind, owner=None)

    def _object(self, data, kind, owner):
        result = {}
        for key, value in data.items():
            if key in NOT_KEPT or (key == "attributes" and kind not in ATTRIBUTES_KEPT_ON):
                continue
            if key == "id":
                result[key] = self.uuid_for(kind, value)
            elif key in REFERENCE_KINDS:
                result[key] = self.uuid_for(REFERENCE_KINDS[key], value)
            elif key == "parent_id":
                result[key] = self.uuid_for(kind, value)
            elif key == "link_id":
                result[key] = self.uuid_for(owner or "service", value)
            elif key in LIST_KINDS and isinstance(value, list):
                result[key] = [
                    self._object(item, LIST_KINDS[key], kind) if isinstance(item, dict) else item
                    for item in value
                ]
            elif key in OBJECT_KINDS and isinstance(value, dict):
                result[key] = self._object(value, OBJECT_KINDS[key], kind)
            else:
                result[key] = value
        source_id = self.original.get(result.get("id")) or ""
        # A location's external identifier is where the publisher's own id can be kept (and
        # published); it holds 100 characters, and a UPRN the feed gives comes first.
        if kind == "location" and 0 < len(source_id) <= 100 and not data.get("external_identifier"):
            result["external_identifier"] = source_id
            result["external_identifier_type"] = SOURCE_ID_TYPE
        return result
