"""Two checks of issue 9 that compare figures across a run: what a publish costs the directory,
and whether pages unrelated to the directory keep their throughput as it grows.
"""

import statistics
import time

from bench import scenarios

PUBLISHED_REPEATS = 3
# Pages that have nothing to do with the directory, compared at the smallest and largest sizes.
UNRELATED = ("home", "content", "report", "policy_index", "policy", "site_search", "api")


def after_a_publish(rows, say):
    """The directory's first request after content changes (its sets read again), per URL.

    Each time: a new content generation (as a publish makes), the home page once (every page
    reads the site's own furniture again after a publish, which is not the directory's cost),
    then the directory URL, timed. Returns {key: median ms}.
    """
    from django.test import Client

    from bench.worker import UNCACHED_COOKIE
    from foundation.page_cache import invalidate

    client = Client(HTTP_COOKIE=UNCACHED_COOKIE)
    wanted = [row for row in rows if row["key"] in ("directory", "search_0", "search_9")]
    found = {}
    for row in wanted:
        if not row.get("url") or row.get("error"):
            continue
        times = []
        for _ in range(PUBLISHED_REPEATS):
            invalidate()
            client.get("/en/")
            started = time.perf_counter()
            client.get(row["url"])
            times.append((time.perf_counter() - started) * 1000)
        found[row["key"]] = statistics.median(times)
        say(
            f"  {row['label'][:44]:<44} first request after a publish: "
            f"{found[row['key']]:.0f} ms (then p50 {row['inproc']['p50_ms']:.1f} ms)"
        )
    return found


def print_growth(label, report, say):
    """Unrelated pages at the largest size against the smallest: target >= 90% kept.

    Judged on the in-process time per request (p50), which is what a page costs the server: the
    req/s over HTTP are printed too, but they are measured minutes apart on a shared machine
    and move with its load (the plain view and the reference page show by how much).
    """
    sizes = sorted(report["sizes"], key=int)
    if len(sizes) < 2:
        return None
    small, large = report["sizes"][sizes[0]], report["sizes"][sizes[-1]]

    def row(block, key):
        return next((row for row in block["rows"] if row["key"] == key), {})

    def p50(block, key):
        return row(block, key).get("inproc", {}).get("p50_ms")

    def rps(block, key):
        return row(block, key).get("http", {}).get("rps")

    say(
        f"\n[{label}] pages unrelated to the directory, {int(sizes[0]):,} -> {int(sizes[-1]):,} "
        f"services (target: at least {scenarios.OTHER_PAGES_KEEP:.0%} of the throughput, judged "
        "on the time per request)"
    )
    say(
        f"  {'':<30} {'p50 ms':>7} {'p50 ms':>7} {'kept':>6}   {'req/s':>7} {'req/s':>7} "
        f"{'kept':>6}  result"
    )
    verdicts = {}
    for key in ("plain", "ref43", *UNRELATED):
        before, after = p50(small, key), p50(large, key)
        if not before or not after:
            continue
        kept = before / after
        http_before, http_after = rps(small, key), rps(large, key)
        http_kept = http_after / http_before if http_before and http_after else None
        reference = key in ("plain", "ref43")
        verdict = "" if reference else ("PASS" if kept >= scenarios.OTHER_PAGES_KEEP else "FAIL")
        if not reference:
            verdicts[key] = {
                "p50_before": before,
                "p50_after": after,
                "kept": kept,
                "rps_before": http_before,
                "rps_after": http_after,
                "rps_kept": http_kept,
                "result": verdict,
            }
        label_text = row(large, key).get("label", key)
        say(
            f"  {label_text[:30]:<30} {before:7.1f} {after:7.1f} {kept:6.0%}   "
            f"{http_before or 0:7,.0f} {http_after or 0:7,.0f} "
            f"{(f'{http_kept:.0%}' if http_kept else '-'):>6}  {verdict}"
        )
    return verdicts
