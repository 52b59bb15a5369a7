"""Periodic jobs run once across servers: two at the same minute do the work once, a job that
raises or dies leaves no lock behind (foundation.job_lock, docs/decisions/0010)."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from foundation import job_lock as job_lock_module
from foundation.job_lock import advisory_key, job_lock
from foundation.models import JobLock

# serialized_rollback: a plain transactional test's flush re-creates the content types, and a
# later serialized_rollback test on the same worker then fails to restore its own copy of them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def in_thread(target):
    """Run target in a thread with its own database connection, closed at the end."""
    errors = []

    def run():
        try:
            target()
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_two_servers_taking_the_same_job_at_once_do_it_once():
    both_tried = threading.Barrier(2, timeout=20)
    results = []

    def server():
        with job_lock("publish_scheduled") as acquired:
            results.append(acquired)
            both_tried.wait()  # the holder keeps the lock until the other has tried

    threads = [in_thread(server) for _ in range(2)]
    for thread, errors in threads:
        thread.join(30)
        assert not errors
    assert sorted(results) == [False, True]
    with job_lock("publish_scheduled") as acquired:
        assert acquired, "released once the job ended"


def test_a_job_that_raises_releases_its_lock():
    with pytest.raises(RuntimeError), job_lock("send_moderation_digest") as acquired:
        assert acquired
        raise RuntimeError("mail server down")
    with job_lock("send_moderation_digest") as acquired:
        assert acquired
    assert not JobLock.objects.exists()


def test_different_jobs_do_not_block_each_other():
    with job_lock("prune_search_queries") as first, job_lock("update_search_vocabulary") as other:
        assert first and other


def test_a_held_row_lock_is_refused_and_an_expired_one_taken_over():
    """The row lock (SQLite's; it works on every database, so both passes test it)."""
    now = timezone.now()
    JobLock.objects.create(
        name="publish_scheduled", holder="dead", taken_at=now, expires_at=now + timedelta(hours=1)
    )
    with job_lock_module._row_lock("publish_scheduled", timedelta(hours=1), "default") as acquired:
        assert not acquired, "a live lock is never taken"
    assert JobLock.objects.get().holder == "dead", "and not released by the one refused"
    JobLock.objects.update(expires_at=now - timedelta(seconds=1))  # its server died
    with job_lock_module._row_lock("publish_scheduled", timedelta(hours=1), "default") as acquired:
        assert acquired
        assert JobLock.objects.get().holder != "dead"
    assert not JobLock.objects.exists()


@pytest.mark.postgres
def test_postgres_releases_the_lock_of_a_server_that_died():
    import psycopg

    params = connection.settings_dict
    other = psycopg.connect(
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        user=params["USER"],
        dbname=params["NAME"],
        autocommit=True,
    )
    key = advisory_key("publish_scheduled")
    assert other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
    with job_lock("publish_scheduled") as acquired:
        assert not acquired
    other.close()  # the process dies without unlocking: PostgreSQL ends its session
    for _ in range(50):
        with job_lock("publish_scheduled") as acquired:
            if acquired:
                break
        threading.Event().wait(0.1)
    assert acquired


COMMANDS = [
    (
        "run_scheduled_publishing",
        ["--once"],
        "home.management.commands.run_scheduled_publishing",
        "call_command",
    ),
    (
        "send_moderation_digest",
        [],
        "consultations.management.commands.send_moderation_digest",
        "send_digest",
    ),
    (
        "prune_search_queries",
        [],
        "search.management.commands.prune_search_queries",
        "prune_search_queries",
    ),
    (
        "update_search_vocabulary",
        [],
        "search.management.commands.update_search_vocabulary",
        "rebuild_vocabulary",
    ),
    (
        "anonymise_personal_data",
        [],
        "consultations.management.commands.anonymise_personal_data",
        "anonymise_expired",
    ),
]


@pytest.mark.parametrize(("command", "args", "module", "work"), COMMANDS)
def test_every_periodic_command_runs_once_when_two_servers_start_it(
    command, args, module, work, monkeypatch
):
    import importlib

    inside, other_done = threading.Event(), threading.Event()
    runs = []
    results = {
        "send_digest": (0, 0),
        "prune_search_queries": (0, 0),
        "rebuild_vocabulary": {},
        "anonymise_expired": {"consultations": 0, "contributors": 0},
    }

    def slow_work(*args, **kwargs):
        runs.append(1)
        inside.set()
        assert other_done.wait(20), "the second server never finished"
        return results.get(work)

    monkeypatch.setattr(importlib.import_module(module), work, slow_work)
    first, first_errors = in_thread(lambda: call_command(command, *args, verbosity=0))
    assert inside.wait(20)
    second, second_errors = in_thread(lambda: call_command(command, *args, verbosity=0))
    second.join(30)
    other_done.set()
    first.join(30)
    assert not first_errors and not second_errors
    assert len(runs) == 1
