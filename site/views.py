"""Site-wide views: health check, robots.txt, sitemap and error pages."""

import logging
import socket
import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from council_site.sitemaps import sitemap  # noqa: F401 (re-exported for urls)
from foundation import database_outage
from search.backends import search_backend_status

logger = logging.getLogger(__name__)


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means the site cannot serve pages
        logger.warning("Health check: database unavailable: %s", error)
        return {"ok": False, "detail": "unavailable"}
    return {"ok": True, "detail": connection.vendor}


def _cache_status():
    """Whether the cache keeps what it is given.

    The Redis backend answers an outage as misses and logs it itself (foundation.cache), so a
    write that is not read back is the sign; other backends may raise.
    """
    key = "healthz:probe"
    try:
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
    except Exception as error:  # optional: rate limits count per process while it is down
        logger.warning("Health check: cache unavailable: %s", type(error).__name__)
        ok = False
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "detail": backend if ok else "unavailable"}


# An SMTP server is probed by connecting (no greeting, no sign-in) at most once a minute per
# process: a load balancer asks every few seconds, and the mail server need not hear of each.
EMAIL_PROBE_SECONDS = 60
EMAIL_PROBE_TIMEOUT = 2
_email_probe = {"at": None, "key": None, "status": None}


def _email_status():
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]  # "smtp", "console", "locmem"…
    if backend != "smtp":
        return {"ok": True, "detail": backend}
    now = time.monotonic()
    server = (settings.EMAIL_HOST, settings.EMAIL_PORT)
    probe = _email_probe
    if probe["key"] == server and now - probe["at"] < EMAIL_PROBE_SECONDS:
        return probe["status"]
    try:
        socket.create_connection(server, timeout=EMAIL_PROBE_TIMEOUT).close()
        status = {"ok": True, "detail": "smtp"}
    except OSError as error:  # refused, unreachable, timed out, unknown host
        logger.warning("Health check: mail server unreachable (%s).", type(error).__name__)
        status = {"ok": False, "detail": "smtp unreachable"}
    probe.update(at=now, key=server, status=status)
    return status


@never_cache
@require_GET
def healthz(request):
    """JSON health of each part: what is down, and 503 only when a required part is.

    "ok": everything answers. "degraded": an optional part (by default the cache, search and
    email) is down and the site serves without it (200). "unavailable": a part named in
    HEALTHCHECK_REQUIRED (by default the database) is down (503).
    """
    checks = {
        "database": _database_status(),
        "cache": _cache_status(),
        "search": search_backend_status(),
        "email": _email_status(),
    }
    required = set(settings.HEALTHCHECK_REQUIRED)
    down = sorted(name for name, check in checks.items() if not check["ok"])
    healthy = not required.intersection(down)
    status = "unavailable" if not healthy else "degraded" if down else "ok"
    return JsonResponse(
        {"status": status, "down": down, "checks": checks},
        status=200 if healthy else 503,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request):
    """Rendered without context processors: the database may be what failed.

    A lost database connection raised outside a view (saving the session, say) gets the 503
    page, as one raised in a view does (foundation.database_outage).
    """
    error = sys.exc_info()[1]
    if error is not None and database_outage.is_database_outage(error):
        return database_outage.outage_response(request, error)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
