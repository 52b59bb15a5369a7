"""Twenty typical searches (issue 9, part 8), beside the home page, and the corpus's hit rate.

Run by bench/worker.py at the largest directory size, once the English site has
scenarios.TYPICAL_PAGES pages besides its services (bench/pages.py). Each search is timed
in-process as the worker times every page: its first request (nobody asked it before, so its
matches and ranking are worked out), then p50 and p95 of the repeats, which are what a popular
search costs. The home page is measured the same way just before, as the reference.

The hit rate reads tests/search/corpus.py (CORPUS and corpus_hit_rate) when it is there: the
share of the public corpus with a right answer in the top three, in the site search and in the
directory's keyword box, over the benchmark's database (demo content plus everything the
benchmark added, so a harder test than `make test`'s demo-only one).
"""

import statistics
from urllib.parse import urlencode

from bench import scenarios


def _row(key, label, url):
    return {"key": key, "label": label, "url": url, "cached": False, "kind": "typical"}


def targets(directory_url):
    rows = [_row("home", "home page /en/ (reference)", "/en/")]
    for number, text in enumerate(scenarios.TYPICAL_SITE_SEARCHES):
        url = "/en/search/?" + urlencode({"q": text})
        rows.append(_row(f"site_{number}", f"site: {text}", url))
    for number, text in enumerate(scenarios.TYPICAL_DIRECTORY_SEARCHES):
        url = f"{directory_url}?" + urlencode({"q": text})
        rows.append(_row(f"dir_{number}", f"directory: {text}", url))
    return rows


def _found(html):
    try:
        from tests.search.corpus import result_slugs
    except ImportError:
        return None
    return len(result_slugs(html))


def run(directory_url, budget, measure_in_process, say):
    """Measure every typical search; returns the rows (and prints them)."""
    from django.test import Client

    from bench.worker import UNCACHED_COOKIE

    rows = targets(directory_url)
    client = Client(HTTP_COOKIE=UNCACHED_COOKIE)
    for row in rows:
        row["inproc"] = measure_in_process(row, budget)
        row["found"] = _found(client.get(row["url"]).content.decode())
    home_p95 = rows[0]["inproc"]["p95_ms"]
    for row in rows:
        row["vs_home_p95"] = row["inproc"]["p95_ms"] / home_p95 if home_p95 else float("nan")
    print_rows(rows, say)
    return rows


def print_rows(rows, say):
    say(f"  {'':<46} {'first':>7} {'p50 ms':>7} {'p95 ms':>7} {'p95/home':>8} {'SQL':>4} found")
    for row in rows:
        figures = row["inproc"]
        label = row["label"] if len(row["label"]) <= 46 else row["label"][:45] + "…"
        found = "-" if row.get("found") is None else str(row["found"])
        say(
            f"  {label:<46} {figures.get('first_ms', float('nan')):7.1f} "
            f"{figures['p50_ms']:7.1f} {figures['p95_ms']:7.1f} {row['vs_home_p95']:8.2f} "
            f"{figures['queries']:>4} {found}"
        )
    for kind, prefix in (("site search", "site_"), ("directory", "dir_")):
        mine = [row["inproc"] for row in rows if row["key"].startswith(prefix)]
        if mine:
            say(
                f"  {kind}: p50 {statistics.median(r['p50_ms'] for r in mine):.1f} ms "
                f"(median of ten), p95 up to {max(r['p95_ms'] for r in mine):.1f} ms, "
                f"first request up to {max(r.get('first_ms', 0) for r in mine):.0f} ms"
            )


def corpus_hit_rate(directory_url, say):
    """{box: (rate, asked, misses)} over tests/search/corpus.py, or None when it is absent."""
    try:
        from tests.search import corpus
    except ImportError:
        say("  (no tests/search/corpus.py: no hit rate)")
        return None
    from django.test import Client

    from bench.worker import UNCACHED_COOKIE

    client = Client(HTTP_COOKIE=UNCACHED_COOKIE)

    def site(query):
        response = client.get(f"/{query.language}/search/", {"q": query.text})
        return corpus.result_slugs(response.content.decode())

    def directory(query):
        response = client.get(directory_url, {"q": query.text})
        return corpus.result_slugs(response.content.decode())

    asked = {
        "site search": [q for q in corpus.CORPUS if not q.pending_translation],
        "directory": [q for q in corpus.CORPUS if q.in_directory and not q.pending_translation],
    }
    results = {}
    for box, search in (("site search", site), ("directory", directory)):
        if not asked[box]:
            continue
        rate, misses = corpus.corpus_hit_rate(search, queries=asked[box])
        results[box] = {
            "rate": rate,
            "asked": len(asked[box]),
            "misses": [(query.text, slugs) for query, slugs in misses],
        }
        say(
            f"  corpus, {box}: a right answer in the top {corpus.TOP} for "
            f"{rate:.0%} of {len(asked[box])} queries"
        )
        for text, slugs in results[box]["misses"][:10]:
            say(f"    missed {text!r}: {', '.join(slugs) or 'nothing'}")
    return results
