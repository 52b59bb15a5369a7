"""Export the directory as Open Referral UK v3: JSON (full service objects, as the API gives them)
or CSV (one file per table of the UK profile's datapackage.json, the profile's tabular form).
"""

import contextlib
import csv
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.utils.translation import override

from services_directory.api import queries, serializers
from services_directory.api.schemas import PROFILE_DIR, load_json

BATCH_SIZE = 200


def service_objects(batch_size=BATCH_SIZE):
    """Every published service as a full ORUK object, fetched a batch at a time."""
    pks = list(
        queries.published_services()
        .order_by("title", "translation_key")
        .values_list("pk", flat=True)
    )
    with override("en"):
        for start in range(0, len(pks), batch_size):
            for page in queries.services_in_order(pks[start : start + batch_size]):
                yield serializers.service(page)


def export_json(path):
    """Write a JSON list of full service objects to `path`; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as file:
        file.write("[")
        for item in service_objects():
            file.write(",\n" if count else "\n")
            file.write(json.dumps(item, ensure_ascii=False))
            count += 1
        file.write("\n]\n")
    return count


def datapackage():
    return load_json(PROFILE_DIR / "datapackage.json")


def tables():
    """{resource name: (file name, column names)} from the UK profile's data package."""
    return {
        resource["name"]: (
            resource["path"],
            [column["name"] for column in resource["schema"]["fields"]],
        )
        for resource in datapackage()["resources"]
    }


def export_csv(path):
    """Write the CSV tables into the directory `path`, or into a zip file if `path` ends in .zip.

    Returns {table name: number of rows}.
    """
    path = Path(path)
    if path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory() as folder:
            counts = _write_tables(Path(folder))
            with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for file in sorted(Path(folder).iterdir()):
                    archive.write(file, file.name)
        return counts
    path.mkdir(parents=True, exist_ok=True)
    return _write_tables(path)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_tables(folder):
    layout = tables()
    counts = dict.fromkeys(layout, 0)
    with contextlib.ExitStack() as stack:
        writers = {}
        for name, (file_name, columns) in layout.items():
            file = stack.enter_context(open(folder / file_name, "w", newline="", encoding="utf-8"))
            writer = csv.DictWriter(file, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writers[name] = writer

        def write(table, row):
            if table in writers:
                writers[table].writerow({key: _cell(value) for key, value in row.items()})
                counts[table] += 1

        with override("en"):
            _snippet_rows(write)
            for service in service_objects():
                _service_rows(service, write)
    shutil.copyfile(PROFILE_DIR / "datapackage.json", folder / "datapackage.json")
    return counts


def _snippet_rows(write):
    for org in queries.organisations().order_by("name", "translation_key"):
        write("organization", serializers.organization(org))
    for location in queries.locations().order_by("name", "translation_key"):
        data = serializers.location(location)
        write("location", data)
        for address in data["addresses"]:
            write("address", address)
        for item in data["accessibility"]:
            write("accessibility", item | {"accessibility": item.get("description", "")})
    write("taxonomy", serializers.delivery_taxonomy())
    for taxonomy in queries.taxonomies().order_by("name", "translation_key"):
        write("taxonomy", serializers.taxonomy(taxonomy))
    for term in serializers.delivery_terms():
        write("taxonomy_term", term | {"term": term["name"]})
    for term in queries.taxonomy_terms().order_by("name", "translation_key"):
        data = serializers.taxonomy_term(term)
        write("taxonomy_term", data | {"term": data["name"]})


def _service_rows(service, write):
    # The UK tables have no phone-to-service link (phones belong to contacts there), so service
    # phones stay in the JSON export only.
    write("service", service)
    for row in service["attributes"]:
        write("attribute", row)
    for row in service["service_at_locations"]:
        write("service_at_location", row)
    for row in service["contacts"]:
        write("contact", row)
    for row in service["schedules"]:
        write("schedule", row | {"service_id": row.get("service_id") or service["id"]})
    for row in service["service_areas"]:
        write("service_area", row | {"service_area": row.get("description") or row.get("name")})
    for row in service["languages"]:
        write("language", row)
    for row in service["cost_options"]:
        write("cost_option", row)
