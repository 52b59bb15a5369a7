"""One database's benchmark, run by bench/run.py in its own process (settings read fresh).

    python -m bench.worker --label sqlite --sizes 100,10000 --results out.json [--quick]
        [--scenarios directory,ideas,caches]

The environment (DATABASE_URL, VAR_DIR, DJANGO_SETTINGS_MODULE=bench.settings) says which
database; this process builds it, fills it to each size in turn and measures.
"""

import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import django

from bench import growth
from bench.http_load import percentile

REPO = Path(__file__).resolve().parents[1]


# --- Small helpers ---------------------------------------------------------------------------


def say(*parts):
    print(*parts, flush=True)


def fmt_ms(value):
    return "-" if value is None or math.isnan(value) else f"{value:.1f}"


def fmt_num(value, digits=0):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def fmt_seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


class Budget:
    """How hard to push: --quick trades precision for a run of a few minutes."""

    def __init__(self, quick):
        self.quick = quick
        self.inproc_requests = 8 if quick else 30
        self.inproc_seconds = 1.5 if quick else 6
        self.http_requests = 100 if quick else 600
        self.http_seconds = 1 if quick else 3
        self.http_threads = 2
        self.warmups = 1 if quick else 2
        # --quick measures throughput at its largest size only; smaller sizes still give the
        # in-process times and the query counts that must stay flat.
        self.http_at_every_size = not quick
        self.import_sample = 50 if quick else 300


# --- Building the database ---------------------------------------------------------------------


