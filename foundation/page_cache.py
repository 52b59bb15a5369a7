"""Serve repeat anonymous page views from the cache.

Only requests with no cookies at all are served from or stored in the cache, so editors, people
with a session (a shortlist, a half-filled form) and anyone holding a CSRF token always get a
fresh page. A page is the same bytes for every reader (the one inline script is allowed by its
hash in the Content-Security-Policy, not by a per-response nonce), so a cached copy is sent as it
was stored. Any change to content (a page published, a snippet or setting saved) moves the cache
to a new generation, so readers never see stale pages for longer than it takes to publish. Which
saves count as changes to content each app declares about its own models (`reader_content`).
"""

import hashlib
import logging
import secrets
import threading
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from foundation.log_once import warn_once

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# A copy beside the pages, so a cached hit is one read of one table: the generation and the page
# together. The pages' cache may cull the copy; the generation itself (above) is never culled,
# and a missing copy is read from there and put back.
GENERATION_COPY_KEY = "page-cache:generation-copy"
# Not kept for ever: should a write of a new generation to the copy ever fail, pages are stale
# for this long at most, not until the next publish.
GENERATION_COPY_SECONDS = 60
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/healthz/", "/documents/", "/static/", "/media/")
MAX_PATH_LENGTH = 600
# App label -> the names of its models whose saves leave every page as it was; an app that is
# not here changes no page (sessions, sign-in logs, translation jobs). Filled by reader_content().
_declared = {}


def reader_content(app_label, *, except_models=()):
    """Declare that saving or deleting a row of `app_label` changes what readers see.

    Each app calls this from its AppConfig.ready() for its own models, and for the library apps
    whose rows it shows (Wagtail's pages, images, documents). `except_models` names the models
    no page shows as they are saved: rows readers write (an idea, a problem report) and counts
    of what they search for, each of which would otherwise empty the cache. Where such a row
    does change a page (an idea approved), the service that changes it calls invalidate().
    """
    app_config = apps.get_app_config(app_label)  # a misspelt label fails at start-up
    unseen = frozenset(app_config.get_model(name)._meta.model_name for name in except_models)
    # Declared twice (two apps show the same library's rows): a model is left out only if
    # every declaration leaves it out.
    _declared[app_label] = _declared.get(app_label, unseen) & unseen


def changes_what_readers_see(model):
    """Whether saving or deleting a row of `model` moves the content generation on."""
    meta = model._meta
    unseen = _declared.get(meta.app_label)
    return unseen is not None and meta.model_name not in unseen


def page_store():
    """The cache pages are kept in: one of their own (settings), so a full one culls only pages.

    The generation stays in the default cache, where nothing culls it before its time.
    """
    return caches["pages"]


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A missing key (never set, cleared, or culled from a full cache) starts a new
        # generation rather than a fixed "0" that an old copy made under "0" would still match.
        cache.add(GENERATION_KEY, secrets.randbits(48), None)
        generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else "none"


def current_generation(request):
    """The content generation, read from the cache at most once per request."""
    if not hasattr(request, "_content_generation"):
        try:
            request._content_generation = _generation()
        except Exception as error:  # with no cache, nothing cached can be stale
            warn_once(logger, "content generation", "Cache unavailable: %s", error)
            request._content_generation = "none"
    return request._content_generation


def _generation_beside_pages(request, copy):
    """The generation from its copy in the pages' cache; from the cache itself if culled."""
    if copy is None:
        copy = current_generation(request)
        if copy != "none":
            page_store().set(GENERATION_COPY_KEY, copy, GENERATION_COPY_SECONDS)
    else:
        request._content_generation = copy  # the site memo reads it too
    return copy


def invalidate(**kwargs):
    """Move every cached page to a new generation; old entries expire on their own."""
    try:
        generation = secrets.randbits(48)
        cache.set(GENERATION_KEY, generation, None)
        page_store().set(GENERATION_COPY_KEY, generation, GENERATION_COPY_SECONDS)
    except Exception as error:  # a cache outage must not stop an editor publishing
        logger.warning("Page cache not invalidated: %s", error)


