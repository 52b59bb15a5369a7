"""The database lost for a moment: a "try again in a minute" page (503 + Retry-After), the words of
a form being sent shown back, one warning in the log, and the site back by itself.

Before: the requests caught in a PostgreSQL restart got the generic 500 page ("Anything you were
filling in has not been saved") and a traceback each in the log.

The first tests make every query fail inside this process (the driver's own error, wrapped by
Django as it wraps a real one). The last starts a private PostgreSQL cluster, serves the site from
it with gunicorn and restarts the cluster under load.
"""

import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import psycopg
import pytest
import requests
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from django.test import Client

from foundation import database_outage
from services_directory.models import ProblemReport
from tests.conftest import in_ci
from tests.directory_support import service
from tests.faults.postgres_cluster import PrivateCluster, postgres_bin
from tests.live_site import WORKERS, gunicorn_site, open_form
from tests.submissions import token

pytestmark = pytest.mark.django_db

TEXTAREA = re.compile(r"<textarea[^>]*readonly[^>]*>(.*?)</textarea>", re.S)


@pytest.fixture(autouse=True)
def no_outage_yet(monkeypatch):
    monkeypatch.setitem(database_outage._outage, "since", None)


@pytest.fixture
def listing(directory):
    return service(directory, "Stay and play")


def driver_error():
    """What the driver raises when the server has gone (or SQLite's file cannot be opened)."""
    if connection.vendor == "sqlite":
        return sqlite3.OperationalError("unable to open database file")
    return psycopg.OperationalError("server closed the connection unexpectedly")


@contextmanager
def database_down():
    """Every new query fails as it does when the database is unreachable."""
    wrapper = type(connections["default"])
    real = wrapper.create_cursor

    def fail(self, name=None):
        raise driver_error()

    wrapper.create_cursor = fail
    try:
        yield
    finally:
        wrapper.create_cursor = real


def report(client, listing, language="en", **fields):
    data = {
        "kind": "times",
        "details": "The Tuesday session <b>moved</b> to Thursday & starts at 10.",
        "email": "parent@example.org",
        "submission_key": token(),
        "website": "",
        "csrfmiddlewaretoken": "a-csrf-token-never-shown",
        **fields,
    }
    return client.post(f"/{language}/directory/report/{listing.pk}/", data)


def shown_back(response):
    return TEXTAREA.findall(response.content.decode())


def test_a_report_sent_while_the_database_is_down_gets_a_503_with_the_words_kept(listing, log):
    reader = Client(raise_request_exception=False)
    sent_key = token()
    with database_down():
        response = report(reader, listing, submission_key=sent_key)

    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "Try again in a minute." in html
    # What was typed comes back escaped, to copy; the token, CSRF token and honeypot do not.
    assert shown_back(response) == [
        "The Tuesday session &lt;b&gt;moved&lt;/b&gt; to Thursday &amp; starts at 10.",
        "parent@example.org",
    ]
    assert "Tell us what is wrong" in html  # each box has its field's label
    assert sent_key not in html
    assert "a-csrf-token-never-shown" not in html
    assert "Traceback" not in html
    assert not ProblemReport.objects.exists()


def test_a_password_or_hidden_token_is_never_shown_back_from_an_unknown_form(rf):
    request = rf.post(
        "/en/some-form/",
        {
            "message": "Please call me back",
            "password": "hunter2",
            "csrfmiddlewaretoken": "abc",
            "submission_key": "f" * 32,
            "website": "http://spam.example",
            "g-recaptcha-response": "xyz",
            "consent": "on",
        },
    )
    shown = [item["text"] for item in database_outage.typed_text(request)]
    assert shown == ["Please call me back"]


def test_an_admin_post_shows_nothing_back(rf):
    request = rf.post("/admin/login/", {"username": "editor", "password": "secret"})
    assert database_outage.typed_text(request) == []


def test_the_503_page_is_in_the_readers_language_right_to_left(listing):
    reader = Client(raise_request_exception=False)
    with database_down():
        response = report(reader, listing, language="ar", details="الجلسة انتقلت إلى يوم الخميس")

    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "انتقل إلى الصفحة الرئيسية" in html  # "Go to the home page", translated
    assert shown_back(response)[0] == "الجلسة انتقلت إلى يوم الخميس"


def test_the_page_is_rendered_with_no_database_at_all(rf, django_assert_num_queries):
    request = rf.post("/en/directory/report/1/", {"details": "Still here"})
    with django_assert_num_queries(0):
        response = database_outage.outage_response(request, OperationalError("gone"))
    assert response.status_code == 503
    assert "Still here" in response.content.decode()


def test_pages_get_a_503_too_and_the_log_has_one_warning_not_tracebacks(client, listing, log):
    reader = Client(raise_request_exception=False)
    url = listing.get_url()
    with database_down():
        responses = [reader.get(url) for _ in range(3)]
        responses.append(report(reader, listing))

    assert [response.status_code for response in responses] == [503] * 4
    warnings = log.warnings_from("foundation.database_outage")
    assert len(warnings) == 1, log.text
    assert "Database unavailable" in warnings[0].getMessage()
    assert log.tracebacks() == []
    assert log.errors() == []

    # Back by itself: the next request is served and the log says so.
    assert reader.get(url).status_code == 200
    assert "Database available again" in log.text


