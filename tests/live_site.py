"""A real multi-process server for tests that need one: gunicorn over a database the test names.

Used by tests/consultations/test_concurrency.py (many requests at once) and tests/faults (the
database restarted under load, twenty identical posts). The server is gunicorn with two workers
of four threads each, as in production, with the development settings and DEBUG off.
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT = re.compile(r'name="submission_key" value="([0-9a-f]{32})"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def served_database_url(tmp_path):
    """A URL for the test database the server can open, and the SQLite copy (or None).

    For SQLite, a file copy of the in-memory test database, since SQLite's shared in-memory mode
    is not how the site runs.
    """
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


WORKERS = 2


@contextmanager
def gunicorn_site(tmp_path, database_url, *, redis_url="", **extra_env):
    """Serve the site from `database_url`; yields the base URL. The log is tmp_path/server.log.

    The cache is the database's unless `redis_url` names one: a REDIS_URL in the developer's
    environment must not decide what a test runs against.
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_site.settings.dev",
        "DEBUG": "false",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "PAGE_CACHE_SECONDS": "0",
        **extra_env,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "council_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--threads",
            "4",
            # A loaded CI machine can keep a worker busy past gunicorn's default 30 s, which
            # kills it and resets the connections it held: not what these tests are about.
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
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def count_rows(copy, model, **filters):
    """Rows as the server left them: in the SQLite copy, or in PostgreSQL's test database."""
    if copy is None:
        return model.objects.filter(**filters).count()
    table = model._meta.db_table
    where = " AND ".join(f"{name} = ?" for name in filters) or "1 = 1"
    with sqlite3.connect(copy) as db:
        return db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE {where}",  # noqa: S608 - names from the model
            list(filters.values()),
        ).fetchone()[0]


def open_form(base, path):
    """A browser session that has opened `path`: (session, CSRF token, submission token or "")."""
    session = requests.Session()
    page = session.get(base + path, timeout=30)
    assert page.status_code == 200, page.status_code
    # The form is sent later, after the others are opened: by then gunicorn has closed this idle
    # keep-alive connection (2 s), and a post reusing it in that instant gets "connection
    # aborted". A browser opens a new one; so does the session, its cookies kept.
    session.close()
    submission = TOKEN_INPUT.search(page.text)
    return session, CSRF_INPUT.search(page.text).group(1), submission.group(1) if submission else ""
