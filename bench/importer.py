"""Import throughput: services exported as Open Referral UK JSON, imported into a fresh database.

The worker exports in its own database (`export_records`), then runs
`python -m bench.importer FILE` with DATABASE_URL pointing at a copy of the database taken
before any services were generated, so every imported service is new. The same records are then
imported a second time, which measures the idempotent "nothing changed" path a nightly sync takes.
"""

import json
import sys
import time


class NotAvailable(Exception):
    pass


def export_records(count):
    """The `count` newest services as full ORUK objects, exactly as export_openreferral writes them.

    The newest are the generated ones, which the fresh copy of the database has never seen.
    Returns (records, seconds spent exporting).
    """
    try:
        from django.utils.translation import override

        from services_directory.api import queries, serializers
        from services_directory.openreferral import import_records  # noqa: F401
    except ImportError as error:
        raise NotAvailable(f"the Open Referral import/export is not there yet: {error}") from None
    started = time.perf_counter()
    pks = list(queries.published_services().order_by("-pk").values_list("pk", flat=True)[:count])
    records = []
    with override("en"):
        for start in range(0, len(pks), 200):  # the batch size export_json uses
            records += [
                serializers.service(page)
                for page in queries.services_in_order(pks[start : start + 200])
            ]
    return records, time.perf_counter() - started


def timed_import(records):
    from services_directory.openreferral import import_records

    started = time.perf_counter()
    report = import_records(records, dry_run=False)
    seconds = time.perf_counter() - started
    counts = report.counts
    return {
        "records": len(records),
        "seconds": seconds,
        "per_second": len(records) / seconds if seconds else 0.0,
        "services": {status: n for (kind, status), n in counts.items() if kind == "service"},
        "rejected": [line for result in report.rejected[:3] for line in result.describe()],
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
