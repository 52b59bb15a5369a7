"""The ranking trap: a common word ranked over every service, by one search backend.

Run as `python -m bench.ranking BACKEND WORD` inside a benchmark database's environment; prints
one line of JSON. The worker runs it in a subprocess with a time limit, because Wagtail's stock
SQLite backend can take minutes here and a query cannot be stopped any other way.

BACKEND is "site" (the site's default backend from WAGTAILSEARCH_BACKENDS: on SQLite the ranked
backend of search/database_backend.py, on PostgreSQL Wagtail's own) or "stock" (modelsearch's
SQLiteSearchBackend, what Wagtail uses on SQLite out of the box).
"""

import json
import sys
import time


def backend_named(name):
    from wagtail.search.backends import get_search_backend

    if name == "stock":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend({})
    return get_search_backend("default")


def rank(backend_name, word, page_size=10):
    from wagtail.models import Locale

    from services_directory.models import ServicePage

    backend = backend_named(backend_name)
    services = ServicePage.objects.live().filter(locale=Locale.objects.get(language_code="en"))
    started = time.perf_counter()
    results = backend.search(word, services, operator="and")
    first_page = [page.pk for page in results[:page_size]]
    ranked = time.perf_counter() - started
    count = results.count()
    return {
        "backend": type(backend).__module__ + "." + type(backend).__qualname__,
        "first_page_seconds": ranked,
        "total_seconds": time.perf_counter() - started,
        "matches": count,
        "services": services.count(),
        "first_page": first_page,
    }


def main():
    import django

    django.setup()
    print(json.dumps(rank(sys.argv[1], sys.argv[2])))


if __name__ == "__main__":
    main()
