"""Helpers shared by the ORUK serializers."""

import datetime
import uuid

# Attributes (a service's link to a taxonomy term) are not rows of their own here: their ids are
# derived from the two ids they join, so they stay the same from one request to the next.
_ATTRIBUTE_NAMESPACE = uuid.uuid5(
    uuid.NAMESPACE_URL, "urn:council-site:services-directory:attribute"
)
CLOSED_PREFIX = "Closed"


def compact(data):
    """Drop optional fields that have no value."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def ident(value):
    return str(value) if value else None


def day(value):
    return value.isoformat() if value else None


def time(value):
    return value.strftime("%H:%M:%S") if value else None


def date_time(value):
    """RFC 3339 in UTC, with microseconds when there are any, so an import keeps the same value."""
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def number(value):
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def attribute_id(link_id, term_id):
    return str(uuid.uuid5(_ATTRIBUTE_NAMESPACE, f"{link_id}:{term_id}"))
