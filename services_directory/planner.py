"""Fresh planner statistics after a bulk load, so the first searches after it are not slow.

PostgreSQL plans from table statistics that autovacuum refreshes some time after a change.
Straight after thousands of rows arrive (an import, generated benchmark data), the planner still
thinks the tables are nearly empty and picks plans that read every row once per row: directory
searches took seconds until autovacuum caught up. SQLite plans without statistics unless ANALYZE
has been run, so it is left as it is.
"""

from django.db import connection
from wagtail.models import Page, PageViewRestriction
from wagtail.search.models import IndexEntry

from services_directory.models import (
    CostOption,
    HolidayClosure,
    Location,
    OpeningSession,
    Schedule,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
)


def refresh_statistics():
    """ANALYZE the tables a bulk load of services fills (PostgreSQL only). Returns True if run."""
    if connection.vendor != "postgresql":
        return False
    through = ServicePage.categories.through
    models = [
        ServicePage,
        Page,
        PageViewRestriction,
        IndexEntry,
        Schedule,
        OpeningSession,
        CostOption,
        HolidayClosure,
        ServiceAtLocation,
        ServiceLanguage,
        Location,
        TaxonomyTerm,
        through,
    ]
    tables = sorted({model._meta.db_table for model in models})
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')
    return True
