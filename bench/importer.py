"""Import throughput: services exported as Open Referral UK JSON, imported into a fresh database.

The worker exports in its own database (`export_records`), then runs
`python -m bench.importer FILE` with DATABASE_URL pointing at a copy of the database taken
before any services were generated, so every imported service is new. The same records are then
imported a second time, which measures the idempotent "nothing changed" path a nightly sync takes.
"""

import json
import sys
import time

API_SERVICE = "/api/openreferral/v3/services/{id}"


class NotAvailable(Exception):
    pass


def export_records(count):
    """`count` services as the API's full ORUK service records (GET /services/{id})."""
    from django.test import Client
    from wagtail.models import Locale

    from services_directory.models import ServicePage

    try:
        from services_directory.openreferral import import_records  # noqa: F401
    except ImportError as error:
        raise NotAvailable(f"services_directory.openreferral.import_records: {error}") from None
    english = Locale.objects.get(language_code="en")
    # The newest services are the generated ones, which the fresh copy has never seen.
    services = ServicePage.objects.live().filter(locale=english).order_by("-pk")[:count]
    client = Client(HTTP_COOKIE="bench-uncached=1")
    records = []
    for service in services:
        response = client.get(API_SERVICE.format(id=service.translation_key))
        if response.status_code != 200:
            raise NotAvailable(f"{API_SERVICE} answered {response.status_code}")
        records.append(response.json())
    return records


def timed_import(records):
    from services_directory.openreferral import import_records

    started = time.perf_counter()
    outcome = import_records(records, dry_run=False)
    seconds = time.perf_counter() - started
    return {
        "records": len(records),
        "seconds": seconds,
        "per_second": len(records) / seconds if seconds else 0.0,
        "outcome": repr(outcome)[:300],
    }


def main():
    import django

    django.setup()
    with open(sys.argv[1], encoding="utf-8") as file:
        records = json.load(file)
    first = timed_import(records)
    again = timed_import(records)
    print(json.dumps({"first": first, "again": again}))


if __name__ == "__main__":
    main()
