import json
import pytest
from tests.factories.services_directory import DirectoryPageFactory
from tests.services_directory.fixtures.oruk import API, full_service, schema_errors


@pytest.mark.django_db
def test_scratch(client, home_page):
    directory = DirectoryPageFactory(parent=home_page)
    page = full_service(directory)
    for url in ["/", "/services", "/services?full=true", f"/services/{page.translation_key}", "/service_at_locations", "/service_at_locations?full=true", "/organizations", "/taxonomies", "/taxonomy_terms", "/openapi.json", "/services?search=parenting", "/services?postcode=CR0&proximity=5000", "/services?day=TU&start_time=09:00"]:
        r = client.get(API + url)
        print(url, r.status_code, r.content[:3000].decode())
    assert 0
