"""Index imported services once, at the end, rather than on each of their saves."""

import contextlib
import logging

from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from wagtail.search.backends import get_search_backends_with_name

from services_directory.models import ServicePage

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def deferred_search_index():
    """Leave services out of the search index while the block saves them (see index_services).

    Each page save indexed the page there and then, a fifth of an import's time, and a service
    is saved three times on its way in (into the tree, its revision, its publication). The signal
    is global, so this is for an import's own process: the management command or a test.
    """
    disconnected = post_save.disconnect(search_signals.post_save_signal_handler, sender=ServicePage)
    try:
        yield
    finally:
        if disconnected:
            post_save.connect(search_signals.post_save_signal_handler, sender=ServicePage)


def index_services(pks, batch_size=200):
    """Add these services to every search backend as they now are, a batch at a time.

    Returns notes for the report: a backend that fails (Elasticsearch down, say) is logged and
    named, as Wagtail's own signal handler logs it, rather than undoing an import that is in.
    """
    pks = sorted(pks)
    failed = set()
    for start in range(0, len(pks), batch_size):
        pages = list(
            ServicePage.objects.filter(pk__in=pks[start : start + batch_size])
            .select_related("organisation")
            .prefetch_related("categories")
        )
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(ServicePage, pages)
            except Exception:
                logger.exception("Imported services not added to the %r search backend", name)
                failed.add(name)
    return [
        f"The {name!r} search index was not updated: run manage.py update_index."
        for name in sorted(failed)
    ]
