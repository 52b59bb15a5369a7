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
# WhiteNoise warns on every process start when STATIC_ROOT is missing; the finders serve assets.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
