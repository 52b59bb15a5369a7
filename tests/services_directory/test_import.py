"""Importing Open Referral UK records: whole or not at all, by ORUK id, and again without change."""

import copy
import io
import json
import re
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend

from services_directory.api.schemas import errors_for, v1_validator
from services_directory.models import (
    Location,
    Organisation,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)
from services_directory.openreferral import ImportSetupError, import_records
from services_directory.openreferral.upsert import Applier
from tests.directory_support import page_text, result_names, search
from tests.factories.services_directory import DirectoryPageFactory
from tests.services_directory.fixtures.oruk import API, FIXTURES, load, schema_errors

DEFAULT = "validator-mocks/V3.0-UK-Default/service_full.json"
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def api_service(client, oruk_id):
    response = client.get(f"{API}/services/{oruk_id}")
    assert response.status_code == 200
    return response.json()


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (ServicePage, Organisation, Location, Taxonomy, TaxonomyTerm)
    }


@pytest.mark.django_db
def test_validator_default_example_imports_and_is_published(client, directory):
    report = import_records([load(DEFAULT)])

    assert report.count("created") == 1
    page = ServicePage.objects.get(translation_key=COUNSELLING)
    assert page.live and page.get_parent().specific == directory
    data = api_service(client, COUNSELLING)
    assert schema_errors(data, "service") == []
    assert data["name"] == "Community Counselling"
    assert (data["minimum_age"], data["maximum_age"]) == (12, 100)
    assert data["last_modified"].startswith("2023-03-15T10:30:45.123")
    assert data["organization"]["name"] == "Example Organization Inc."
    location = data["service_at_locations"][0]["location"]
    assert location["name"] == "MyCity Civic Center"
    assert location["addresses"][0]["address_1"] == "1-30 Main Street"
    assert "latitude" not in location  # 100, 101 is not on Earth: dropped with a warning
    assert [(s["byday"], s["opens_at"]) for s in data["schedules"]] == [("TH,FR", "10:00:00")]
    assert data["cost_options"][0]["amount"] == 35
    assert "name" in {a["taxonomy_term"]["name"] for a in data["attributes"]}
    warnings = report.results[0].warnings
    assert any("latitude" in warning for warning in warnings)
    # Editors see where the organisation is used, as for a service they made themselves.
    organisation = Organisation.objects.get()
    assert ReferenceIndex.get_references_to(organisation).filter(object_id=str(page.pk)).exists()


@pytest.mark.django_db
def test_a_second_import_changes_nothing(directory):
    import_records([load(DEFAULT), load("v1/service.json")])
    before = (
        row_counts(),
        Revision.objects.count(),
        list(ServicePage.objects.values_list("last_modified", flat=True)),
    )

    report = import_records([load(DEFAULT), load("v1/service.json")])

    assert [result.status for result in report.results] == ["unchanged", "unchanged"]
    after = (
        row_counts(),
        Revision.objects.count(),
        list(ServicePage.objects.values_list("last_modified", flat=True)),
    )
    assert after == before


@pytest.mark.django_db
def test_a_changed_record_updates_the_service_with_a_new_revision(client, directory):
    record = load(DEFAULT)
    import_records([record])
    revisions = Revision.objects.count()
    changed = copy.deepcopy(record)
    changed["name"] = "Community Counselling Service"
    changed["cost_options"] = []
    changed["last_modified"] = "2024-01-02T09:00:00Z"

    report = import_records([changed])

    assert report.count("updated") == 1
    assert {"title", "cost_options", "last_modified"} <= set(report.results[0].changes)
    assert Revision.objects.count() == revisions + 1
    data = api_service(client, COUNSELLING)
    assert data["name"] == "Community Counselling Service"
    assert data["cost_options"] == []
    assert data["last_modified"] == "2024-01-02T09:00:00Z"
    assert ServicePage.objects.count() == 1


@pytest.mark.django_db
def test_a_list_record_without_nested_lists_leaves_them_alone(client, directory):
    import_records([load(DEFAULT)])

    report = import_records(load("validator-mocks/V3.0-UK-Default/service_list.json")["contents"])

    assert report.count("unchanged") == 1
    assert api_service(client, COUNSELLING)["schedules"]


