"""Many requests at once, through a real multi-process server: one idea per form, and every
different person's support counted, on SQLite and on PostgreSQL.

The server is gunicorn (two workers, four threads each, as in production) over the test
database: PostgreSQL's own, or for SQLite a file copy of the in-memory test database, since
SQLite's shared in-memory mode is not how the site runs.
"""

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from django.urls import reverse

from consultations.models import Idea, Support
from tests.live_site import count_rows, gunicorn_site, open_form, served_database_url

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@contextmanager
def running_site(tmp_path):
    url, copy = served_database_url(tmp_path)
    rates = {"CONSULTATIONS_IDEA_RATE": "1000/h", "CONSULTATIONS_SUPPORT_RATE": "1000/h"}
    with gunicorn_site(tmp_path, url, **rates) as base:
        yield base, copy


def _count(copy, sql_model, **filters):
    return count_rows(copy, sql_model, **filters)


def _session_with_token(base, path):
    session, csrf, _submission = open_form(base, path)
    return session, csrf


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
