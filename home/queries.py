"""Reads shared by several pages: kept to a fixed number of SQL queries."""

from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction


def restricted_page_ids():
    """Ids of pages behind a view restriction (theirs or an ancestor's), as one subquery.

    It is uncorrelated, so the database works it out once per query and probes it by key. A
    correlated EXISTS per page read the same, but PostgreSQL, with no statistics for an empty
    restrictions table, planned it as a scan of every page for each page: 11 s for 10,000
    services. Wagtail's ``.public()`` instead runs an extra query to collect the restrictions.
    """
    page = Page._meta.db_table
    restriction = PageViewRestriction._meta.db_table
    return RawSQL(  # noqa: S611 - no input reaches it
        f"SELECT hidden.id FROM {restriction} AS restriction "  # noqa: S608 - table names only
        f"INNER JOIN {page} AS protected ON protected.id = restriction.page_id "
        f"INNER JOIN {page} AS hidden "
        "ON SUBSTR(hidden.path, 1, LENGTH(protected.path)) = protected.path",
        (),
    )


def public_q():
    """Not behind a page view restriction."""
    return ~Q(pk__in=restricted_page_ids())


def public(pages):
    """Pages no view restriction hides, with no extra query."""
    return pages.filter(public_q())
