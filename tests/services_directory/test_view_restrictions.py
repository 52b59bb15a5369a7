"""Services and policies behind a page view restriction stay out of every public list."""

import pytest
from wagtail.models import PageViewRestriction

from tests.directory_support import result_names, search, service
from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory
from tests.factories.services_directory import LocationFactory
from tests.services_directory.fixtures.oruk import API, full_service

pytestmark = pytest.mark.django_db


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="staff-only-1"
    )


def test_a_password_protected_service_is_not_listed_or_published(client, directory):
    service(directory, "Open stay and play")
    hidden = service(directory, "Staff pilot group")
    restrict(hidden)

    assert result_names(search(client, directory)) == ["Open stay and play"]
    names = [s["name"] for s in client.get("/api/openreferral/v3/services").json()["contents"]]
    assert names == ["Open stay and play"]
    hidden_id = hidden.translation_key
    assert client.get(f"/api/openreferral/v3/services/{hidden_id}").status_code == 404


def test_a_restriction_on_the_directory_hides_its_services_from_the_api(client, directory):
    service(directory, "Open stay and play")
    restrict(directory)

    assert client.get("/api/openreferral/v3/services").json()["contents"] == []


def hide_behind_password(page, directory):
    restrict(page)


def hide_behind_sign_in_on_the_directory(page, directory):
    PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.LOGIN)


def unpublish(page, directory):
    page.unpublish()


@pytest.fixture(params=[hide_behind_password, hide_behind_sign_in_on_the_directory, unpublish])
def hidden_and_shown(request, directory):
    """A staff-only service and, when only it is hidden, an open one of the same organisation."""
    hidden = full_service(directory, title="Staff pilot parenting group")
    term = hidden.categories.get()
    shown = None
    if request.param is not hide_behind_sign_in_on_the_directory:
        shown = service(
            directory,
            "Open parenting drop-in",
            organisation=hidden.organisation,
            categories=[term],
            locations=[LocationFactory(name="Oak Hall")],
        )
    request.param(hidden, directory)
    return hidden, shown


def names(data):
    return [item["name"] for item in data["contents"]]


def sal_names(data):
    return [item["service"]["name"] for item in data["contents"]]


@pytest.mark.parametrize(
    ("path", "params", "read"),
    [
        ("/services", {}, names),
        ("/services", {"full": "true"}, names),
        ("/services", {"search": "parenting"}, names),
        ("/services", {"taxonomy_term_id": "{term}"}, names),
        ("/services", {"organization_id": "{organisation}"}, names),
        ("/service_at_locations", {}, sal_names),
        ("/service_at_locations", {"full": "true"}, sal_names),
        ("/service_at_locations", {"postcode": "CR0 1AA"}, sal_names),
    ],
)
def test_a_hidden_service_is_in_no_api_list(client, hidden_and_shown, path, params, read):
    hidden, shown = hidden_and_shown
    ids = {
        "{term}": str(hidden.categories.get().translation_key),
        "{organisation}": str(hidden.organisation.translation_key),
    }
    params = {key: ids.get(value, value) for key, value in params.items()}

    response = client.get(API + path, params)

    assert response.status_code == 200
    data = response.json()
    assert read(data) == ([shown.title] if shown else [])
    assert data["total_items"] == len(read(data))


def test_a_hidden_services_ids_answer_json_404(client, hidden_and_shown):
    hidden, _shown = hidden_and_shown
    sal = hidden.service_at_locations.get()

    for path in (f"/services/{hidden.translation_key}", f"/service_at_locations/{sal.oruk_id}"):
        response = client.get(API + path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["code"] == 404


def test_an_organisation_lists_only_its_services_that_are_shown(client, hidden_and_shown):
    hidden, shown = hidden_and_shown

    response = client.get(f"{API}/organizations/{hidden.organisation.translation_key}")

    assert response.status_code == 200
    assert [item["name"] for item in response.json()["services"]] == (
        [shown.title] if shown else []
    )


def test_a_protected_policy_is_left_out_of_the_policy_index(client, home_page):
    index = PolicyIndexPageFactory(parent=home_page, title="Policies")
    PolicyPageFactory(parent=index, title="Safer recruitment policy")
    hidden = PolicyPageFactory(parent=index, title="Draft lone working policy")
    restrict(hidden)

    content = client.get(index.url).content.decode()
    assert "Safer recruitment policy" in content
    assert "Draft lone working policy" not in content
