"""Elasticsearch unreachable, seen as an operator sees it: searches answer, health says so.

tests/search/test_fallback.py covers the fallback in detail (each failure, the directory, the
outage ending); this is the whole-site view the other fault tests take, reusing its fixtures.
"""

import pytest
from pytest_django.asserts import assertContains

from tests.search import test_fallback

fresh_outage_state = test_fallback.fresh_outage_state
pages = test_fallback.pages
unreachable = test_fallback.unreachable
pytestmark = pytest.mark.django_db


def test_searches_answer_and_health_reports_search_down_once_in_the_log(client, unreachable, log):
    responses = [client.get("/en/search/", {"q": "breastfeeding"}) for _ in range(5)]
    health = client.get("/healthz/")

    for response in responses:
        assertContains(response, "Breastfeeding support groups")
        assertContains(response, "results may be incomplete")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["down"] == ["search"]
    assert len(log.warnings_from("search.backends")) == 1, log.text
    assert log.tracebacks() == []
    assert log.errors() == []
