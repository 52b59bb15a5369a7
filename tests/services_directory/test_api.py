"""The Open Referral UK v3 API: what another council's system reads, checked by ORUK's schemas."""

import json
from urllib.parse import urlsplit

import pytest

from services_directory.api.schemas import TEST_PROFILE, load_json
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory
from tests.services_directory.fixtures.oruk import API, full_service, schema_errors

ENVELOPE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def service(directory):
    return full_service(directory)


def get_json(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return response, response.json()


def assert_envelope(data):
    """The v3 page envelope, which the validator's list schemas leave unchecked (empty allOf)."""
    assert data.keys() >= ENVELOPE_KEYS
    for key in ("total_items", "total_pages", "page_number", "size"):
        assert isinstance(data[key], int) and not isinstance(data[key], bool)
    for key in ("first_page", "last_page", "empty"):
        assert isinstance(data[key], bool)
    assert data["size"] == len(data["contents"])
    assert data["empty"] is (not data["contents"])


@pytest.mark.django_db
def test_root_gives_version_profile_and_a_working_openapi_url(client):
    response, data = get_json(client, "/")

    assert response.status_code == 200
    assert schema_errors(data, "api_details") == []
    assert data["version"] == "3.0"
    assert data["profile"] == "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
    assert data["openapi_url"] == "http://testserver/api/openreferral/v3/openapi.json"
    openapi = client.get(urlsplit(data["openapi_url"]).path).json()
    assert openapi["servers"] == [{"url": "http://testserver/api/openreferral/v3"}]
    assert {"/services", "/services/{id}", "/taxonomy_terms/{id}", "/organizations"} <= openapi[
        "paths"
    ].keys()


@pytest.mark.django_db
def test_service_by_id_is_fully_nested_and_valid(client, service):
    response, data = get_json(client, f"/services/{service.translation_key}")

    assert response.status_code == 200
    assert schema_errors(data, "service") == []
    assert data["name"] == "Incredible Years parenting course"
    assert data["organization"]["email"] == "hello@example.org"
    location = data["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "CR0 1AA"
    assert (
        location["accessibility"][0]["description"]
        == "Step-free entrance and an accessible toilet."
    )
    assert data["service_at_locations"][0]["schedules"][0]["byday"] == "SA"
    assert {(s.get("byday"), s.get("opens_at")) for s in data["schedules"]} >= {
        ("TU,TH", "09:30:00"),
        ("SA", "10:00:00"),
    }
    closure = next(s for s in data["schedules"] if s.get("description", "").startswith("Closed"))
    assert (closure["valid_from"], closure["valid_to"]) == ("2025-12-24", "2026-01-02")
    assert data["cost_options"][0]["amount"] == 3.5
    assert data["contacts"][0]["name"] == "Asha Patel"
    assert data["phones"][0]["number"] == "020 7946 0123"
    assert data["service_areas"][0]["name"] == "Northbrook"
    terms = {attribute["taxonomy_term"]["name"] for attribute in data["attributes"]}
    assert terms == {"Parenting courses", "In person", "Online"}


@pytest.mark.django_db
def test_languages_carry_their_name_and_code_as_well_as_ids(client, service):
    _response, data = get_json(client, f"/services/{service.translation_key}")

    languages = [(item["code"], item["name"], item.get("note")) for item in data["languages"]]
    assert languages == [("pl", "Polish", "Tuesdays only"), ("so", "Somali", None)]
    assert all(item["id"] and item["service_id"] == data["id"] for item in data["languages"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/services", "service_list"),
        ("/services?full=true", "service_list"),
        ("/service_at_locations", "service_at_location_list"),
        ("/service_at_locations?full=true", "service_at_location_list"),
        ("/taxonomies", "taxonomy_list"),
        ("/taxonomy_terms", "taxonomy_term_list"),
    ],
)
def test_every_list_is_a_valid_page(client, service, path, schema):
    response = client.get(API + path)
    data = response.json()

    assert response.status_code == 200
    assert_envelope(data)
    assert data["contents"]
    assert schema_errors(data, schema) == []


@pytest.mark.django_db
def test_organisation_list_and_detail_are_valid(client, service):
    _response, page = get_json(client, "/organizations")
    assert_envelope(page)
    # The validator's organization_list.json describes one item of the list.
    assert [schema_errors(item, "organization_list") for item in page["contents"]] == [[]]

    _response, organisation = get_json(client, f"/organizations/{page['contents'][0]['id']}")
    assert schema_errors(organisation, "organization") == []
    assert [item["name"] for item in organisation["services"]] == [
        "Incredible Years parenting course"
    ]


@pytest.mark.django_db
def test_details_of_every_kind_are_valid(client, service):
    sal = service.service_at_locations.get()
    _response, data = get_json(client, f"/service_at_locations/{sal.oruk_id}")
    assert schema_errors(data, "service_at_location") == []
    assert data["service"]["id"] == str(service.translation_key)

    term = service.categories.get()
    _response, data = get_json(client, f"/taxonomy_terms/{term.translation_key}")
    assert schema_errors(data, "taxonomy_term") == []
    assert data["parent_id"] == str(term.parent.translation_key)

    _response, data = get_json(client, f"/taxonomies/{term.taxonomy.translation_key}")
    assert schema_errors(data, "taxonomy") == []
    assert {item["name"] for item in data["taxonomy_terms"]} == {
        "Family support",
        "Parenting courses",
    }


@pytest.mark.django_db
def test_delivery_attributes_point_at_terms_the_api_serves(client, service):
    _response, data = get_json(client, f"/services/{service.translation_key}")
    online = next(a for a in data["attributes"] if a["taxonomy_term"]["name"] == "Online")

    response, term = get_json(client, f"/taxonomy_terms/{online['taxonomy_term_id']}")
    assert response.status_code == 200
    assert schema_errors(term, "taxonomy_term") == []
    response, taxonomy = get_json(client, f"/taxonomies/{term['taxonomy_id']}")
    assert response.status_code == 200
    assert [item["code"] for item in taxonomy["taxonomy_terms"]] == [
        "in_person",
        "online",
        "telephone",
    ]


@pytest.mark.django_db
def test_first_middle_and_last_pages_are_valid_and_cover_every_service_once(client, directory):
    for name in ["Ant", "Bee", "Cat", "Dog", "Eel"]:
        ServicePageFactory(parent=directory, title=f"{name} club")

    pages = [
        client.get(API + "/services", {"per_page": 2, "page": page}).json() for page in (1, 2, 3)
    ]

    for data in pages:
        assert_envelope(data)
        assert schema_errors(data, "service_list") == []
        assert (data["total_items"], data["total_pages"]) == (5, 3)
    assert [(p["page_number"], p["first_page"], p["last_page"], p["size"]) for p in pages] == [
        (1, True, False, 2),
        (2, False, False, 2),
        (3, False, True, 1),
    ]
    names = [item["name"] for data in pages for item in data["contents"]]
    assert names == ["Ant club", "Bee club", "Cat club", "Dog club", "Eel club"]


@pytest.mark.django_db
def test_a_page_after_the_last_is_empty_not_an_error(client, service):
    response, data = get_json(client, "/services", page=99999999)

    assert response.status_code == 200
    assert_envelope(data)
    assert (data["empty"], data["contents"], data["last_page"], data["total_items"]) == (
        True,
        [],
        True,
        1,
    )


@pytest.mark.django_db
def test_only_live_english_services_are_published(client, directory, service, locales):
    draft = ServicePageFactory(parent=directory, title="Not yet open", live=False)
    translation = service.copy_for_translation(locales["pl"], copy_parents=True)
    translation.save_revision().publish()

    _response, data = get_json(client, "/services")
    assert [item["name"] for item in data["contents"]] == ["Incredible Years parenting course"]
    response, _data = get_json(client, f"/services/{draft.translation_key}")
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/services/3f7b145d-84af-42d7-8fae-eaca714b02b2",
        "/services/not-a-uuid",
        "/services/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/services/{3f7b145d-84af-42d7-8fae-eaca714b02b2}",
        "/services/" + "a" * 300,
        "/service_at_locations/123",
        "/organizations/00000000-0000-0000-0000-000000000000",
        "/taxonomies/x",
        "/taxonomy_terms/%00",
        "/nothing-here",
    ],
)
def test_unknown_or_malformed_ids_are_a_json_404(client, service, path):
    response, data = get_json(client, path)

    assert response.status_code == 404
    assert data["code"] == 404
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_every_answer_has_the_cors_header_and_the_api_is_read_only(client, service):
    assert client.get(API + "/services")["Access-Control-Allow-Origin"] == "*"
    assert client.get(API + "/services", {"page": "0"})["Access-Control-Allow-Origin"] == "*"
    assert client.get(API + "/services/nope")["Access-Control-Allow-Origin"] == "*"

    preflight = client.options(API + "/services")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"

    post = client.post(API + "/services", {"name": "x"})
    assert post.status_code == 405
    assert post["Access-Control-Allow-Origin"] == "*"
    assert post.json()["code"] == 405


