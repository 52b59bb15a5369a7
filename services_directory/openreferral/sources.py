"""Where records come from: an ORUK API (paged, v3 or v1) or a JSON file.

The API is read with requests, a 10-second timeout per request, and a clear error for anything
but a JSON 200. Tests pass a session of their own (see tests/services_directory/fixtures/oruk.py)
so no test ever reaches the network.
"""

import json
from pathlib import Path
from urllib.parse import quote

TIMEOUT_SECONDS = 10
MAX_PAGES = 100_000
PATH_KINDS = {"/services": "service", "/taxonomy_terms": "taxonomy_term"}
NESTED_KEYS = ("service_at_locations", "schedules")
V1_NESTED_KEYS = ("service_at_locations", "regular_schedules")


class SourceError(Exception):
    """The source could not be read; the message says which address or file and why."""


def is_url(source):
    return str(source).startswith(("http://", "https://"))


def envelope_format(data):
    """ "v3" or "v1" for a page envelope, None for anything else."""
    if isinstance(data, dict):
        if isinstance(data.get("contents"), list) or "total_items" in data:
            return "v3"
        if isinstance(data.get("content"), list) or "totalElements" in data:
            return "v1"
    return None


def records_in(data):
    """The records in a parsed JSON document: one object, a list, or a page envelope."""
    kind = envelope_format(data)
    if kind == "v3":
        return data.get("contents") or []
    if kind == "v1":
        return data.get("content") or []
    if isinstance(data, list):
        return data
    return [data]


def read_file(path):
    """(records, format hint) from a JSON file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as file:
            data = json.load(file)
    except FileNotFoundError as error:
        raise SourceError(f"There is no file {path}.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{path} could not be read: {error}") from error
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{path} is not JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error
    return records_in(data), envelope_format(data)


class ApiSource:
    """Services from an ORUK API, page by page, fetching each in full when the list is partial."""

    def __init__(self, base_url, session=None, per_page=100, format="auto"):
        self.base_url = base_url.rstrip("/")
        self.per_page = per_page
        self.format = format
        if session is None:
            # Here, not at the top: every process loads this package at start-up (apps.ready),
            # and only an import from a live API needs requests.
            import requests

            session = requests.Session()
            session.headers["Accept"] = "application/json"
        self.session = session
        self.detected = None if format == "auto" else format
        self.total = None  # services the API says it has
        self.totals = {}  # kind ("service", "taxonomy_term") -> items the API says it has
        self.notes = []

    def get(self, path, params=None):
        url = f"{self.base_url}{path}"
        try:
            response = self.session.get(url, params=params, timeout=TIMEOUT_SECONDS)
        except (
            Exception
        ) as error:  # requests raises a family of transport errors; all mean "unreachable"
            raise SourceError(f"Could not reach {url}: {error}") from error
        if response.status_code != 200:
            raise SourceError(f"{url} answered HTTP {response.status_code}, not 200.")
        try:
            return response.json()
        except ValueError as error:
            raise SourceError(f"{url} did not answer with JSON.") from error

    def __iter__(self):
        """Services, then (v3) every taxonomy term, so that parents no service uses come too.

        Items are ("service", record) or ("taxonomy_term", record) pairs, as import_records takes.
        """
        for records in self._pages("/services", {"full": "true"}):
            for record in records:
                yield "service", self._complete(record)
        if self.detected == "v3":
            yield from (("taxonomy_term", record) for record in self._terms())

    def _terms(self):
        try:
            for records in self._pages("/taxonomy_terms", {}):
                yield from records
        except SourceError as error:
            # /taxonomy_terms is optional (the validator's level 2): services import without it.
            self.notes.append(f"Taxonomy terms not read: {error}")

    def _pages(self, path, params):
        seen_pages = set()
        page = 1
        while page <= MAX_PAGES:
            data = self.get(path, {"page": page, "per_page": self.per_page, **params})
            kind = envelope_format(data)
            if kind is None:
                raise SourceError(f"{self.base_url}{path} did not answer with a page of records.")
            self.detected = self.detected or kind
            records = records_in(data)
            ids = tuple(record.get("id") for record in records if isinstance(record, dict))
            if ids and ids in seen_pages:
                # A server that ignores "page" would otherwise be read for ever.
                break
            seen_pages.add(ids)
            total = data.get("total_items" if kind == "v3" else "totalElements")
            if isinstance(total, int) and not isinstance(total, bool):
                self.totals[PATH_KINDS[path]] = total
                if path == "/services":
                    self.total = total
            yield records
            if not records or self._last(data, kind, page):
                break
            page += 1

    def _last(self, data, kind, page):
        if kind == "v3":
            last, pages = data.get("last_page"), data.get("total_pages")
        else:
            last, pages = data.get("last"), data.get("totalPages")
        if last is True:
            return True
        return isinstance(pages, int) and page >= pages

    def _complete(self, record):
        """The full record: lists give "one-to-one fields" only, so fetch /services/{id} too."""
        if not isinstance(record, dict) or not record.get("id"):
            return record
        keys = V1_NESTED_KEYS if self.detected == "v1" else NESTED_KEYS
        if all(key in record for key in keys):
            return record
        return self.get(f"/services/{quote(str(record['id']), safe='')}")

    def close(self):
        close = getattr(self.session, "close", None)
        if close:
            close()
