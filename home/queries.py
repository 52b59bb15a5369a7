"""Reads shared by several pages: kept to a fixed number of SQL queries."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def public(pages):
    """Pages no view restriction hides, as one subquery.

    Wagtail's ``.public()`` runs an extra query to collect every restriction first; lists on
    public pages use this instead so their query count stays fixed.
    """
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.filter(~Exists(restricted))
