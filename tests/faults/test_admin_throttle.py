"""The admin sign-in throttle holds with and without the cache, and never answers 500.

Before: with Redis down each wrong password answered 500 (django-axes' cache handler called
cache.touch(), whose connection error django-redis let through) and after six wrong passwords the
right one signed in. Failures are now counted in the database (AXES_HANDLER).
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.faults.conftest import LOOPBACK, free_port, redis_caches

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["cache working", "redis unreachable"])
def cache_state(request, settings):
    if request.param == "redis unreachable":
        settings.CACHES = redis_caches(f"redis://{LOOPBACK}:{free_port()}/0")
    return request.param


def sign_in(client, password, username="admin"):
    return client.post("/admin/login/", {"username": username, "password": password})


def assert_locks_out_after_the_limit(client):
    responses = [sign_in(client, f"wrong-{n}") for n in range(settings.AXES_FAILURE_LIMIT)]

    # Each wrong password before the limit is the sign-in form again, with its message.
    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert "and password didn&#x27;t match" in responses[0].content.decode()
    assert responses[-1].status_code == 429
    locked = sign_in(client, "pw-admin-1")  # the right password, too late
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_lock_the_account_out(client, superuser, cache_state, log):
    assert_locks_out_after_the_limit(client)

    assert AccessAttempt.objects.get(username="admin").failures_since_start >= (
        settings.AXES_FAILURE_LIMIT
    )
    assert log.tracebacks() == []
    assert log.errors() == []
    # The sign-in may not touch the cache at all; if it does, the outage is one line.
    assert len(log.warnings_from("foundation.cache")) <= 1


def test_the_right_password_signs_in_before_the_limit(client, superuser, cache_state):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, f"wrong-{n}").status_code == 200

    response = sign_in(client, "pw-admin-1")

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="admin").exists()  # reset on success


def test_another_user_name_from_the_same_address_is_not_locked_out(
    client, superuser, django_user_model, cache_state
):
    django_user_model.objects.create_superuser("second", "second@example.gov.uk", "pw-second-1")
    assert_locks_out_after_the_limit(client)

    assert sign_in(client, "pw-second-1", username="second").status_code == 302
