"""The Open Referral UK JSON schemas the site ships with, and validators that never use the network.

The API answers to them and serves them; the importer (openreferral/) checks records against them.

The schema files are copies kept in ``services_directory/openreferral_schemas`` (see ATTRIBUTION.md
there). The compiled ORUK schemas have no ``$schema`` and no remote ``$ref``; they are checked as
JSON Schema Draft 2020-12 unless they name their own draft (the v1 ones say draft-07).
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path

from jsonschema import FormatChecker, validators
from referencing import Registry

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "openreferral_schemas"
V3_DIR = SCHEMA_DIR / "validator" / "schemas" / "V3.0-UK"
V1_DIR = SCHEMA_DIR / "validator" / "schemas" / "V1.0-UK"
PROFILE_DIR = SCHEMA_DIR / "v3-uk-profile"
TEST_PROFILE = SCHEMA_DIR / "validator" / "test-profiles" / "HSDS-UK-3.0.json"

# RFC 3986: a scheme, a colon, then no spaces or control characters. jsonschema checks "uri" only
# when the optional rfc3987 package is installed, so the format is checked here instead.
_URI_RE = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f<>\"{}|\\^`]+\Z")
_DATE_TIME_RE = re.compile(
    r"\A\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z"
)

# jsonschema's own checks (email, uuid, date…) plus the two below, on this instance only.
format_checker = FormatChecker()


@format_checker.checks("uri")
def is_uri(value):
    if not isinstance(value, str):
        return True
    if not _URI_RE.match(value):
        return False
    # A web address needs a host: "http:/example" is not one.
    if value.lower().startswith(("http:", "https:")):
        return bool(re.match(r"\A[A-Za-z]+://[^/?#\s]+", value))
    return True


@format_checker.checks("date-time")
def is_date_time(value):
    if not isinstance(value, str):
        return True
    if not _DATE_TIME_RE.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


@cache
def load_json(path):
    with Path(path).open(encoding="utf-8") as file:
        return json.load(file)


def v3_schema(name):
    """A schema from the validator's V3.0-UK folder, such as "service" or "taxonomy_list"."""
    return load_json(V3_DIR / f"{name}.json")


def v1_schema(name):
    return load_json(V1_DIR / f"{name}.json")


def profile_file(relative):
    return load_json(PROFILE_DIR / relative)


@cache
def _validator(path):
    schema = load_json(path)
    cls = validators.validator_for(schema, default=validators.Draft202012Validator)
    # An empty registry: a remote $ref fails loudly instead of being fetched.
    return cls(schema, format_checker=format_checker, registry=Registry())


def v3_validator(name):
    return _validator(V3_DIR / f"{name}.json")


def v1_validator(name):
    return _validator(V1_DIR / f"{name}.json")


def validator_for_path(path):
    """A validator for any schema file inside the bundled folder (by path)."""
    path = Path(path).resolve()
    if SCHEMA_DIR not in path.parents:
        raise ValueError(f"{path} is not one of the bundled schemas")
    return _validator(path)


def field_path(error):
    """Where a validation error is, as ``service_at_locations[0].location.latitude``."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(record)"


def describe(error):
    """A short reason for a validation error, without repeating a long value."""
    value = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"the required field '{missing}' is missing"
    if error.validator == "format":
        return f"{_short(value)} is not a valid {error.validator_value}"
    if error.validator == "enum":
        choices = ", ".join(repr(choice) for choice in error.validator_value if choice is not None)
        return f"{_short(value)} is not one of {choices}"
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{_short(value)} should be of type {expected}"
    if error.validator == "pattern":
        return f"{_short(value)} does not have the expected form"
    return error.message if len(error.message) <= 200 else error.message[:199] + "…"


def _short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def errors_for(validator, instance, limit=20):
    """Readable (field, reason) pairs for everything wrong with `instance`, deepest first."""
    found = sorted(
        validator.iter_errors(instance), key=lambda error: list(map(str, error.absolute_path))
    )
    return [(field_path(error), describe(error)) for error in found[:limit]]
