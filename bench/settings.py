"""Benchmark settings: the development settings with DEBUG off, plus two bench-only views.

`bench/run.py` sets DATABASE_URL and VAR_DIR for each database it measures, so nothing here
touches the developer's own database.
"""

from council_site.settings.dev import *  # noqa: F403
from council_site.settings.dev import ALLOWED_HOSTS, BASE_DIR, STATIC_ROOT, TEMPLATES

DEBUG = False
ROOT_URLCONF = "bench.urls"
# django.test.Client sends Host: testserver.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
# A page that needs more than this much database time is broken for readers (gunicorn's own
# limit is 30 s): stop the query so the benchmark reports it instead of waiting for it.
BENCH_STATEMENT_TIMEOUT_MS = 10_000
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        f"-c statement_timeout={BENCH_STATEMENT_TIMEOUT_MS}"
    )

# Served by gunicorn as in production, with production's persistent connections (see
# site/settings/production.py): a connection per request would be measured, not the page.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# A failing page is reported in the table with its exception; its traceback would bury the tables.
LOGGING["loggers"]["django.request"] = {"level": "CRITICAL"}  # noqa: F405

# WhiteNoise warns on every process start when STATIC_ROOT is missing; the finders serve assets.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# The ideas-board scenario posts dozens of ideas from one address in seconds: the per-client
# limit (10 an hour) would refuse all but the first ten and the benchmark would time refusals.
CONSULTATIONS_IDEA_RATE = "100000/h"
