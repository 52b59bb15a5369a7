"""`make bench`: how fast the site is, measured against references taken in the same run.

    python bench/run.py [--sizes 100,10000] [--databases sqlite,postgres] [--quick] [--json FILE]
        [--scenarios directory,ideas,caches]

For each database a separate process (bench/worker.py) builds a new database, loads the demo
content, grows the directory to each size with `generate_directory` and measures. Every figure is
printed beside a reference measured moments earlier on the same machine (a plain Django view, a
43-query page standing in for Wagtail's bakerydemo home page, and this site's home page), because
on a shared machine only the ratios mean anything. See docs/benchmarks.md.

Exits 0 when the benchmark ran, even if a target was missed (the tables say so); non-zero when
something broke.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "name": "family_services_bench"}
WORKER_TIMEOUT = 60 * 60
SCENARIOS = ("directory", "ideas", "caches")  # as bench/worker.py names them


def postgres_answers():
    try:
        with socket.create_connection((POSTGRES["host"], POSTGRES["port"]), timeout=2):
            return True
    except OSError:
        return False


def postgres_admin(*statements):
    import psycopg

    with psycopg.connect(
        dbname="postgres",
        user=POSTGRES["user"],
        host=POSTGRES["host"],
        port=POSTGRES["port"],
        autocommit=True,
    ) as admin:
        for statement in statements:
            admin.execute(statement)


def postgres_url():
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{POSTGRES['name']}"


def run_worker(label, database_url, var_dir, args, results_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "PYTHONUNBUFFERED": "1",
        # Redis or Elasticsearch from the developer's shell would make the runs incomparable.
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
    }
    command = [
        sys.executable,
        "-m",
        "bench.worker",
        "--label",
        label,
        "--sizes",
        ",".join(str(size) for size in args.sizes),
        "--results",
        str(results_path),
    ]
    if args.quick:
        command.append("--quick")
    command += ["--scenarios", ",".join(args.scenarios)]
    return subprocess.run(command, cwd=REPO, env=env, timeout=WORKER_TIMEOUT).returncode


def summarise(reports):
    """The headline figures of every database side by side."""
    print("\n" + "=" * 100)
    print("Summary (largest size of each database; ratios are within one database's run)")
    print("=" * 100)
    for report in reports:
        sizes = report["sizes"]
        if not sizes:
            continue
        size = max(sizes, key=int)
        block = sizes[size]
        rows = {row["key"]: row for row in block["rows"]}

        def rps(key, rows=rows):
            return rows.get(key, {}).get("http", {}).get("rps")

        def p(key, pct, rows=rows):
            return rows.get(key, {}).get("inproc", {}).get(f"p{pct}_ms")

        print(f"\n{report['database']} — {block['services']:,} services")
        home, ref, plain, cached = rps("home"), rps("ref43"), rps("plain"), rps("home_cached")
        if home and ref:
            print(
                f"  home page uncached: {home:,.0f} req/s = {home / ref:.1f}x the 43-query "
                f"reference ({ref:,.0f} req/s); target >= 2x"
            )
        cached_row = rows.get("home_cached", {})
        hit = cached_row.get("inproc", {}).get("cache_hit")
        if cached and plain:
            note = "" if hit else " (no page cache configured)"
            print(
                f"  home page cached:   {cached:,.0f} req/s = {cached / plain:.0%} of a plain "
                f"Django view ({plain:,.0f} req/s); target >= 80%{note}"
            )
        elif cached_row.get("error") and p("home_cached", 50) and p("plain", 50):
            # Over HTTP the cached page failed; the in-process times still show the cache's cost.
            print(
                f"  home page cached:   over HTTP: {cached_row['error']}; in-process p50 "
                f"{p('home_cached', 50):.2f} ms vs a plain Django view's {p('plain', 50):.2f} ms "
                f"= {p('plain', 50) / p('home_cached', 50):.0%} of its speed; target >= 80%"
            )
        searches = [
            row for key, row in rows.items() if key.startswith("search_") and "inproc" in row
        ]
        if searches and p("home", 50):
            p50s = [row["inproc"]["p50_ms"] for row in searches]
            p95s = [row["inproc"]["p95_ms"] for row in searches]
            print(
                f"  directory searches: p50 {min(p50s):.0f} to {max(p50s):.0f} ms, p95 up to "
                f"{max(p95s):.0f} ms (home page p50 {p('home', 50):.1f} ms, "
                f"{max(p50s) / p('home', 50):.1f}x at worst)"
            )
        directory_rows = [
            row
            for key, row in rows.items()
            if (key == "directory" or key.startswith("search_")) and "inproc" in row
        ]
        ratios = [row["vs_ref"] for row in directory_rows if row.get("vs_ref") == row.get("vs_ref")]
        p95s = [row["vs_home_p95"] for row in directory_rows if "vs_home_p95" in row]
        if ratios and p95s:
            print(
                f"  directory results pages: throughput at least {min(ratios):.2f}x the "
                f"reference's (target >= 1.0), p95 at most {max(p95s):.2f}x the home page's "
                "(target <= 3)"
            )
        published = block.get("after_publish_ms") or {}
        if published:
            print(
                "  directory, first request after a publish: "
                + ", ".join(f"{key} {ms:.0f} ms" for key, ms in published.items())
            )
        growth = report.get("growth") or {}
        if growth:
            worst = min(growth.items(), key=lambda item: item[1]["kept"])
            print(
                f"  pages unrelated to the directory keep at least {worst[1]['kept']:.0%} of "
                f"their throughput at the smallest size ({worst[0]}; target >= 90%)"
            )
        typical = report.get("typical") or {}
        if typical.get("rows"):
            by_kind = {"site": [], "dir": []}
            for row in typical["rows"]:
                kind = row["key"].split("_")[0]
                if kind in by_kind:
                    by_kind[kind].append(row["inproc"])
            home_row = typical["rows"][0]["inproc"]
            for kind, name in (("site", "site search"), ("dir", "directory keywords")):
                mine = by_kind[kind]
                if mine:
                    median = statistics.median(r["p50_ms"] for r in mine)
                    print(
                        f"  typical {name}: p50 {median:.0f} ms (median of {len(mine)}), "
                        f"p95 up to {max(r['p95_ms'] for r in mine):.0f} ms "
                        f"(home p95 {home_row['p95_ms']:.0f} ms; {typical['pages']:,} pages)"
                    )
            for box, found in (report.get("corpus_demo") or {}).items():
                print(
                    f"  corpus hit rate, {box}, demo content: {found['rate']:.0%} of "
                    f"{found['asked']} queries"
                )
            for box, found in (typical.get("corpus") or {}).items():
                print(
                    f"  corpus hit rate, {box}, with the benchmark's services and pages: "
                    f"{found['rate']:.0%} of {found['asked']} queries"
                )
        if p("api", 50):
            print(
                f"  API list (50 a page): p50 {p('api', 50):.0f} ms, p95 {p('api', 95):.0f} ms, "
                f"{rps('api') or 0:,.0f} req/s"
            )
        for name, result in block.get("ranking", {}).items():
            if result.get("capped"):
                figure = f">{result['cap_seconds']} s (capped)"
            elif "first_page_seconds" in result:
                seconds = result["first_page_seconds"]
                figure = f"{seconds * 1000:,.0f} ms" if seconds < 1 else f"{seconds:,.1f} s"
            else:
                figure = "error"
            print(f"  rank 'family', {name} backend: {figure}")
        imported = report.get("import", {})
        if "first" in imported:
            first = imported["first"]
            print(
                f"  import: {first['per_second']:,.0f} services/s ({first['records']:,} services)"
            )
        elif imported:
            print(f"  import: {imported.get('skipped') or imported.get('error')}")


def summarise_ideas(database, block):
    """The ideas board's headline: board pages against the home page, posting, the export."""
    pages = {row["key"]: row for row in block["pages"]}
    home = pages["home"]["inproc"]
    print(f"\n{database} — ideas board with {block['ideas']:,} published ideas")
    for key in ("board", "board_later"):
        row = pages[key]
        if "vs_home_p95" not in row:
            print(f"  {row['label']}: {row.get('result')}")
            continue
        print(
            f"  {row['label']}: p50 {row['inproc']['p50_ms']:.1f} ms, p95 "
            f"{row['inproc']['p95_ms']:.1f} ms = {row['vs_home_p95']:.2f}x the home page's p95 "
            f"({home['p95_ms']:.1f} ms); target <= 3x: {row['result']}"
        )
    stored = block["posting"]["store"]
    if "p95_ms" in stored:
        print(f"  posting an idea: p95 {stored['p95_ms']:.0f} ms")
    for row in block["exports"]:
        if row["key"] in ("csv_ideas", "xlsx") and "seconds" in row:
            print(
                f"  export, {row['label']}: {row['seconds']:.1f} s, "
                f"peak {row['peak_bytes'] / 1e6:.0f} MB"
            )