@pytest.mark.django_db
def test_validator_fail_examples_are_rejected_with_readable_reasons(directory):
    records = [
        load("validator-mocks/V3.0-UK-Fail/service_full.json"),
        *load("validator-mocks/V3.0-UK-Fail/service_list.json")["contents"],
    ]

    report = import_records(records)

    assert report.count("rejected") == 5
    assert row_counts() == {
        "ServicePage": 0,
        "Organisation": 0,
        "Location": 0,
        "Taxonomy": 0,
        "TaxonomyTerm": 0,
    }
    first = report.rejected[0].describe()
    assert first[0] == f'record 1 (service {COUNSELLING} "Community Counselling"): rejected'
    assert '  - url: "example/counselling" is not a valid uri' in first
    assert '  - email: "email-example_com" is not a valid email' in first
    second = report.rejected[1].describe()
    assert "  - (record): the required field 'name' is missing" in second


@pytest.mark.django_db
def test_a_record_wrong_deep_inside_is_rejected_whole(directory):
    record = load(DEFAULT)
    record["schedules"].append(
        {"id": "1c6b1c51-9f2c-4a55-a2f1-8ff6d4a6e2f1", "byday": "XX", "opens_at": "09:00"}
    )
    record["alert"] = "x" * 300

    report = import_records([record])

    assert report.count("rejected") == 1
    reasons = dict(report.rejected[0].errors)
    assert reasons["schedules[1].byday"] == "should be day codes such as MO,WE,FR"
    assert reasons["alert"] == "is 300 characters long; at most 255 fit"
    assert row_counts()["Organisation"] == 0 and row_counts()["Location"] == 0


@pytest.mark.django_db
def test_a_failure_while_saving_rolls_back_everything_of_that_record(directory, monkeypatch):
    def refuse(*args, **kwargs):
        raise ValidationError({"title": ["Refused for the test."]})

    monkeypatch.setattr(Applier, "_write", refuse)

    report = import_records([load(DEFAULT)])

    assert report.rejected[0].errors == [("title", "Refused for the test.")]
    # The organisation, location and term were saved before the page failed: all rolled back.
    assert row_counts() == {
        "ServicePage": 0,
        "Organisation": 0,
        "Location": 0,
        "Taxonomy": 0,
        "TaxonomyTerm": 0,
    }


def copies(count):
    """The validator's service `count` times over, as different services of one organisation."""
    return [
        load(DEFAULT)
        | {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"copy-{n}")), "name": f"Copy {n}"}
        for n in range(count)
    ]


@pytest.mark.django_db
def test_imported_services_are_found_by_keyword_and_later_saves_still_index(client, directory):
    report = import_records([*copies(2), load("validator-mocks/V3.0-UK-Fail/service_full.json")])

    assert [result.status for result in report.results] == ["created", "created", "rejected"]
    found = client.get(f"{API}/services", {"search": "counselling"}).json()
    assert sorted(item["name"] for item in found["contents"]) == ["Copy 0", "Copy 1"]
    # The index follows editors' saves again once the import is over.
    page = ServicePage.objects.get(title="Copy 0")
    page.title = "Copy 0, now on Saturdays"
    page.save_revision().publish()
    found = client.get(f"{API}/services", {"search": "saturdays"}).json()
    assert [item["name"] for item in found["contents"]] == ["Copy 0, now on Saturdays"]


