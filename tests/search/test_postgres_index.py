"""On PostgreSQL, keyword searches look words up in an index instead of reading every entry."""

import pytest
from django.db import connection

from search.backends import get_backend
from services_directory.models import ServicePage
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
COMBINED = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'


def test_keyword_searches_filter_on_the_expression_the_index_covers(home_page):
    directory = DirectoryPageFactory(parent=home_page)
    ServicePageFactory(parent=directory, title="Family swimming")
    backend, _degraded = get_backend()
    matches = backend.search("family", ServicePage.objects.all(), order_by_relevance=False)
    sql, params = matches.get_queryset().query.sql_with_params()
    # If Wagtail ever matches another expression, the index below stops helping: say so here.
    assert COMBINED in sql

    with connection.cursor() as cursor:
        # A handful of rows are cheapest to scan; forbid scanning to see whether the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('family')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(sql, params)
        assert len(cursor.fetchall()) == 1
    assert "search_indexentry_title_body_gin" in plan, plan
