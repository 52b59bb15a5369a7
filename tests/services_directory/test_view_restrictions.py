"""Services and policies behind a page view restriction stay out of every public list."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory
from tests.services_directory.test_search import directory, result_names, search, service

pytestmark = pytest.mark.django_db
__all__ = ["directory"]


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


def test_a_protected_policy_is_left_out_of_the_policy_index(client, home_page):
    index = PolicyIndexPageFactory(parent=home_page, title="Policies")
    PolicyPageFactory(parent=index, title="Safer recruitment policy")
    hidden = PolicyPageFactory(parent=index, title="Draft lone working policy")
    restrict(hidden)

    content = client.get(index.url).content.decode()
    assert "Safer recruitment policy" in content
    assert "Draft lone working policy" not in content