@pytest.mark.django_db
def test_a_search_index_that_fails_is_named_and_the_import_stands(directory, monkeypatch):
    def down(self, model, objs):
        raise ConnectionError("search engine down")

    backend = type(get_search_backend("default"))
    monkeypatch.setattr(backend, "add_bulk", down)

    report = import_records([load(DEFAULT)])

    assert report.count("created") == 1
    assert ServicePage.objects.filter(translation_key=COUNSELLING).exists()
    assert "The 'default' search index was not updated: run manage.py update_index." in (
        report.summary()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("table", ["organisation", "location", "taxonomyterm"])
def test_a_feed_naming_the_same_snippet_again_looks_it_up_once(directory, table):
    def lookups(records):
        with CaptureQueriesContext(connection) as queries:
            import_records(records)
        column = f'"services_directory_{table}"."translation_key" IN'
        equals = f'"services_directory_{table}"."translation_key" ='
        return sum(
            1
            for q in queries
            if q["sql"].startswith("SELECT") and (column in q["sql"] or equals in q["sql"])
        )

    assert lookups(copies(2)) == lookups(copies(6)[2:])  # after the first two: none at all


@pytest.mark.django_db
def test_a_rolled_back_record_leaves_no_stale_snippet_for_the_next(directory, monkeypatch):
    import_records([load(DEFAULT)])
    renamed = load(DEFAULT) | {"name": "Community Counselling Service"}
    renamed["organization"] = renamed["organization"] | {"name": "Example Organisation Ltd"}
    write = Applier._write
    calls = []

    def refuse_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ValidationError({"title": ["Refused for the test."]})
        return write(self, *args, **kwargs)

    monkeypatch.setattr(Applier, "_write", refuse_once)

    report = import_records([renamed, renamed])

    assert [result.status for result in report.results] == ["rejected", "updated"]
    assert "organisation updated" in report.results[1].changes
    assert Organisation.objects.get().name == "Example Organisation Ltd"


@pytest.mark.django_db
def test_one_bad_record_does_not_stop_the_good_ones(directory):
    report = import_records(
        [load("validator-mocks/V3.0-UK-Fail/service_full.json"), load(DEFAULT), "not an object"]
    )

    assert [result.status for result in report.results] == ["rejected", "created", "rejected"]
    assert ServicePage.objects.count() == 1


@pytest.mark.django_db
def test_dry_run_reports_what_would_change_and_saves_nothing(directory):
    report = import_records([load(DEFAULT), load("v1/service.json")], dry_run=True)

    assert report.count("created") == 2
    assert "Dry run: nothing was saved." in report.summary()
    assert row_counts() == {
        "ServicePage": 0,
        "Organisation": 0,
        "Location": 0,
        "Taxonomy": 0,
        "TaxonomyTerm": 0,
    }

    import_records([load(DEFAULT)])
    changed = load(DEFAULT) | {"description": "Counselling for everyone."}
    report = import_records([changed], dry_run=True)
    assert report.count("updated") == 1
    assert report.results[0].changes == ["description"]
    assert ServicePage.objects.get().description.startswith("Counselling Services provided")


@pytest.mark.django_db
def test_v1_service_imports_with_its_schedules_ages_languages_and_categories(client, directory):
    record = load("v1/service.json")
    assert errors_for(v1_validator("service"), record) == []

    report = import_records([record])

    assert report.count("created") == 1, report.results[0].describe()
    page = ServicePage.objects.get()
    data = api_service(client, page.translation_key)
    assert schema_errors(data, "service") == []
    assert data["name"] == "Rainbow Rhyme Time"
    assert (data["minimum_age"], data["maximum_age"]) == (0, 3)
    assert data["organization"]["website"] == "https://www.example.org/libraries"
    assert data["application_process"] == "Drop in, no need to book."
    location = data["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "CR0 1AB"
    assert location["accessibility"][0]["description"] == "Step-free access and baby changing."
    sessions = {
        (s.get("byday"), s.get("opens_at")) for s in data["service_at_locations"][0]["schedules"]
    }
    assert sessions == {("TU", "10:00:00"), ("SA", "11:00:00")}
    closures = [s for s in data["schedules"] if s.get("description") == "Closed"]
    assert [(c["valid_from"], c["valid_to"]) for c in closures] == [("2024-12-24", "2025-01-01")]
    assert [(item["code"], item["name"]) for item in data["languages"]] == [
        ("en", "English"),
        ("pl", "Polish"),
    ]
    assert data["phones"][0]["number"] == "020 7946 0456"
    terms = {a["taxonomy_term"]["name"]: a["taxonomy_term"] for a in data["attributes"]}
    assert terms["Early learning and childcare"]["taxonomy"] == "Northbrook family services"
    assert "In person" in terms and "Online" not in terms


def with_language(**language):
    record = load(DEFAULT)
    record["languages"] = [{"id": "2989d3ed-c547-48f8-8f9d-432d81c7892e", **language}]
    return record


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "code", "name"),
    [
        ({"code": "pol"}, "pl", "Polish"),
        ({"code": "ara"}, "ar", "Arabic"),
        ({"code": "ben"}, "bn", "Bengali"),
        ({"code": "urd"}, "ur", "Urdu"),
        ({"code": "ron"}, "ro", "Romanian"),
        ({"code": "rum"}, "ro", "Romanian"),
        ({"code": "PL", "name": "Polski"}, "pl", "Polish"),
        ({"code": "pt-BR"}, "pt", "Portuguese"),
        ({"code": "arb", "name": "Standard Arabic"}, "ar", "Arabic"),
        ({"code": "bfi"}, "bfi", "British Sign Language"),
        ({"name": "Polish"}, "pl", "Polish"),
        ({"name": "farsi"}, "fa", "Persian"),
        ({"name": "Punjabi (Gurmukhi)"}, "pa", "Punjabi"),
    ],
)
def test_a_language_becomes_one_of_the_sites_own(client, directory, given, code, name):
    report = import_records([with_language(**given)])

    assert report.count("created") == 1, report.results[0].describe()
    assert not [w for w in report.results[0].warnings if w.startswith("languages")]
    languages = api_service(client, COUNSELLING)["languages"]
    assert [(item["code"], item["name"]) for item in languages] == [(code, name)]


