"""ORUK ``last_modified`` for what a service shows but does not own: its organisation, places and
categories.

A service page stamps ``last_modified`` when it is saved, but a location, organisation, category
or taxonomy is saved on its own, and what the API publishes for every service that shows it changes
with it. Without this, a system polling ``modified_after`` would never hear that a centre moved or
an organisation changed its email. Each save moves the stamp of those services in one UPDATE: no
page save, so no new revisions and no reindexing (the search index holds the page's own fields).
"""

import contextlib
import contextvars

from django.db.models.signals import post_save, pre_delete
from django.utils import timezone

from services_directory.models import Location, Organisation, ServicePage, Taxonomy, TaxonomyTerm

# How services point at each snippet: the ServicePage lookup for "shows this one".
SHOWN_BY = {
    Location: "service_at_locations__location__in",
    Organisation: "organisation__in",
    TaxonomyTerm: "categories__in",
    Taxonomy: "categories__taxonomy__in",
}
_deferred = contextvars.ContextVar("deferred_service_touches", default=None)


def services_showing(model, pks):
    return ServicePage.objects.filter(**{SHOWN_BY[model]: pks})


def touch_services_showing(changed, exclude=()):
    """Stamp now on the services showing the `changed` {model: primary keys}; how many moved."""
    moved = 0
    now = timezone.now()
    for model, pks in changed.items():
        if not pks:
            continue
        services = services_showing(model, list(pks)).exclude(pk__in=list(exclude))
        # One UPDATE per kind, however many services: "pk IN (the services showing it)".
        moved += ServicePage.objects.filter(pk__in=services.order_by().values("pk")).update(
            last_modified=now
        )
    return moved


@contextlib.contextmanager
def deferred_touches():
    """Collect the snippets saved inside the block, {model: set of pks}, and touch nothing.

    The importer uses it: a feed's own ``last_modified`` is the truth for the services it brings,
    so it touches the others itself once the whole feed is in.
    """
    collected = {}
    token = _deferred.set(collected)
    try:
        yield collected
    finally:
        _deferred.reset(token)


def _changed(sender, instance):
    collected = _deferred.get()
    if collected is not None:
        collected.setdefault(sender, set()).add(instance.pk)
    else:
        touch_services_showing({sender: {instance.pk}})


def _saved(sender, instance, created=False, raw=False, **kwargs):
    # Nothing shows a new snippet yet; fixtures being loaded are not edits.
    if not created and not raw:
        _changed(sender, instance)


def _deleting(sender, instance, **kwargs):
    # Before the delete, while the services still point at it (then their link is cleared).
    _changed(sender, instance)


def connect_signals():
    """Called from the app's ready(), so the admin, imports and commands all move the stamp."""
    for model in SHOWN_BY:
        uid = f"oruk_last_modified_{model._meta.model_name}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}_saved")
        # A used location or taxonomy cannot be deleted (PROTECT); an organisation or term can.
        if model in (Organisation, TaxonomyTerm):
            pre_delete.connect(_deleting, sender=model, dispatch_uid=f"{uid}_deleting")
