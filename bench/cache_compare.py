"""The site's page cache beside Django's own cache middleware, on the same page in the same run.

Decision 0014 (docs/decisions/0014-page-cache.md) keeps the site's page cache; this scenario is
the measurement behind it. The home page, cached for a reader with no cookies, is served by:

    ours     bench.settings: foundation.page_cache.AnonymousPageCacheMiddleware
    django   bench.settings_django_cache: UpdateCacheMiddleware ... FetchFromCacheMiddleware

each against a plain Django view served by the site's own stack (the CACHED_VS_PLAIN target).
In-process (django.test.Client) gives time and SQL queries per hit; over HTTP each
configuration gets its own gunicorn in turn, ROUNDS times alternating, so a busy machine
slows both; the req/s are the median of the rounds.
"""

import os
import statistics
import time
from pathlib import Path

from bench import scenarios
from bench.http_load import Server, get_once, load, percentile, server_env

HOME = "/en/"
PLAIN = "/bench/plain/"
# The plain view is asked with a cookie, as in the main tables: the yardstick is the view built
# through the site's stack, not our page cache's copy of it.
UNCACHED = {"Cookie": "bench-uncached=1"}
ROUNDS = 3
CONFIGURATIONS = {"ours": "bench.settings", "django": "bench.settings_django_cache"}


def _hit(response):
    # Ours marks a hit; Django's sets Age only on a response it took from the cache.
    return response.get("X-Page-Cache") == "hit" or response.has_header("Age")


def _p50_ms(client, path, budget):
    client.get(path)
    timings = []
    for _ in range(budget.inproc_requests * 3):
        began = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - began)
    return percentile(timings, 50) * 1000, percentile(timings, 95) * 1000


def _in_process(settings_module, budget):
    from django.db import connection
    from django.test import Client, override_settings

    overrides = {}
    if settings_module != "bench.settings":
        from bench import settings_django_cache as other

        overrides = {
            name: getattr(other, name)
            for name in (
                "MIDDLEWARE",
                "CACHE_MIDDLEWARE_ALIAS",
                "CACHE_MIDDLEWARE_SECONDS",
                "CACHE_MIDDLEWARE_KEY_PREFIX",
            )
        }
    with override_settings(**overrides):
        client = Client()
        client.get(HOME)
        captured = []

        def count(execute, sql, params, many, context):
            captured.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(HOME)
        p50, p95 = _p50_ms(client, HOME, budget)
    return {"hit": _hit(response), "queries": len(captured), "p50_ms": p50, "p95_ms": p95}


def _over_http(settings_module, budget, var_dir, say):
    env = {**server_env(os.environ), "DJANGO_SETTINGS_MODULE": settings_module}
    log = Path(var_dir) / f"gunicorn-{settings_module.rsplit('.', 1)[1]}.log"
    figures = {}
    # Six servers start in this scenario: on a loaded machine one can take over a minute.
    with Server(env, log, startup_seconds=240) as server:
        headers = {"Host": f"127.0.0.1:{server.port}"}
        asked = {"plain": (PLAIN, {**headers, **UNCACHED}), "home_cached": (HOME, headers)}
        for path, sent in asked.values():
            for _ in range(4 * budget.http_threads):  # every worker fills its cache
                status, _body = get_once(server.port, path, sent)
                if status != 200:
                    raise RuntimeError(f"{settings_module}: {path} answered {status}")
        for key, (path, sent) in asked.items():
            figures[key] = load(
                server.port,
                path,
                sent,
                threads=budget.http_threads,
                max_requests=budget.http_requests,
                max_seconds=budget.http_seconds,
            )
    say(
        f"    {settings_module:<30} plain {figures['plain']['rps']:7,.0f} req/s, "
        f"home cached {figures['home_cached']['rps']:7,.0f} req/s"
    )
    return figures


def run(budget, say, var_dir):
    """{configuration: {in_process, http: [rounds], vs_plain}} for the cached home page."""
    from django.test import Client

    report = {}
    plain_p50, _p95 = _p50_ms(Client(headers=UNCACHED), PLAIN, budget)
    say(f"  in-process, the cached home page (no cookies); the plain view: p50 {plain_p50:.2f} ms")
    for name, module in CONFIGURATIONS.items():
        figures = _in_process(module, budget)
        figures["vs_plain"] = plain_p50 / figures["p50_ms"]
        report[name] = {"in_process": figures, "http": []}
        say(
            f"    {name:<8} p50 {figures['p50_ms']:.2f} ms ({figures['vs_plain']:.0%} of the plain "
            f"view's speed), p95 {figures['p95_ms']:.2f} ms, {figures['queries']} SQL per hit, "
            f"served from the cache: {figures['hit']}"
        )
    say(f"  over HTTP (gunicorn -w 2), {ROUNDS} rounds alternating:")
    for _ in range(ROUNDS):
        for name, module in CONFIGURATIONS.items():
            report[name]["http"].append(_over_http(module, budget, var_dir, say))
    # The target's yardstick is the plain view through the site's own stack (bench.settings).
    plain = statistics.median(r["plain"]["rps"] for r in report["ours"]["http"])
    for name, block in report.items():
        cached = statistics.median(r["home_cached"]["rps"] for r in block["http"])
        block["home_cached_rps"] = cached
        block["vs_plain"] = cached / plain if plain else float("nan")
        verdict = "PASS" if block["vs_plain"] >= scenarios.CACHED_VS_PLAIN else "FAIL"
        say(
            f"  {name:<8} cached home page {cached:,.0f} req/s = {block['vs_plain']:.0%} of the "
            f"plain view ({plain:,.0f} req/s); target >= {scenarios.CACHED_VS_PLAIN:.0%}: "
            f"{verdict}"
        )
    return report