def build_database(quick):
    from django.core.management import call_command

    started = time.monotonic()
    say("  migrating…")
    # The cache table first: migrations publish pages, and the page cache invalidates on publish.
    call_command("createcachetable", verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    # Translating every demo page and service into five languages takes a minute or two; --quick
    # measures English pages only, which make the same queries.
    languages = "English only (--quick)" if quick else "all languages"
    say(f"  migrated in {time.monotonic() - started:.0f} s; loading demo content ({languages})…")
    started = time.monotonic()
    call_command("load_demo_content", verbosity=0, skip_translations=quick)
    say(f"  demo content loaded in {time.monotonic() - started:.0f} s")


def english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def service_count():
    from services_directory.models import ServicePage

    return ServicePage.objects.live().filter(locale=english()).count()


def grow_to(size):
    """Add generated services until the English directory lists `size` of them."""
    from django.core.management import call_command, get_commands

    have = service_count()
    if "generate_directory" not in get_commands():
        say(f"  WARNING: no generate_directory command yet: measuring the {have:,} demo services")
        return have
    if have >= size:
        say(f"  {have:,} services already (wanted {size:,})")
        return have
    say(f"  generating {size - have:,} services ({have:,} there already)…")
    started = time.monotonic()
    # A new seed each step: the same seed twice would make the same organisation ids again.
    call_command("generate_directory", services=size - have, seed=size)
    have = service_count()
    took = time.monotonic() - started
    say(f"  {have:,} services after {took:.0f} s")
    # generate_directory inserts rows in bulk, which sends no signals: move the content
    # generation on as a publish would, so nothing kept from the last size is shown.
    from foundation.page_cache import invalidate

    invalidate()
    if have < size:
        say(f"  WARNING: generate_directory left {have:,} services, not {size:,}")
    return have


# --- What to request ---------------------------------------------------------------------------


def find_targets():
    """The pages to measure, looked up in this database rather than hard-coded."""
    from django.db.models import Count

    from bench import scenarios
    from home.models import ContentPage, PolicyIndexPage, PolicyPage, ReportPage
    from services_directory.models import DirectoryPage, Location, ServicePage, TaxonomyTerm

    locale = english()

    def first_url(model, **filters):
        page = model.objects.live().filter(locale=locale, **filters).order_by("path").first()
        return page.url if page else None

    content = first_url(ContentPage, numchild=0, show_in_menus=True) or first_url(ContentPage)
    services = ServicePage.objects.live().filter(locale=locale).order_by("pk")
    middle = services[services.count() // 2] if services.exists() else None
    directory = first_url(DirectoryPage)
    term = (
        TaxonomyTerm.objects.filter(locale=locale)
        .annotate(uses=Count("services"))
        .order_by("-uses", "pk")
        .first()
    )
    location = Location.objects.exclude(postal_code="").order_by("pk").first()
    placeholders = {
        "category": term.slug if term else "",
        "postcode": location.postal_code if location else "",
    }

    rows = [
        ("plain", "plain Django view (reference)", "/bench/plain/", False, "plain"),
        ("ref43", "bakerydemo-like page, 43 queries", "/bench/reference-43/", False, "ref43"),
        ("home", "home page /en/", "/en/", False, "page"),
        ("home_cached", "home page, cached (no cookies)", "/en/", True, "cached"),
        ("content", "content page", content, False, "page"),
        ("report", "report page", first_url(ReportPage), False, "page"),
        ("policy_index", "policy index", first_url(PolicyIndexPage), False, "page"),
        ("policy", "policy page", first_url(PolicyPage), False, "page"),
        (
            "site_search",
            f"site search ({scenarios.SITE_SEARCH.split('?')[1]})",
            scenarios.SITE_SEARCH,
            False,
            "page",
        ),
        ("directory", "directory page, no filters", directory, False, "page"),
    ]
    searches = scenarios.directory_urls(directory, placeholders) if directory else []
    for index, (label, url) in enumerate(searches):
        rows.append((f"search_{index}", f"search: {label}", url, False, "search"))
    rows.append(("service", "service page", middle.url if middle else None, False, "page"))
    rows.append(("api", "API list, 50 a page", scenarios.API_LIST, False, "api"))
    combined = searches[-1][1] if searches else None
    rows.append(("cached_search", "combined search, cached", combined, True, "cached"))
    return [
        {"key": key, "label": label, "url": url, "cached": cached, "kind": kind}
        for key, label, url, cached, kind in rows
    ]


# --- In-process measurement ----------------------------------------------------------------------

UNCACHED_COOKIE = "bench-uncached=1"  # the page cache skips any request that carries a cookie
SLOW_MS = 1000  # in-process p50 above which a URL gets a minimal HTTP load
VERY_SLOW_S = 5  # a first request slower than this is measured once and not load-tested


def client_for(cached):
    from django.test import Client

    # A fixed Cookie header: Set-Cookie in a response never changes what the next request sends.
    # A view's exception becomes a 500 in the table, as a reader would see it, not a crash here.
    return Client(HTTP_COOKIE="" if cached else UNCACHED_COOKIE, raise_request_exception=False)


def _failure(response):
    if response.status_code < 500 or not getattr(response, "exc_info", None):
        return f"HTTP {response.status_code}"
    error = response.exc_info[1]
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"HTTP 500: {type(error).__name__}: {text}"[:120]


def measure_in_process(target, budget):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(target["cached"])
    url = target["url"]
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    first = time.perf_counter() - began
    if first > VERY_SLOW_S or response.status_code != 200:
        # One request is all a page this slow (or this broken) gets: its figures are a cold
        # first request, marked as such in the table.
        return {
            "status": response.status_code,
            "failure": None if response.status_code == 200 else _failure(response),
            "bytes": len(response.content),
            "queries": len(captured),
            "cold": True,
            "cache_hit": response.get("X-Page-Cache") == "hit",
            "samples": 1,
            "p50_ms": first * 1000,
            "p95_ms": first * 1000,
        }
    deadline = time.perf_counter() + budget.inproc_seconds
    for _ in range(budget.warmups - 1):
        client.get(url)
        if time.perf_counter() > deadline:
            break  # a slow page: one warm-up is enough
    # The second request onwards: caches filled, so the count is what every later visitor costs.
    # It is timed as the first sample too, so a very slow page costs only two requests.
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    timings = [time.perf_counter() - began]
    result = {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": len(captured),
        "cache_hit": response.get("X-Page-Cache") == "hit",
        # The first request in this process: whatever the page keeps between requests (the
        # directory's sets for a new keyword or postcode, a ranked page) is worked out here.
        "first_ms": first * 1000,
    }
    deadline = time.perf_counter() + budget.inproc_seconds
    while len(timings) < budget.inproc_requests and time.perf_counter() < deadline:
        began = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - began)
    result["samples"] = len(timings)
    result["p50_ms"] = percentile(timings, 50) * 1000
    result["p95_ms"] = percentile(timings, 95) * 1000
    return result


# --- HTTP measurement ---------------------------------------------------------------------------


def measure_http(targets, budget, var_dir):
    from bench.http_load import Server, get_once, load, server_env

    env = server_env(os.environ)
    results = {}
    with Server(env, Path(var_dir) / "gunicorn.log") as server:
        say(f"  gunicorn -w 2 on 127.0.0.1:{server.port}: measuring throughput…")
        # Each worker process loads templates and fills its caches on its first requests.
        for _ in range(4 * budget.http_threads):
            get_once(server.port, "/en/", {"Cookie": UNCACHED_COOKIE})
        for target in targets:
            headers = {"Host": f"127.0.0.1:{server.port}"}
            if not target["cached"]:
                headers["Cookie"] = UNCACHED_COOKIE
            # A page that takes seconds in-process gets one request per client thread: enough
            # for a rate, and the run stays bounded however slow a page has become.
            slow = target["p50_ms"] > SLOW_MS
            for _ in range(0 if slow else budget.http_threads):
                get_once(server.port, target["url"], headers)
            results[target["key"]] = load(
                server.port,
                target["url"],
                headers,
                threads=budget.http_threads,
                max_requests=budget.http_threads if slow else budget.http_requests,
                max_seconds=budget.http_seconds,
            )
    return results


# --- The ranking trap ----------------------------------------------------------------------------


def ranking_trap(vendor, quick):
    from bench import scenarios

    backends = ["site", "stock"] if vendor == "sqlite" else ["site"]
    results = {}
    for name in backends:
        cap = scenarios.RANKING_STOCK_CAP_SECONDS if name == "stock" else 300
        command = [sys.executable, "-m", "bench.ranking", name, scenarios.RANKING_QUERY]
        started = time.monotonic()
        try:
            finished = subprocess.run(
                command,
                cwd=REPO,
                env=os.environ.copy(),
                capture_output=True,
                text=True,
                timeout=cap,
            )
        except subprocess.TimeoutExpired:
            results[name] = {"capped": True, "cap_seconds": cap}
            continue
        if finished.returncode != 0:
            results[name] = {"error": finished.stderr.strip().splitlines()[-1:]}
            continue
        results[name] = json.loads(finished.stdout.strip().splitlines()[-1])
        results[name]["wall_seconds"] = time.monotonic() - started
    return results


# --- Import throughput ---------------------------------------------------------------------------


def snapshot_for_import(var_dir):
    """Keep a copy of the freshly built database (demo content, no generated services)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        copy = Path(var_dir) / "fresh-for-import.sqlite3"
        shutil.copyfile(settings_dict["NAME"], copy)
        return f"sqlite:///{copy}"
    connection.close()
    fresh = f"{settings_dict['NAME']}_import"
    _pg_admin(f'DROP DATABASE IF EXISTS "{fresh}"')
    _pg_admin(f'CREATE DATABASE "{fresh}" TEMPLATE "{settings_dict["NAME"]}"')
    user = settings_dict.get("USER") or "postgres"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{fresh}"


def _pg_admin(sql):
    import psycopg
    from django.db import connection

    settings_dict = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        user=settings_dict.get("USER") or "postgres",
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or "127.0.0.1",
        port=settings_dict.get("PORT") or 5432,
        autocommit=True,
    ) as admin:
        admin.execute(sql)


def drop_import_database(fresh_url):
    if fresh_url.startswith("postgres"):
        _pg_admin(f'DROP DATABASE IF EXISTS "{fresh_url.rsplit("/", 1)[1]}" WITH (FORCE)')


def import_throughput(fresh_url, sample, var_dir):
    """Export `sample` services as ORUK JSON, then time importing them into the fresh copy."""
    from bench import importer

    try:
        records, export_seconds = importer.export_records(sample)
    except importer.NotAvailable as missing:
        return {"skipped": str(missing)}
    say(
        f"  exported {len(records):,} services in {export_seconds:.1f} s "
        f"= {len(records) / export_seconds:,.0f} services/s"
    )
    path = Path(var_dir) / "export.json"
    path.write_text(json.dumps(records))
    env = {**os.environ, "DATABASE_URL": fresh_url}
    command = [sys.executable, "-m", "bench.importer", str(path)]
    say(f"  importing {len(records):,} exported services into a fresh database…")
    finished = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800
    )
    if finished.returncode != 0:
        return {"error": finished.stderr.strip().splitlines()[-3:]}
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    result["export"] = {"records": len(records), "seconds": export_seconds}
    return result


# --- Verdicts and tables ------------------------------------------------------------------------


def _at_least(ratio, target):
    return None if math.isnan(ratio) else ratio >= target


def verdicts(rows, scenarios):
    """Fill each row's target and PASS/FAIL from the figures measured in this same run."""
    by_key = {row["key"]: row for row in rows}
    plain, ref, home = by_key.get("plain"), by_key.get("ref43"), by_key.get("home")

    def rps(row):
        return (row or {}).get("http", {}).get("rps") or float("nan")

    for row in rows:
        inproc = row.get("inproc", {})
        row["vs_ref"] = rps(row) / rps(ref) if ref else float("nan")
        home_p50 = (home or {}).get("inproc", {}).get("p50_ms") or float("nan")
        row["vs_home"] = inproc.get("p50_ms", float("nan")) / home_p50
        checks = []
        if row.get("error"):
            row["target"], row["result"] = "", f"ERROR {row['error']}"
            continue
        if row["kind"] == "plain":
            row["target"], row["result"] = "reference", ""
            continue
        if row["kind"] == "ref43":
            queries = inproc.get("queries")
            row["target"] = "reference"
            row["result"] = "" if queries == 43 else f"has {queries} queries, not 43!"
            continue
        if row["kind"] == "cached":
            ratio = rps(row) / rps(plain)
            row["vs_plain"] = ratio
            if not inproc.get("cache_hit"):
                home_cached = by_key.get("home_cached", {}).get("inproc", {})
                if home_cached.get("cache_hit"):
                    row["target"], row["result"] = "not served from the page cache", "-"
                else:
                    row["target"], row["result"] = "no page cache configured", "-"
                continue
            checks.append(
                (
                    f">={scenarios.CACHED_VS_PLAIN:.0%} of plain",
                    _at_least(ratio, scenarios.CACHED_VS_PLAIN),
                )
            )
        else:
            if inproc.get("cache_hit"):
                row["target"], row["result"] = "", "ERROR: page cache answered"
                continue
            checks.append(
                (
                    f"<={scenarios.QUERY_BUDGET} SQL",
                    inproc.get("queries", 99) <= scenarios.QUERY_BUDGET,
                )
            )
            if row["key"] == "home":
                checks.append(
                    (
                        f">={scenarios.UNCACHED_VS_REFERENCE:g}x ref req/s",
                        _at_least(row["vs_ref"], scenarios.UNCACHED_VS_REFERENCE),
                    )
                )
            if row["key"] == "directory" or row["kind"] == "search":
                home_p95 = (home or {}).get("inproc", {}).get("p95_ms") or float("nan")
                row["vs_home_p95"] = inproc.get("p95_ms", float("nan")) / home_p95
                checks.append(
                    (
                        f">={scenarios.DIRECTORY_VS_REFERENCE:g}x ref req/s",
                        _at_least(row["vs_ref"], scenarios.DIRECTORY_VS_REFERENCE),
                    )
                )
                checks.append(
                    (
                        f"p95<={scenarios.DIRECTORY_P95_VS_HOME:g}x home",
                        None
                        if math.isnan(row["vs_home_p95"])
                        else row["vs_home_p95"] <= scenarios.DIRECTORY_P95_VS_HOME,
                    )
                )
        row["target"] = "; ".join(text for text, _ in checks)
        # A throughput check is left out (None) when the size had no HTTP run (--quick).
        judged = [ok for _, ok in checks if ok is not None]
        row["result"] = ("PASS" if all(judged) else "FAIL") if judged else "-"
        if len(judged) < len(checks):
            row["result"] += " (req/s not measured)"
        if inproc.get("cold"):
            row["result"] += f" (* one request: over {VERY_SLOW_S} s)"


HEADER = (
    f"{'':<44} {'p50 ms':>7} {'p95 ms':>7} {'1st ms':>7} {'req/s':>7} {'x home':>7} "
    f"{'/ref43':>7} {'SQL':>4}  {'target':<43} result"
)


def print_table(title, rows):
    say("")
    say(title)
    say(HEADER)
    say("-" * len(HEADER))
    for row in rows:
        inproc, http = row.get("inproc", {}), row.get("http", {})
        label = row["label"] if len(row["label"]) <= 44 else row["label"][:43] + "…"
        queries = fmt_num(inproc.get("queries")) + ("*" if inproc.get("cold") else "")
        say(
            f"{label:<44} {fmt_ms(inproc.get('p50_ms')):>7} {fmt_ms(inproc.get('p95_ms')):>7} "
            f"{fmt_ms(inproc.get('first_ms')):>7} "
            f"{fmt_num(http.get('rps')):>7} {fmt_num(row.get('vs_home'), 2):>7} "
            f"{fmt_num(row.get('vs_ref'), 2):>7} {queries:>4}  "
            f"{row.get('target', ''):<43} {row.get('result', '')}"
        )


def print_ranking(size, vendor, results):
    from bench import scenarios

    say("")
    word = scenarios.RANKING_QUERY
    say(f"Ranking trap: search('{word}'), first 10 ranked results, {size:,} services")
    names = {
        "site": "the site's backend (search/database_backend.py)",
        "stock": "Wagtail's stock SQLite backend (modelsearch)",
    }
    for name, result in results.items():
        if result.get("capped"):
            figure = f">{result['cap_seconds']} s (capped: stopped after {result['cap_seconds']} s)"
        elif "error" in result:
            figure = f"ERROR {result['error']}"
        else:
            figure = (
                f"{fmt_seconds(result['first_page_seconds'])} to rank "
                f"({fmt_seconds(result['total_seconds'])} with the count; "
                f"{result['matches']:,} of {result['services']:,} services match)"
            )
        say(f"  {names[name]:<50} {figure}")
    site, stock = results.get("site", {}), results.get("stock", {})
    if site.get("first_page") and stock.get("first_page"):
        # They differ on purpose: the site's backend weighs a word in a title ten times one in
        # the body (search/sqlite_ranking.py), where the stock backend weighs them alike.
        overlap = len(set(site["first_page"]) & set(stock["first_page"]))
        say(f"  first pages in common: {overlap}/10 (the site ranks title matches higher)")


# --- Main -------------------------------------------------------------------------------------


SCENARIOS = ("directory", "ideas", "caches")


def run(label, sizes, quick, wanted=SCENARIOS):
    from django.db import connection

    from bench import scenarios
    from bench.reference import prepare_reference

    budget = Budget(quick)
    var_dir = Path(os.environ["VAR_DIR"])
    vendor = connection.vendor
    report = {"database": label, "vendor": vendor, "quick": quick, "sizes": {}}
    say(f"[{label}] building the database in {var_dir}")
    build_database(quick)
    # "directory" is the pages at each size, the ranking trap and the import.
    directory = "directory" in wanted
    fresh_url = snapshot_for_import(var_dir) if directory else None
    if directory:
        report["corpus_demo"] = corpus_on_demo(label)

    try:
        for size in sizes if directory else []:
            say(f"\n[{label}] size {size:,}")
            have = grow_to(size)
            problems = prepare_reference()
            for problem in problems:
                say(f"  WARNING (reference page): {problem}")
            targets = find_targets()
            rows = []
            say(f"  measuring {len(targets)} URLs in-process (django.test.Client)…")
            started = time.monotonic()
            for target in targets:
                row = dict(target)
                if not target["url"]:
                    row["error"] = "not available"
                else:
                    row["inproc"] = measure_in_process(target, budget)
                    if row["inproc"]["status"] != 200:
                        row["error"] = row["inproc"]["failure"]
                rows.append(row)
            say(f"  in-process done in {time.monotonic() - started:.0f} s")
            measurable = [
                row for row in rows if not row.get("error") and not row["inproc"].get("cold")
            ]
            for row in measurable:
                row["p50_ms"] = row["inproc"]["p50_ms"]
            if budget.http_at_every_size or size == max(sizes):
                started = time.monotonic()
                http = measure_http(measurable, budget, var_dir)
                say(f"  HTTP done in {time.monotonic() - started:.0f} s")
            else:
                http = {row["key"]: {"statuses": {}} for row in measurable}
                say("  (--quick: throughput over HTTP at the largest size only)")
            for row in measurable:
                row["http"] = http[row["key"]]
                bad = {code: n for code, n in row["http"]["statuses"].items() if code != 200}
                if bad:
                    row["error"] = ", ".join(f"{code} x{count}" for code, count in bad.items())
                    if "IncompleteRead" in bad:
                        row["error"] += " (Content-Length does not match the body)"
            verdicts(rows, scenarios)
            print_table(
                f"[{label}] {have:,} services. p50/p95: in-process; req/s: over HTTP "
                "(gunicorn -w 2, loopback).\n"
                "x home = p50 / home p50; /ref43 = req/s / the 43-query page's req/s",
                rows,
            )
            say("\n  the directory after a publish…")
            published = growth.after_a_publish(rows, say)
            say("\n  ranking trap…")
            ranking = ranking_trap(vendor, quick)
            print_ranking(have, vendor, ranking)
            report["sizes"][str(size)] = {
                "services": have,
                "rows": rows,
                "ranking": ranking,
                "after_publish_ms": published,
            }

        if directory and report["sizes"]:
            report["growth"] = growth.print_growth(label, report, say)
            report["typical"] = typical_searches(label, quick, budget)

        if directory:
            sample = min(budget.import_sample, max(sizes))
            say(f"\n[{label}] import throughput ({sample:,} services, ORUK JSON)")
            report["import"] = import_throughput(fresh_url, sample, var_dir)
            print_import(report["import"])
        if "ideas" in wanted:
            from bench import ideas_board

            say(f"\n[{label}] ideas board")
            report["ideas_board"] = ideas_board.run(budget, measure_in_process, say)
        if "caches" in wanted:
            from bench import cache_compare

            say(f"\n[{label}] the site's page cache beside Django's cache middleware")
            report["page_caches"] = cache_compare.run(budget, say, var_dir)
    finally:
        if fresh_url:
            drop_import_database(fresh_url)
    print_flatness(label, report)
    return report


def corpus_on_demo(label):
    """The public corpus's hit rate over the demo content alone, as `make test` checks it."""
    from bench import typical
    from services_directory.models import DirectoryPage

    directory = DirectoryPage.objects.live().filter(locale=english()).first()
    if directory is None:
        return None
    say(f"\n[{label}] the public corpus over the demo content ({service_count():,} services)")
    return typical.corpus_hit_rate(directory.url, say)


def typical_searches(label, quick, budget):
    """Issue 9's twenty typical searches over the largest directory and a site of pages."""
    from bench import pages, scenarios, typical

    wanted = scenarios.TYPICAL_PAGES_QUICK if quick else scenarios.TYPICAL_PAGES
    say(f"\n[{label}] typical searches: growing the site to {wanted:,} pages besides services…")
    total = pages.grow_pages(wanted, say=say)
    services = service_count()
    directory_url = next(t["url"] for t in find_targets() if t["key"] == "directory")
    say(
        f"\n[{label}] typical searches over {services:,} services and {total:,} pages "
        "(in-process; first = the first time anyone asks)"
    )
    rows = typical.run(directory_url, budget, measure_in_process, say)
    corpus = typical.corpus_hit_rate(directory_url, say)
    return {"services": services, "pages": total, "rows": rows, "corpus": corpus}


def print_import(result):
    if "skipped" in result:
        say(f"  skipped: {result['skipped']}")
    elif "error" in result:
        say(f"  ERROR: {' / '.join(result['error'])}")
    else:
        for run_name in ("first", "again"):
            figures = result.get(run_name)
            if figures:
                what = "into a fresh database" if run_name == "first" else "again (no changes)"
                outcome = ", ".join(f"{n:,} {status}" for status, n in figures["services"].items())
                say(
                    f"  {what:<24} {figures['records']:,} services in "
                    f"{figures['seconds']:.1f} s = {figures['per_second']:,.0f} services/s "
                    f"({outcome})"
                )
                for line in figures.get("rejected", []):
                    say(f"    {line}")


def print_flatness(label, report):
    sizes = list(report["sizes"])
    if len(sizes) < 2:
        return
    say(f"\n[{label}] SQL queries per request as the directory grows (target: the same)")
    first = report["sizes"][sizes[0]]["rows"]
    say(f"  {'':<44} " + " ".join(f"{int(s):>8,}" for s in sizes) + "  result")
    for index, row in enumerate(first):
        counts = []
        for size in sizes:
            measured = report["sizes"][size]["rows"][index]
            ok = not measured.get("error")
            counts.append(measured.get("inproc", {}).get("queries") if ok else None)
        if any(count is None for count in counts):
            verdict = "-"
        else:
            verdict = "PASS" if len(set(counts)) == 1 else "FAIL"
        cells = " ".join(f"{fmt_num(count):>8}" for count in counts)
        say(f"  {row['label'][:44]:<44} {cells}  {verdict}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    # Stopped from outside: still stop gunicorn and drop the import database on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    django.setup()
    wanted = [name for name in args.scenarios.split(",") if name]
    report = run(args.label, sizes, args.quick, wanted)
    Path(args.results).write_text(json.dumps(report, default=str))


if __name__ == "__main__":
    main()