def test_a_programming_error_is_still_a_500_not_hidden_as_an_outage(listing, monkeypatch):
    from services_directory import views

    def broken(service_id):
        raise sqlite3.OperationalError("no such table: services_directory_servicepage")

    monkeypatch.setattr(views, "_live_service", broken)
    response = Client(raise_request_exception=False).get(f"/en/directory/report/{listing.pk}/")
    assert response.status_code == 500


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("could not connect to server: Connection refused"),
        psycopg.OperationalError("terminating connection due to administrator command"),
        psycopg.InterfaceError("connection already closed"),
        sqlite3.OperationalError("unable to open database file"),
    ],
)
def test_each_kind_of_lost_connection_counts_as_an_outage(error):
    assert database_outage.is_database_outage(error)


def test_other_errors_do_not():
    assert not database_outage.is_database_outage(ValueError("a bug"))
    assert not database_outage.is_database_outage(sqlite3.OperationalError("no such column: x"))


# --- A real PostgreSQL cluster restarted under load ------------------------------------------


@pytest.fixture
def private_cluster():
    """A private PostgreSQL cluster (Debian's initdb/pg_ctl); skips outside CI without them."""
    bindir = postgres_bin()
    if bindir is None or not (bindir / "pg_ctl").exists():
        message = "needs PostgreSQL's server programs (apt-get install postgresql)"
        if in_ci():
            pytest.fail(f"{message}; CI must not skip it")
        pytest.skip(message)
    cluster = PrivateCluster(bindir).init()
    cluster.start()
    yield cluster
    cluster.remove()


class Person:
    """Someone with the report form open: their session, tokens and words."""

    def __init__(self, base, path, number):
        self.url = base + path
        self.session, self.csrf, self.submission = open_form(base, path)
        self.details = f"Report {number}: the Tuesday group now meets on Thursday."
        self.stored_answer = None

    def send(self):
        data = {
            "csrfmiddlewaretoken": self.csrf,
            "submission_key": self.submission,
            "kind": "times",
            "details": self.details,
        }
        response = self.session.post(self.url, data=data, allow_redirects=False, timeout=60)
        if response.status_code == 302:
            self.stored_answer = response
        return response


def stored_details(cluster, listing):
    with cluster.connect("family_services") as db:
        rows = db.execute(
            "SELECT details FROM services_directory_problemreport WHERE service_id = %s",
            [listing.pk],
        ).fetchall()
    return sorted(row[0] for row in rows)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_restarted_under_load_answers_503_then_recovers_losing_nothing(
    listing, private_cluster, tmp_path
):
    call_command("createcachetable", "council_cache", "council_page_cache", verbosity=0)
    private_cluster.copy_database(connection.settings_dict, "family_services")
    page = listing.get_url()
    form = f"/en/directory/report/{listing.pk}/"
    rates = {"DIRECTORY_PROBLEM_REPORT_RATE": "1000/h"}
    with gunicorn_site(tmp_path, private_cluster.url("family_services"), **rates) as base:
        people = [Person(base, form, number) for number in range(30)]
        waiting = list(people)
        answers = []
        stop = threading.Event()

        def load():
            # Readers and senders, bounded in count and time; stops by itself.
            started = time.monotonic()
            for _ in range(400):
                if stop.is_set() or time.monotonic() - started > 90:
                    return
                answers.append(requests.get(base + page, timeout=60))
                if waiting:
                    answers.append(waiting.pop().send())

        with ThreadPoolExecutor(max_workers=3) as pool:
            workers = [pool.submit(load) for _ in range(3)]
            time.sleep(1)
            private_cluster.stop()
            # While it is down: a page, and a report whose words come back to copy.
            down_page = requests.get(base + page, timeout=60)
            late = people[0]
            down_post = requests.post(
                base + form,
                data={
                    "csrfmiddlewaretoken": late.csrf,
                    "submission_key": late.submission,
                    "kind": "times",
                    "details": "Sent <while> the database was down & restarting.",
                },
                cookies=late.session.cookies,
                allow_redirects=False,
                timeout=60,
            )
            time.sleep(0.5)
            private_cluster.start()
            private_cluster.wait_until_accepting()
            time.sleep(1)
            stop.set()
            for worker in workers:
                worker.result()

        for response in (down_page, down_post):
            assert response.status_code == 503
            assert response.headers["Retry-After"].isdigit()
            assert "Sorry, the service is unavailable" in response.text
        assert TEXTAREA.findall(down_post.text) == [
            "Sent &lt;while&gt; the database was down &amp; restarting."
        ]
        statuses = [response.status_code for response in answers]
        assert 500 not in statuses
        assert set(statuses) <= {200, 302, 503}
        assert all(
            response.headers.get("Retry-After")
            for response in answers
            if response.status_code == 503
        )

        # Afterwards everything is served, and whoever was turned away sends again (as the
        # 503 page tells them): one report each, none lost, none twice.
        assert requests.get(base + page, timeout=60).status_code == 200
        for person in people:
            if person.stored_answer is None:
                assert person.send().status_code == 302
        assert stored_details(private_cluster, listing) == sorted(p.details for p in people)

    server_log = (tmp_path / "server.log").read_text()
    assert "Traceback" not in server_log
    outage_warnings = server_log.count("Database unavailable")
    # Once per worker for this one outage, never once per request (dozens were turned away).
    assert outage_warnings >= 1, server_log  # the outage was seen and logged
    assert outage_warnings <= WORKERS, server_log
    # The caches and the memo kept in that database fail on every request too: a line each per
    # worker, not one per request.
    for kind in ("Cache unavailable", "Page cache unavailable", "Site memo unavailable"):
        assert server_log.count(kind) <= WORKERS, (kind, server_log)
