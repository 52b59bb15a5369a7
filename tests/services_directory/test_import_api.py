"""Importing from another council's ORUK API: pages followed, partial records fetched in full, and
clear errors when the server fails. No test touches the network: sessions answer from fixtures or
from our own API through Django's test client."""

import io

import pytest
from django.core.management import CommandError, call_command

from services_directory.management.commands import import_openreferral as command
from services_directory.models import ServicePage
from services_directory.openreferral import ApiSource, SourceError, import_records
from services_directory.openreferral.sources import TIMEOUT_SECONDS
from tests.factories.services_directory import (
    DirectoryPageFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from tests.services_directory.fixtures.oruk import ClientSession, StaticSession, load

BASE = "https://directory.example.org/api/v3"
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def page(kind, number, total_pages, contents):
    if kind == "v1":
        return {
            "totalElements": 9,
            "totalPages": total_pages,
            "number": number,
            "size": len(contents),
            "first": number == 1,
            "last": number == total_pages,
            "empty": not contents,
            "content": contents,
        }
    return {
        "total_items": 9,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == total_pages,
        "empty": not contents,
        "contents": contents,
    }


@pytest.mark.django_db
def test_reads_every_page_of_our_own_api_and_finds_nothing_to_change(client, directory):
    for name in ["Ant", "Bee", "Cat", "Dog", "Eel"]:
        ServicePageFactory(parent=directory, title=f"{name} club")
    session = ClientSession(client)

    source = ApiSource("http://testserver/api/openreferral/v3/", session=session, per_page=2)
    report = import_records(source, format=lambda: source.detected or "auto")

    assert [result.status for result in report.results] == ["unchanged"] * 5
    pages = [params["page"] for path, params in session.requested if path.endswith("/services")]
    assert pages == [1, 2, 3]
    assert all(
        params.get("full") == "true"
        for path, params in session.requested
        if path.endswith("/services")
    )
    assert source.notes == []
    assert any(path.endswith("/taxonomy_terms") for path, _params in session.requested)
    assert source.detected == "v3" and source.total == 5


@pytest.mark.django_db
def test_fetches_each_service_in_full_when_the_list_gives_one_to_one_fields(client, directory):
    listing = load("validator-mocks/V3.0-UK-Default/service_list.json")
    session = StaticSession(
        {
            "/api/v3/services": (200, listing),
            f"/api/v3/services/{COUNSELLING}": (
                200,
                load("validator-mocks/V3.0-UK-Default/service_full.json"),
            ),
        }
    )

    report = import_records(ApiSource(BASE, session=session))

    assert report.count("created") == 1
    assert ("/api/v3/services/" + COUNSELLING, None) in session.requested
    assert ServicePage.objects.get().schedules.count() == 1


@pytest.mark.django_db
def test_reads_a_v1_api_page_by_page(directory):
    service = load("v1/service.json")
    second = service | {"id": "FIS-2001", "name": "Dads' club"}
    session = StaticSession(
        {
            ("/api/v1/services", 1): (200, page("v1", 1, 2, [service])),
            ("/api/v1/services", 2): (200, page("v1", 2, 2, [second])),
        }
    )
    source = ApiSource("https://old.example.org/api/v1", session=session)

    report = import_records(source, format=lambda: source.detected or "auto")

    assert report.count("created") == 2, [r.describe() for r in report.results]
    assert source.detected == "v1"
    assert sorted(ServicePage.objects.values_list("title", flat=True)) == [
        "Dads' club",
        "Rainbow Rhyme Time",
    ]


@pytest.mark.django_db
def test_stops_when_a_server_ignores_the_page_parameter(directory):
    full = load("validator-mocks/V3.0-UK-Default/service_full.json")
    session = StaticSession({"/api/v3/services": (200, page("v3", 1, 50, [full]))})

    report = import_records(ApiSource(BASE, session=session))

    assert len(report.results) == 1
    assert [path for path, _page in session.requested].count("/api/v3/services") == 2


@pytest.mark.parametrize(
    ("routes", "message"),
    [
        ({"/api/v3/services": (503, {})}, "answered HTTP 503"),
        (
            {"/api/v3/services": (200, ["not", "a", "page"])},
            "did not answer with a page of records",
        ),
        ({}, "answered HTTP 404"),
    ],
)
def test_http_failures_give_a_clear_error(routes, message):
    with pytest.raises(SourceError, match=message):
        list(ApiSource(BASE, session=StaticSession(routes)))


def test_unreachable_server_gives_a_clear_error():
    class Down:
        def get(self, url, params=None, timeout=None):
            assert timeout == TIMEOUT_SECONDS
            raise ConnectionError("Name or service not known")

    with pytest.raises(
        SourceError, match=r"Could not reach https://directory.example.org/api/v3/services: Name"
    ):
        list(ApiSource(BASE, session=Down()))


def test_non_json_answer_gives_a_clear_error():
    class Html:
        status_code = 200

        def json(self):
            raise ValueError("Expecting value")

    class Session:
        def get(self, url, params=None, timeout=None):
            return Html()

    with pytest.raises(SourceError, match="did not answer with JSON"):
        list(ApiSource(BASE, session=Session()))


@pytest.mark.django_db
def test_command_counts_progress_per_kind_against_each_kinds_total(client, directory, monkeypatch):
    terms = [TaxonomyTermFactory(name=f"Category {n}") for n in range(3)]
    for name in ["Ant", "Bee", "Cat", "Dog", "Eel"]:
        ServicePageFactory(parent=directory, title=f"{name} club", categories=terms[:1])
    monkeypatch.setattr(
        command,
        "ApiSource",
        lambda url, **options: ApiSource(url, session=ClientSession(client), **options),
    )
    out = io.StringIO()

    call_command(
        "import_openreferral",
        "http://testserver/api/openreferral/v3",
        "--per-page",
        "2",
        "--progress-every",
        "2",
        stdout=out,
        stderr=io.StringIO(),
    )

    progress = [line for line in out.getvalue().splitlines() if line.endswith("read…")]
    # Five services, then six terms: three categories and the three delivery methods.
    assert progress == [
        "2 of 5 services read…",
        "4 of 5 services read…",
        "2 of 6 taxonomy terms read…",
        "4 of 6 taxonomy terms read…",
        "6 of 6 taxonomy terms read…",
    ]


@pytest.mark.django_db
def test_command_reports_an_unreachable_api(directory, monkeypatch):
    def refuse(self, path, params=None):
        raise SourceError(f"Could not reach {self.base_url}{path}: refused")

    monkeypatch.setattr(ApiSource, "get", refuse)
    with pytest.raises(
        CommandError, match=r"Could not reach https://directory\.example\.org/api/v3/services"
    ):
        call_command("import_openreferral", BASE, stdout=io.StringIO())
