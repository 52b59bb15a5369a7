"""Keywords that find nothing in the reader's language, searched for in English (issue 10).

A Polish parent may type an English word ("swimming") that the Polish services, once translated,
no longer hold. Then the same search, the keywords and every filter, runs over the directory in
the default language, and each service it finds is shown in the reader's language where the
reader's directory has it, in English (marked, written_in.py) where not, under a notice saying so.
The counts beside the filters are the English search's: each service found is shown once, in one
language or the other, so every count is what choosing that option shows. The keywords are taken
as typed (no spelling correction), as the site search does when it answers in English.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.db.models import OuterRef, Subquery
from django.utils import translation

from search.fallback import ELASTICSEARCH_ERRORS
from services_directory.models import DirectoryPage, ServicePage

from . import store
from .filters import visible_services
from .index import DirectoryIndex

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DirectoryRef:
    """What the index, the keywords and the ranking read of a directory page."""

    pk: int
    path: str
    depth: int


@dataclass(frozen=True)
class InEnglish:
    """The search over the English directory, for run_search to count and list."""

    directory: DirectoryRef
    index: DirectoryIndex
    keyword: tuple
    ranking_query: object
    sets: object
    matches: object
    language: str


def english_directory(directory_page, generation):
    """The live directory in the default language, as a DirectoryRef, or None (one query a
    generation)."""
    key = ("directory-in", directory_page.path, settings.LANGUAGE_CODE)
    found = store.recall(generation, key)
    if found is None:
        row = (
            DirectoryPage.objects.live()
            .filter(
                translation_key=directory_page.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list("pk", "path", "depth")
            .first()
        )
        # () rather than None: the store keeps no None, and "no English directory" is kept too.
        found = store.keep(generation, key, DirectoryRef(*row) if row else ())
    return found or None


def search_in_english(directory_page, request, *, now, holidays, find):
    """An InEnglish when the English directory's services match the keywords, else None.

    `find(index, directory)` gives (keyword, ranking query, sets, matches) as run_search's own
    search does; it runs with English active, which the search backends read to understand and
    stem the words.
    """
    generation = store.generation_of(request)
    english = english_directory(directory_page, generation)
    if english is None or english.pk == directory_page.pk:
        return None
    index = DirectoryIndex(english, request, now=now, holidays=holidays)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            keyword, ranking_query, sets, matches = find(index, english)
    except (DatabaseError, *ELASTICSEARCH_ERRORS) as error:
        # The reader's own search has answered already: without this one they see its "none".
        logger.warning("Directory search in English failed: %s", error)
        return None
    if keyword is None or not matches.matches:
        return None
    return InEnglish(
        directory=english,
        index=index,
        keyword=keyword,
        ranking_query=ranking_query,
        sets=sets,
        matches=matches,
        language=settings.LANGUAGE_CODE,
    )


def reader_versions(pks, directory_page, generation):
    """Each English service of `pks` as the reader's directory shows it, or itself where that
    directory has no version of it: one query for a page of results, kept."""
    pks = tuple(pks)
    key = ("reader-versions", directory_page.path, pks)
    shown = store.recall(generation, key)
    if shown is None and pks:
        versions = visible_services(directory_page).filter(
            translation_key=OuterRef("translation_key")
        )
        found = dict(
            ServicePage.objects.filter(pk__in=pks)
            .annotate(version=Subquery(versions.values("pk")[:1]))
            .values_list("pk", "version")
        )
        shown = store.keep(generation, key, tuple(found.get(pk) or pk for pk in pks))
    return shown or pks
