"""Editors' synonym changes reach Elasticsearch: the analysis settings are sent again.

Synonyms are applied when a query is read, not when pages are indexed, so new sets need no
reindexing; but Elasticsearch only changes an index's analyzers while the index is closed. Each
index is closed, given the new settings and opened again: a second or so in which searches are
answered by the database (search/fallback.py). `manage.py update_index` also picks up the current
sets, building a new index beside the old one and switching to it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from elasticsearch import ApiError, TransportError

from search.backends import elasticsearch_backend, elasticsearch_configured

logger = logging.getLogger(__name__)


def _concrete_names(backend, index):
    """The indices behind `index`'s name: Wagtail's atomic rebuilds make it an alias."""
    indices = backend.es.indices
    if indices.exists_alias(name=index.name):
        return sorted(indices.get_alias(name=index.name).keys())
    if indices.exists(index=index.name):
        return [index.name]
    return []  # never built: update_index will create it with the current sets


def update_synonyms(backend=None):
    """Send every index the analysis settings with the current sets; returns the indices."""
    if backend is None:
        backend = elasticsearch_backend()
    analysis = backend.index_settings()["settings"]["analysis"]
    updated = []
    for index in backend.all_indexes():
        for name in _concrete_names(backend, index):
            backend.es.indices.close(index=name)
            try:
                backend.es.indices.put_settings(index=name, settings={"analysis": analysis})
            finally:
                backend.es.indices.open(index=name)
            updated.append(name)
    return updated


def _update_after_commit():
    try:
        names = update_synonyms()
    except (ApiError, TransportError) as error:
        logger.warning(
            "Elasticsearch did not take the new synonyms (run manage.py update_index): %s",
            error,
        )
    else:
        logger.info("Synonyms sent to Elasticsearch indices %s", ", ".join(names) or "(none)")


def synonyms_changed(**kwargs):
    """Signal receiver: once the editor's change is saved, send it to Elasticsearch."""
    if elasticsearch_configured():
        transaction.on_commit(_update_after_commit)


def connect_signals():
    """Called from SearchConfig.ready(): saving or deleting a SynonymSet updates Elasticsearch."""
    for signal in (post_save, post_delete):
        signal.connect(
            synonyms_changed,
            sender="search.SynonymSet",
            dispatch_uid=f"search.elasticsearch.synonyms.{signal is post_save}",
        )
