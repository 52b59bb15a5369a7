"""Exporting the directory as Open Referral UK JSON and CSV, and importing it back unchanged."""

import csv
import io
import json
import zipfile
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from services_directory.api.schemas import PROFILE_DIR, load_json
from services_directory.demo.loader import load_demo_directory
from services_directory.models import Location, Organisation, ServicePage, Taxonomy, TaxonomyTerm
from services_directory.openreferral import ApiSource, import_records
from tests.factories.services_directory import (
    DirectoryPageFactory,
    LocationFactory,
    ServicePageFactory,
)
from tests.services_directory.fixtures.oruk import (
    API,
    ClientSession,
    StaticSession,
    full_service,
    schema_errors,
)


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def services(directory):
    first = full_service(directory)
    parent = first.categories.get().parent
    second = ServicePageFactory(
        parent=directory,
        title="Dads' group",
        categories=[parent],
        locations=[
            LocationFactory(
                name="Oak Hall",
                postal_code="CR0 2AA",
                latitude=51.3801,
                longitude=-0.1012,
                region="London",
            ),
            LocationFactory(
                name="Phone line",
                location_type="virtual",
                postal_code="",
                address_1="",
                city="",
                latitude=None,
                longitude=None,
            ),
        ],
        delivered_in_person=False,
        delivered_by_phone=True,
        minimum_age=None,
        maximum_age=None,
    )
    return [first, second]


def api_snapshot(client):
    listing = client.get(API + "/services", {"full": "true", "per_page": 500}).json()
    services = listing["contents"]
    details = [client.get(f"{API}/services/{item['id']}").json() for item in services]
    terms = client.get(API + "/taxonomy_terms", {"per_page": 500}).json()["contents"]
    organisations = client.get(API + "/organizations", {"per_page": 500}).json()["contents"]
    locations = client.get(API + "/service_at_locations", {"per_page": 500}).json()["contents"]
    return {
        "total": listing["total_items"],
        "services": services,
        "details": details,
        "terms": terms,
        "organisations": organisations,
        "locations": locations,
    }


def empty_the_directory():
    ServicePage.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    TaxonomyTerm.objects.all().delete()
    Taxonomy.objects.all().delete()


@pytest.mark.django_db
def test_json_export_then_import_into_an_empty_directory_gives_the_same_api(
    client, services, tmp_path
):
    before = api_snapshot(client)
    path = tmp_path / "services.json"
    call_command(
        "export_openreferral", "--format", "json", "--output", str(path), stdout=io.StringIO()
    )

    empty_the_directory()
    assert client.get(API + "/services").json()["total_items"] == 0
    report = import_records(json.loads(path.read_text()))

    assert report.count("created") == 2, [r.describe() for r in report.results]
    after = api_snapshot(client)
    for key in before:
        assert json.dumps(after[key], indent=1, sort_keys=True) == json.dumps(
            before[key], indent=1, sort_keys=True
        ), key
    assert {result.status for result in import_records(json.loads(path.read_text())).results} == {
        "unchanged"
    }


@pytest.mark.django_db
def test_json_export_is_a_list_of_valid_full_services(services, tmp_path):
    path = tmp_path / "services.json"
    out = io.StringIO()

    call_command("export_openreferral", "--format", "json", "--output", str(path), stdout=out)

    data = json.loads(path.read_text())
    assert "Wrote 2 services" in out.getvalue()
    assert [item["name"] for item in data] == ["Dads' group", "Incredible Years parenting course"]
    assert [schema_errors(item, "service") for item in data] == [[], []]
    assert data[1]["schedules"] and data[1]["languages"][0]["code"] == "pl"


def datapackage_tables():
    package = load_json(PROFILE_DIR / "datapackage.json")
    return {
        resource["path"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in package["resources"]
    }


def read_csv(text):
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.django_db
def test_csv_export_writes_every_table_with_the_datapackage_headers(services, tmp_path):
    folder = tmp_path / "oruk"

    call_command(
        "export_openreferral", "--format", "csv", "--output", str(folder), stdout=io.StringIO()
    )

    tables = datapackage_tables()
    assert {path.name for path in folder.iterdir()} == {*tables, "datapackage.json"}
    for name, columns in tables.items():
        assert read_csv((folder / name).read_text())[0] == columns, name
    services_csv = {row["name"]: row for row in csv.DictReader((folder / "services.csv").open())}
    assert services_csv["Incredible Years parenting course"]["minimum_age"] == "3"
    assert services_csv["Dads' group"]["minimum_age"] == ""
    schedules = list(csv.DictReader((folder / "schedule.csv").open()))
    assert {row["byday"] for row in schedules} >= {"TU,TH", "SA"}
    links = list(csv.DictReader((folder / "service_at_location.csv").open()))
    locations = {row["id"]: row for row in csv.DictReader((folder / "locations.csv").open())}
    assert {locations[row["location_id"]]["name"] for row in links} == {
        "Oak Hall",
        "Phone line",
        services[0].service_at_locations.get().location.name,
    }


@pytest.mark.django_db
def test_csv_export_can_be_a_zip(services, tmp_path):
    path = tmp_path / "oruk.zip"

    call_command(
        "export_openreferral", "--format", "csv", "--output", str(path), stdout=io.StringIO()
    )

    with zipfile.ZipFile(path) as archive:
        assert "datapackage.json" in archive.namelist()
        rows = read_csv(archive.read("services.csv").decode())
    assert rows[0] == datapackage_tables()["services.csv"]
    assert len(rows) == 3


class RecordingSession(ClientSession):
    """Our API through the test client, keeping every answer to replay once the data is gone."""

    def __init__(self, client):
        super().__init__(client)
        self.routes = {}

    def get(self, url, params=None, timeout=None, headers=None):
        response = super().get(url, params=params, timeout=timeout)
        self.routes[(urlsplit(url).path, (params or {}).get("page"))] = (
            response.status_code,
            response.json(),
        )
        return response


@pytest.mark.django_db
def test_demo_directory_read_through_the_api_into_an_empty_directory_is_the_same(client, home_page):
    load_demo_directory(home_page, stdout=io.StringIO())
    before = api_snapshot(client)
    recording = RecordingSession(client)
    list(ApiSource("http://testserver/api/openreferral/v3", session=recording, per_page=20))

    empty_the_directory()
    source = ApiSource(
        "http://testserver/api/openreferral/v3",
        session=StaticSession(recording.routes),
        per_page=20,
    )
    report = import_records(source)

    assert report.count("rejected") == 0 and report.count("created", "service") == before["total"]
    assert report.notes == []
    after = api_snapshot(client)
    for key in before:
        assert after[key] == before[key], key
