"""Site-wide views: health check, robots.txt, sitemap and error pages."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from council_site.sitemaps import sitemap  # noqa: F401 (re-exported for urls)
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
    key = "healthz:probe"
    try:
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
    except Exception as error:  # the cache is optional for readers, required for rate limits
        logger.warning("Health check: cache unavailable: %s", error)
        ok = False
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "detail": backend if ok else "unavailable"}


@never_cache
@require_GET
def healthz(request):
    """JSON health of each part; 503 when a part the site needs does not answer."""
    checks = {
        "database": _database_status(),
        "cache": _cache_status(),
        "search": search_backend_status(),
    }
    required = set(settings.HEALTHCHECK_REQUIRED)
    healthy = all(check["ok"] for name, check in checks.items() if name in required)
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
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
    """Rendered without context processors: the database may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