def summarise_caches(database, block):
    """The cached home page through the site's page cache and through Django's."""
    print(f"\n{database} — the cached home page, against a plain Django view")
    for name, figures in block.items():
        inproc = figures["in_process"]
        print(
            f"  {name:<7} {figures['home_cached_rps']:,.0f} req/s = {figures['vs_plain']:.0%} of "
            f"plain (target >= 80%); in-process p50 {inproc['p50_ms']:.2f} ms = "
            f"{inproc['vs_plain']:.0%} of plain, {inproc['queries']} SQL per hit"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="services per step, comma-separated (default 100,10000)")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--quick", action="store_true", help="sizes 100 and 1,000, fewer requests")
    parser.add_argument("--json", help="also write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite files and logs")
    parser.add_argument(
        "--scenarios",
        default=",".join(SCENARIOS),
        help="directory (pages at each size, ranking, import), ideas (the ideas board) and/or "
        "caches (the site's page cache beside Django's cache middleware)",
    )
    args = parser.parse_args()
    default_sizes = "100,1000" if args.quick else "100,10000"
    args.sizes = sorted({int(size) for size in (args.sizes or default_sizes).split(",")})
    databases = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(databases) - {"sqlite", "postgres"}
    if unknown:
        parser.error(f"unknown database: {', '.join(sorted(unknown))}")
    args.scenarios = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown or not args.scenarios:
        parser.error(f"scenarios are {' and '.join(SCENARIOS)}, not {', '.join(sorted(unknown))}")

    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="family-services-bench-"))
    reports, failures = [], []
    try:
        for database in databases:
            var_dir = scratch / database
            var_dir.mkdir()
            results_path = scratch / f"{database}.json"
            if database == "sqlite":
                url = f"sqlite:///{var_dir / 'bench.sqlite3'}"
            else:
                if not postgres_answers():
                    where = f"{POSTGRES['host']}:{POSTGRES['port']}"
                    print(f"\n[postgres] skipped: nothing answers on {where}")
                    continue
                name = POSTGRES["name"]
                postgres_admin(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
                url = postgres_url()
            print(f"\n{'=' * 100}\n[{database}] {url}\n{'=' * 100}", flush=True)
            try:
                code = run_worker(database, url, var_dir, args, results_path)
            finally:
                if database == "postgres":
                    # FORCE ends any session an interrupted worker left behind.
                    postgres_admin(
                        f'DROP DATABASE IF EXISTS "{POSTGRES["name"]}" WITH (FORCE)',
                        f'DROP DATABASE IF EXISTS "{POSTGRES["name"]}_import" WITH (FORCE)',
                    )
            if code != 0:
                failures.append(f"{database} (exit {code})")
                continue
            reports.append(json.loads(results_path.read_text()))
    finally:
        if args.keep:
            print(f"\nKept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    summarise(reports)
    for report in reports:
        if report.get("ideas_board"):
            summarise_ideas(report["database"], report["ideas_board"])
        if report.get("page_caches"):
            summarise_caches(report["database"], report["page_caches"])
    if args.json:
        Path(args.json).write_text(json.dumps(reports, indent=1, default=str))
    print(f"\nBenchmark took {(time.monotonic() - started) / 60:.1f} min.")
    if failures:
        print(f"ERROR: the benchmark did not finish for {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