@pytest.mark.django_db
def test_an_imported_iso_639_3_language_is_shown_and_found_as_polish(client, directory):
    import_records([with_language(code="pol")])
    page = ServicePage.objects.get(translation_key=COUNSELLING)

    text = page_text(client.get(page.url))
    assert "Polish" in text and "pol " not in text
    assert "Community Counselling" in result_names(search(client, directory, language="pl"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"code": "ko", "name": "Korean"}, "'Korean' ('ko')"),
        ({"code": "kor"}, "'kor'"),
        ({"name": "Sylheti"}, "'Sylheti'"),
        ({}, "(no name or code)"),
    ],
)
def test_a_language_the_site_does_not_list_is_left_out_with_a_warning(
    client, directory, given, said
):
    report = import_records([with_language(**given)])

    assert report.count("created") == 1
    assert api_service(client, COUNSELLING)["languages"] == []
    assert (
        f"languages[0]: {said} is not one of the site's languages, so it was left out; a "
        "developer can add it to LANGUAGE_CHOICES"
    ) in report.results[0].warnings


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("v3-uk-profile/service_full.json", {("service", "created")}),
        ("v3-uk-profile/service_list.json", {("service", "created")}),
        (
            "v3-uk-profile/organization_full.json",
            {("organization", "created"), ("service", "created")},
        ),
        ("v3-uk-profile/service_at_location_full.json", {("service", "created")}),
        ("v3-uk-profile/taxonomy.json", {("taxonomy", "created"), ("taxonomy_term", "created")}),
        ("v3-uk-profile/taxonomy_term.json", {("taxonomy_term", "created")}),
    ],
)
def test_uk_profile_examples_import(client, directory, name, kinds):
    data = load(name)
    records = data.get("contents", [data])

    report = import_records(records)

    assert {(result.kind, result.status) for result in report.results} == kinds, [
        r.describe() for r in report.results
    ]
    if ("service", "created") in kinds:
        assert schema_errors(api_service(client, COUNSELLING), "service") == []
    assert {result.status for result in import_records(records).results} == {"unchanged"}


ORGANISATIONS = "validator-mocks/V3.0-UK-Default/organization_list.json"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def with_own_ids(uprn=True):
    """The validator's service as a council might publish it: its own ids, not UUIDs (the
    service's an integer, as v1 feeds have them)."""
    text = (FIXTURES / DEFAULT).read_text(encoding="utf-8")
    for n, value in enumerate(dict.fromkeys(_UUID.findall(text))):
        text = text.replace(f'"{value}"', "1042" if n == 0 else f'"NB-{n}"')
    feed = json.loads(text)
    if not uprn:
        location = feed["service_at_locations"][0]["location"]
        del location["external_identifier"], location["external_identifier_type"]
    return feed


@pytest.mark.django_db
def test_the_validators_organisations_import_though_their_nested_ids_are_not_uuids(
    client, directory
):
    records = load(ORGANISATIONS)["contents"]

    report = import_records(records)

    assert [result.status for result in report.results] == ["created"] * 10, [
        result.describe() for result in report.rejected
    ]
    listed = client.get(API + "/organizations", {"per_page": 50}).json()["contents"]
    assert sorted(item["name"] for item in listed) == sorted(item["name"] for item in records)
    assert [schema_errors(item, "organization_list") for item in listed] == [[]] * 10
    trust = client.get(f"{API}/organizations/{records[0]['id']}").json()
    assert trust["email"] == "contact@globaloutreach.org"
    assert {result.status for result in import_records(records).results} == {"unchanged"}


@pytest.mark.django_db
def test_the_validators_organisations_are_still_rejected_when_what_we_keep_is_wrong(directory):
    records = load(ORGANISATIONS)["contents"]
    records[1]["website"] = "citytechacademy"

    report = import_records(records)

    assert report.count("created", "organization") == 9
    assert report.rejected[0].errors == [("website", '"citytechacademy" is not a valid uri')]
    assert not Organisation.objects.filter(name="City Tech Academy").exists()