@pytest.mark.django_db
def test_the_validators_level_1_and_2_checks_pass(client, service):
    """The ORUK validator's own test plan (HSDS-UK-3.0.json), run against our API."""
    plan = load_json(TEST_PROFILE)
    saved_ids = {}
    for group in plan["testGroups"]:
        for check in group["tests"]:
            schema = check["schema"].split("/")[-1].removesuffix(".json")
            if "useIdFrom" in check:
                ids = saved_ids[check["useIdFrom"]]
                assert ids, check["name"]
                for item_id in ids:
                    response = client.get(API + check["endpoint"] + item_id)
                    assert response.status_code == 200, check["name"]
                    assert schema_errors(response.json(), schema) == [], check["name"]
                continue
            response = client.get(API + check["endpoint"])
            assert response.status_code == 200, check["name"]
            data = response.json()
            assert schema_errors(data, schema) == [], check["name"]
            if check.get("pagination"):
                assert_envelope(data)
                seen = walk_pages(client, check["endpoint"], schema)
                assert len(seen) == data["total_items"] == len(set(seen)), check["name"]
            if check.get("saveIds"):
                saved_ids[check["endpoint"] + "-id"] = [
                    item["id"] for item in data[check["saveIdField"]]
                ]


def walk_pages(client, endpoint, schema):
    ids, page = [], 1
    while True:
        data = client.get(API + endpoint, {"page": page, "per_page": 1}).json()
        assert_envelope(data)
        assert schema_errors(data, schema) == []
        ids += [item["id"] for item in data["contents"]]
        if data["last_page"]:
            return ids
        page += 1


@pytest.mark.django_db
def test_openapi_document_describes_every_filter_and_its_schemas_resolve_here(client):
    document = client.get(API + "/openapi.json").json()

    services = document["paths"]["/services"]["get"]
    names = {ref["$ref"].rsplit("/", 1)[1] for ref in services["parameters"]}
    assert {
        "search",
        "page",
        "per_page",
        "taxonomy_id",
        "taxonomy_term_id",
        "postcode",
        "proximity",
        "minimum_age",
        "maximum_age",
        "day",
        "start_time",
        "end_time",
        "organization_id",
        "modified_after",
    } <= names
    assert document["components"]["responses"]["BadRequest"]
    refs = {value for value in _values(document, "$ref") if value.startswith("http")}
    assert refs and all(
        ref.startswith("http://testserver/api/openreferral/v3/schemas/") for ref in refs
    )
    for ref in refs:
        response = client.get(urlsplit(ref).path)
        assert response.status_code == 200, ref
        json.loads(response.content)


def _values(data, key):
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            else:
                yield from _values(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _values(item, key)
