"""A private redis-server stopped mid-run, then started again: nothing refused, nothing lost.

The server is the test's own (`--save "" --appendonly no`, a free port), so stopping it touches
nothing else on the machine.
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from foundation import cache as resilient_cache
from services_directory.models import ProblemReport
from tests.directory_support import page_text, service
from tests.faults.conftest import redis_caches, token

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(directory):
    return service(directory, "Stay and play")


@pytest.fixture
def on_redis(redis_server, settings, monkeypatch):
    settings.CACHES = redis_caches(redis_server.url)
    settings.PAGE_CACHE_SECONDS = 300
    settings.DIRECTORY_PROBLEM_REPORT_RATE = "3/h"
    # Ask Redis again at once after a failure, so the test sees it come back.
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.0)
    return redis_server


def report(client, listing, details):
    fields = {"kind": "times", "details": details, "submission_key": token()}
    return client.post(f"/en/directory/report/{listing.pk}/", fields, follow=True)


def health(client):
    return client.get("/healthz/").json()


def test_forms_pages_and_health_through_a_redis_outage(client, listing, on_redis, log):
    # Redis up: pages are cached there and the rate limit is shared.
    assert health(client)["status"] == "ok"
    assert client.get(listing.get_url()).status_code == 200
    before = [report(client, listing, f"Before {n}") for n in range(4)]
    assert [r.status_code for r in before] == [200, 200, 200, 429]

    on_redis.stop()

    # Down: the same person is not refused (the count starts again in this process), pages are
    # served, and health says what is down without failing.
    during = [report(client, listing, f"During {n}") for n in range(3)]
    assert [r.status_code for r in during] == [200] * 3
    assert all("Thank you" in page_text(r) for r in during)
    assert client.get(listing.get_url()).status_code == 200
    assert client.get("/en/").status_code == 200
    assert health(client)["down"] == ["cache"]
    assert report(client, listing, "One too many").status_code == 429  # still a limit

    on_redis.start()  # empty: nothing was saved

    after = report(client, listing, "After")
    assert after.status_code == 200
    assert health(client)["status"] == "ok"

    stored = set(ProblemReport.objects.values_list("details", flat=True))
    assert stored == {
        "Before 0",
        "Before 1",
        "Before 2",
        "During 0",
        "During 1",
        "During 2",
        "After",
    }
    assert ProblemReport.objects.count() == len(stored)  # none twice
    assert len(log.warnings_from("foundation.cache")) == 1, log.text
    assert "Cache available again" in log.text
    assert log.tracebacks() == []
    assert log.errors() == []


def test_the_admin_throttle_keeps_counting_when_redis_stops(client, superuser, on_redis):
    def sign_in(password):
        return client.post("/admin/login/", {"username": "admin", "password": password})

    half = settings.AXES_FAILURE_LIMIT // 2
    assert [sign_in("wrong").status_code for _ in range(half)] == [200] * half

    on_redis.stop()

    rest = [sign_in("wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT - half)]
    assert rest[-1] == 429
    assert 500 not in rest
    assert sign_in("pw-admin-1").status_code == 429
    assert AccessAttempt.objects.get().failures_since_start >= settings.AXES_FAILURE_LIMIT