@pytest.mark.django_db
def test_a_feed_with_its_own_ids_imports_and_updates_the_same_rows_again(client, directory):
    feed = with_own_ids(uprn=False)

    report = import_records([feed], source="northbrook-council")

    assert report.count("created") == 1, report.results[0].describe()
    result = report.results[0]
    assert result.describe()[0] == (
        f"record 1 (service {result.oruk_id} \"Community Counselling\", '1042' in the feed): "
        "created"
    )
    data = api_service(client, result.oruk_id)
    assert schema_errors(data, "service") == []
    assert data["organization"]["name"] == "Example Organization Inc."
    location = data["service_at_locations"][0]["location"]
    source_location_id = feed["service_at_locations"][0]["location"]["id"]
    assert (location["external_identifier"], location["external_identifier_type"]) == (
        source_location_id,
        "source id",
    )
    assert [s["byday"] for s in data["schedules"]] == ["TH,FR"]
    assert any("were not UUIDs" in note for note in report.notes)
    before = row_counts()

    again = import_records([with_own_ids(uprn=False)], source="northbrook-council")

    assert [result.status for result in again.results] == ["unchanged"]
    assert row_counts() == before
    assert api_service(client, result.oruk_id)["schedules"] == data["schedules"]


@pytest.mark.django_db
def test_two_publishers_with_the_same_own_ids_do_not_meet(directory):
    import_records([with_own_ids()], source="northbrook-council")

    report = import_records([with_own_ids()], source="oakshire-council")

    assert report.count("created") == 1
    assert ServicePage.objects.count() == 2 and Location.objects.count() == 2


@pytest.mark.django_db
def test_a_feed_with_its_own_ids_is_still_rejected_for_what_it_says(directory):
    feed = with_own_ids()
    feed["email"] = "email-example_com"

    report = import_records([feed], source="northbrook-council")

    assert report.count("rejected") == 1
    lines = report.rejected[0].describe()
    assert lines[0].endswith(", '1042' in the feed): rejected")
    assert '  - email: "email-example_com" is not a valid email' in lines
    assert row_counts()["ServicePage"] == 0 and row_counts()["Location"] == 0


@pytest.mark.django_db
def test_a_term_gets_its_parent_when_a_later_record_brings_it(directory):
    child = {
        "id": "0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e",
        "name": "Baby massage",
        "description": "",
        "parent_id": "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
    }
    parent = {
        "id": "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
        "name": "Health",
        "description": "",
        "term_uri": "https://example.org/health",
    }

    report = import_records([child, parent])

    assert report.notes == []
    assert TaxonomyTerm.objects.get(name="Baby massage").parent.name == "Health"


@pytest.mark.django_db
def test_import_needs_a_directory_page(home_page):
    with pytest.raises(ImportSetupError, match="no services directory page"):
        import_records([load(DEFAULT)])
    with pytest.raises(CommandError, match="no services directory page"):
        call_command("import_openreferral", str(FIXTURES / DEFAULT), stdout=io.StringIO())


@pytest.mark.django_db
def test_command_imports_a_file_with_progress_and_a_summary(directory):
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "import_openreferral",
        str(FIXTURES / "validator-mocks/V3.0-UK-Fail/service_list.json"),
        "--progress-every",
        "2",
        stdout=out,
        stderr=err,
    )

    assert "2 of 4 services read…" in out.getvalue() and "4 of 4 services read…" in out.getvalue()
    assert "Services: 0 created, 0 updated, 0 unchanged, 4 rejected." in out.getvalue()
    assert f"record 1 (service {COUNSELLING}): rejected" in err.getvalue()
    assert "4 records were rejected" in err.getvalue()


@pytest.mark.django_db
def test_command_derives_ids_from_the_source_it_is_given(directory, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([with_own_ids()]), encoding="utf-8")

    def run(*options):
        out = io.StringIO()
        call_command("import_openreferral", str(path), *options, stdout=out, stderr=io.StringIO())
        return out.getvalue()

    first = run("--source", "northbrook-council")
    assert "Services: 1 created" in first
    assert "made from the source 'northbrook-council' and the id" in first
    assert "Services: 0 created, 0 updated, 1 unchanged" in run("--source", "northbrook-council")
    # Without a source a file's ids are another set: the note says how to keep them apart.
    unnamed = run()
    assert "Services: 1 created" in unnamed
    assert "Give --source with the publisher's name" in unnamed


@pytest.mark.django_db
def test_command_dry_run_lists_changes_and_saves_nothing(directory):
    out = io.StringIO()

    call_command(
        "import_openreferral",
        str(FIXTURES / DEFAULT),
        "--dry-run",
        stdout=out,
        stderr=io.StringIO(),
    )

    assert f'record 1 (service {COUNSELLING} "Community Counselling"): created' in out.getvalue()
    assert "Dry run: nothing was saved." in out.getvalue()
    assert ServicePage.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "is not JSON"), (None, "There is no file")],
)
def test_command_explains_a_file_it_cannot_read(directory, tmp_path, content, message):
    path = tmp_path / "feed.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_openreferral", str(path), stdout=io.StringIO())