_deferral = threading.local()


@contextmanager
def invalidation_deferred():
    """Saves inside move the generation once, at the end, instead of once each.

    An import or the demo loader saves thousands of rows; moving the generation for each cost
    two cache writes a row (more than half the queries of an import on the database cache).
    """
    depth = getattr(_deferral, "depth", 0)
    _deferral.depth = depth + 1
    try:
        yield
    finally:
        _deferral.depth = depth
        if depth == 0 and getattr(_deferral, "changed", False):
            _deferral.changed = False
            _invalidate_now_and_on_commit()


def _invalidate_after_commit():
    invalidate()


def _invalidate_now_and_on_commit():
    invalidate()
    # Again once the change is committed: another process that rebuilt a page (or its memo)
    # from the database in between saw the old rows under the new generation. Once per
    # transaction is enough.
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", [])
    if not any(entry[1] is _invalidate_after_commit for entry in pending):
        transaction.on_commit(_invalidate_after_commit)


def _on_model_change(sender, **kwargs):
    if changes_what_readers_see(sender):
        if getattr(_deferral, "depth", 0):
            _deferral.changed = True
        else:
            _invalidate_now_and_on_commit()


def connect_signals():
    """Called from the app's ready(), so commands that publish also invalidate the cache."""
    post_save.connect(_on_model_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_post_delete")


class AnonymousPageCacheMiddleware:
    """Caches 200 HTML and JSON responses to cookieless GET requests for PAGE_CACHE_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self._cacheable_request(request):
            return self.get_response(request)
        try:
            key = self._key(request)
            found = page_store().get_many([GENERATION_COPY_KEY, key])
            generation = _generation_beside_pages(request, found.get(GENERATION_COPY_KEY))
            cached = found.get(key)
        except Exception as error:  # the cache is an optimisation: pages still render without it
            warn_once(logger, "page cache", "Page cache unavailable: %s", error)
            return self.get_response(request)
        if cached is not None and cached.get("generation") == generation:
            return self._rebuild(cached)
        response = self.get_response(request)
        timeout = self._timeout(request)
        if timeout and self._cacheable_response(response):
            try:
                frozen = {**self._freeze(response), "generation": generation}
                page_store().set(key, frozen, timeout)
            except Exception as error:
                logger.warning("Page not cached: %s", error)
        return response

    @staticmethod
    def _timeout(request):
        """PAGE_CACHE_SECONDS, or less for a page that changes by itself at a known time.

        A view sets `request.page_cache_max_seconds` (a consultation that opens or closes in
        ten minutes), so a cached copy never outlives what it says.
        """
        limit = getattr(request, "page_cache_max_seconds", None)
        if limit is None:
            return settings.PAGE_CACHE_SECONDS
        return max(0, min(settings.PAGE_CACHE_SECONDS, int(limit)))

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.COOKIES
            and not request.path.startswith(SKIP_PREFIXES)
            and len(request.get_full_path()) <= MAX_PATH_LENGTH
        )

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(("text/html", "application/json"))
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def _key(request):
        # One entry per address: a page of an older generation is replaced, not left to expire.
        digest = hashlib.sha256(
            f"{request.get_host()}{request.get_full_path()}".encode()
        ).hexdigest()
        # "2": copies stored before the nonce was dropped carry one nonce for every reader.
        return f"page-cache:2:{request.method}:{digest}"

    @staticmethod
    def _freeze(response):
        # Content-Length is worked out again when served, from the body actually sent.
        headers = {
            name: value for name, value in response.items() if name.lower() != "content-length"
        }
        return {"content": response.content, "headers": headers}

    @staticmethod
    def _rebuild(cached):
        content = cached["content"]
        response = HttpResponse(content)
        for name, value in cached["headers"].items():
            response[name] = value
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        return response
