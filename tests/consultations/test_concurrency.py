"""Many requests at once, through a real multi-process server: one idea per form, and every
different person's support counted, on SQLite and on PostgreSQL.

The server is gunicorn (two workers, four threads each, as in production) over the test
database: PostgreSQL's own, or for SQLite a file copy of the in-memory test database, since
SQLite's shared in-memory mode is not how the site runs.
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from consultations.models import Idea, Support

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp_path):
    # The server's settings keep the cache and rate limits in these tables.
    call_command("createcachetable", "council_cache", "council_page_cache", verbosity=0)
    if connection.vendor == "sqlite":
        copy = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}", copy
    params = connection.settings_dict
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    return f"postgres://{params['USER']}@{host}:{port}/{params['NAME']}", None


@contextmanager
def running_site(tmp_path):
    url, copy = _database_url(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_site.settings.dev",
        "DEBUG": "false",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": url,
        "PAGE_CACHE_SECONDS": "0",
        "CONSULTATIONS_IDEA_RATE": "1000/h",
        "CONSULTATIONS_SUPPORT_RATE": "1000/h",
    }
    env.pop("REDIS_URL", None)
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "council_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            # A loaded CI machine can keep a worker busy past gunicorn's default 30 s, which
            # kills it and resets the connections it held: not what this test is about.
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/healthz/", timeout=2)
                break
            except requests.RequestException:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "server.log").read_text()) from None
                time.sleep(0.2)
        yield base, copy
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def _count(copy, sql_model, **filters):
    """Rows as the server left them: in the SQLite copy, or in PostgreSQL's test database."""
    if copy is None:
        return sql_model.objects.filter(**filters).count()
    table = sql_model._meta.db_table
    where = " AND ".join(f"{name} = ?" for name in filters) or "1 = 1"
    with sqlite3.connect(copy) as db:
        return db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE {where}",  # noqa: S608 - names from the model
            list(filters.values()),
        ).fetchone()[0]


def _session_with_token(base, path):
    session = requests.Session()
    page = session.get(base + path, timeout=20)
    assert page.status_code == 200, page.status_code
    return session, CSRF_INPUT.search(page.text).group(1)


def test_twenty_identical_posts_at_once_store_one_idea(board, tmp_path):
    path = reverse("consultations:post_idea", args=[board.pk])
    theme = board.themes.first().pk
    with running_site(tmp_path) as (base, copy):
        session, token = _session_with_token(base, path)
        data = {
            "csrfmiddlewaretoken": token,
            "title": "Breakfast club at the children's centre",
            "description": "Mornings are the hardest time for working parents.",
            "theme": str(theme),
            "respondent_type": "parent_carer",
            "consent": "on",
            "step": "confirm",
            "submission_key": "f" * 32,
        }

        def post(_n):
            return session.post(base + path, data=data, allow_redirects=False, timeout=30)

        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = [response.status_code for response in pool.map(post, range(20))]
        assert statuses == [302] * 20
        assert _count(copy, Idea, board_id=board.pk) == 1


def test_fifty_people_supporting_at_once_count_fifty(idea, tmp_path):
    page = reverse("consultations:idea", args=[idea.pk])
    url = reverse("consultations:support", args=[idea.pk])
    with running_site(tmp_path) as (base, copy):
        people = [_session_with_token(base, page) for _ in range(50)]

        def support(person):
            session, token = person
            return session.post(
                base + url, data={"csrfmiddlewaretoken": token}, allow_redirects=False, timeout=30
            ).status_code

        with ThreadPoolExecutor(max_workers=25) as pool:
            statuses = list(pool.map(support, people))
        assert statuses == [302] * 50
        assert _count(copy, Support, idea_id=idea.pk) == 50
        if copy is None:
            idea.refresh_from_db()
            assert idea.support_count == 50
        else:
            with sqlite3.connect(copy) as db:
                assert (
                    db.execute(
                        "SELECT support_count FROM consultations_idea WHERE id = ?", [idea.pk]
                    ).fetchone()[0]
                    == 50
                )
