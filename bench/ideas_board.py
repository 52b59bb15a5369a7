"""The ideas-board scenario (issue 8, part 11): a board with 5,000 published ideas.

Run by bench/worker.py once per database, after the directory sizes. It adds an open consultation
with one pre-moderated board under the demo's consultations page, fills the board in bulk
(ideas with skewed support counts across six themes, the matching support rows, comments on
about one idea in five, answers on one in four, names and emails on one in three), then measures:

- the board's first page, a later page (?page=200), a theme filter and an idea's page, in-process,
  each beside the home page measured moments before with the same number of requests: the
  target is a board page's p95 at most 3 x the home page's p95;
- posting an idea through the real view (a fresh submission key each time, step=confirm so the
  idea is stored) and the first step that shows similar ideas instead, p50/p95;
- the admin export of the consultation (CSV per sheet, and the three-sheet XLSX) through the
  admin view as a superuser: seconds, then peak Python memory in a separate run under tracemalloc
  (which slows the code it watches, so it never times it).
"""

import hashlib
import random
import statistics
import time
import tracemalloc
import uuid
from datetime import timedelta
from types import SimpleNamespace

from bench import scenarios

SEED = 8  # the number: the same board every run
THEMES = [
    "Health and wellbeing",
    "Play and learning",
    "Getting help early",
    "Money and work",
    "Special educational needs",
    "Family hubs",
]
# Ideas are made from these pieces, so titles differ and the similar-ideas search finds matches.
WHAT = [
    "More stay and play sessions",
    "Evening drop-ins for working parents",
    "A named contact for each family",
    "Free swimming for under fives",
    "Breastfeeding support at weekends",
    "Dads' groups at the family hub",
    "Speech and language help without a waiting list",
    "Holiday clubs for disabled children",
    "Advice on benefits at the children's centre",
    "A text service to book appointments",
    "Quiet sessions for autistic children",
    "Translated leaflets and interpreters",
]
WHERE = [
    "in Thornton Heath",
    "near New Addington",
    "in every library",
    "at the family hub",
    "in schools after 3pm",
    "online and by phone",
    "in the town centre",
    "on Saturday mornings",
]
WHY = [
    "Working parents cannot get to daytime sessions and feel left out.",
    "We waited months for help and things got worse while we waited.",
    "It is hard to find out what is on, and the website is confusing on a phone.",
    "Buses are expensive and the nearest centre is two buses away.",
    "My child needs a calm space and the usual groups are too loud.",
    "Not everyone reads English well, so people miss out on what is available.",
    "Young people want somewhere safe to go that is not a school.",
]
RESPONDENTS = [
    ("parent_carer", 60),
    ("young_person", 12),
    ("professional", 18),
    ("other", 10),
]
RESPONSES = ["under_consideration", "taken_forward", "not_taken_forward", "already_happening"]
AREAS = ["CR0", "CR2", "CR4", "CR7", "CR8", "SE25", ""]
MAX_SUPPORTS = 800
SHOWCASE_COMMENTS = 60


def _english_home():
    from wagtail.models import Locale, Site

    locale = Locale.objects.get(language_code="en")
    return Site.objects.get(is_default_site=True).root_page.get_translation(locale).specific


def _index():
    """The demo's consultations page, or a new one when the demo has none."""
    from consultations.models import ConsultationIndexPage

    home = _english_home()
    index = ConsultationIndexPage.objects.child_of(home).live().first()
    if index is None:
        index = home.add_child(
            instance=ConsultationIndexPage(
                title="Have your say", slug="consultations", locale_id=home.locale_id
            )
        )
    return index


def build_board(count):
    """An open consultation with one board of `count` published ideas. Returns the board."""
    from django.utils import timezone

    from consultations.models import BoardTheme, ConsultationPage, IdeasBoardPage

    index = _index()
    now = timezone.now()
    consultation = ConsultationPage.objects.child_of(index).filter(slug="bench-ideas").first()
    if consultation is None:
        consultation = index.add_child(
            instance=ConsultationPage(
                title="Bench: family services ideas",
                slug="bench-ideas",
                locale_id=index.locale_id,
                summary="How could family services work better for you?",
                opens_at=now - timedelta(days=60),
                closes_at=now + timedelta(days=365),
            )
        )
    board = IdeasBoardPage.objects.child_of(consultation).first()
    if board is None:
        board = consultation.add_child(
            instance=IdeasBoardPage(
                title="Your ideas",
                slug="your-ideas",
                locale_id=consultation.locale_id,
                question="What would make the biggest difference to your family?",
            )
        )
        BoardTheme.objects.bulk_create(
            BoardTheme(board=board, name=name, sort_order=order, locale_id=board.locale_id)
            for order, name in enumerate(THEMES)
        )
    if board.ideas.count() < count:
        _fill(board, count - board.ideas.count())
    return board


def _fill(board, count):
    from django.db.models import F
    from django.utils import timezone

    from consultations.models import (
        Comment,
        Contributor,
        Idea,
        ModerationStatus,
        Support,
    )

    rng = random.Random(SEED)
    themes = list(board.themes.all())
    now = timezone.now()
    people, weights = zip(*RESPONDENTS, strict=True)
    contributors = Contributor.objects.bulk_create(
        Contributor(name=f"Bench resident {n}", email=f"resident{n}@example.com")
        for n in range((count + 2) // 3)
    )
    ideas = []
    for number in range(count):
        what, where = rng.choice(WHAT), rng.choice(WHERE)
        answered = rng.random() < 0.25
        ideas.append(
            Idea(
                board=board,
                theme=themes[number % len(themes)],
                title=f"{what} {where}",
                description=" ".join(rng.sample(WHY, 3)),
                area=rng.choice(AREAS),
                respondent_type=rng.choices(people, weights)[0],
                contributor=contributors[number // 3] if number % 3 == 0 else None,
                status=ModerationStatus.PUBLISHED,
                published_at=now - timedelta(minutes=rng.randrange(60 * 24 * 60)),
                # Pareto: most ideas have a handful of supporters, a few have hundreds.
                support_count=min(MAX_SUPPORTS, int(2 * rng.paretovariate(1.3)) - 2),
                response_status=rng.choice(RESPONSES) if answered else "",
                public_response="We will try this in two family hubs next year."
                if answered
                else "",
                submission_key=uuid.uuid4().hex,
            )
        )
    ideas = Idea.objects.bulk_create(ideas, batch_size=1000)
    # Sent a few hours before each was published (bulk_create stamps them all "now").
    Idea.objects.filter(board=board).update(created_at=F("published_at") - timedelta(hours=5))

    supports = [
        Support(idea=idea, supporter=hashlib.sha256(f"{idea.pk}:{n}".encode()).hexdigest())
        for idea in ideas
        for n in range(idea.support_count)
    ]
    Support.objects.bulk_create(supports, batch_size=5000)

    comments, counts = [], {}
    showcase = ideas[0]
    for idea in ideas:
        many = SHOWCASE_COMMENTS if idea is showcase else rng.randrange(1, 7)
        if idea is not showcase and rng.random() >= 0.2:
            continue
        counts[idea.pk] = many
        comments += [
            Comment(
                idea=idea,
                body=f"I agree. {rng.choice(WHY)}",
                respondent_type=rng.choices(people, weights)[0],
                status=ModerationStatus.PUBLISHED,
                published_at=now - timedelta(minutes=rng.randrange(60 * 24 * 30)),
                submission_key=uuid.uuid4().hex,
            )
            for _ in range(many)
        ]
    Comment.objects.bulk_create(comments, batch_size=2000)
    for idea in ideas:
        idea.comment_count = counts.get(idea.pk, 0)
    Idea.objects.bulk_update(ideas, ["comment_count"], batch_size=1000)


# --- Measuring ------------------------------------------------------------------------------------


def _timings(values):
    from bench.http_load import percentile

    return {
        "samples": len(values),
        "p50_ms": percentile(values, 50) * 1000,
        "p95_ms": percentile(values, 95) * 1000,
    }


def _pages(board, budget, measure):
    """The home page, then the board's pages, each with the same number of requests."""
    from django.urls import reverse

    showcase = board.ideas.order_by("-comment_count", "pk").first()
    theme = board.themes.order_by("sort_order").first()
    later = scenarios.IDEAS_LATER_PAGE
    last = -(-board.ideas.published().count() // board.per_page)
    rows = [
        ("home", "home page /en/ (this run)", "/en/"),
        ("board", "board, first page (most supported)", board.url),
        ("board_later", f"board, page {later} of {last}", f"{board.url}?page={later}"),
        ("board_theme", "board, one theme", f"{board.url}?theme={theme.translation_key}"),
        ("board_newest", "board, newest first", f"{board.url}?sort=newest"),
        (
            "idea",
            f"idea page, {showcase.comment_count} comments",
            reverse("consultations:idea", args=[showcase.pk]),
        ),
    ]
    results = []
    for key, label, url in rows:
        measured = measure({"url": url, "cached": False}, budget)
        results.append({"key": key, "label": label, "url": url, "inproc": measured})
    return results


def _post_data(board, theme, confirm):
    data = {
        "title": f"{random.choice(WHAT)} {random.choice(WHERE)}",
        "description": " ".join(random.sample(WHY, 2)),
        "theme": str(theme.pk),
        "respondent_type": "parent_carer",
        "area": "CR0",
        "consent": "on",
        "submission_key": uuid.uuid4().hex,
    }
    if confirm:
        data["step"] = "confirm"
    return data


def _posting(board, requests, confirm):
    """POST ideas through the view; `confirm` skips the similar-ideas step and stores each."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("consultations:post_idea", args=[board.pk])
    theme = board.themes.order_by("sort_order").first()
    expected = 302 if confirm else 200
    # A POST is never served from the page cache, so no cookie is needed to bypass it.
    client = Client(raise_request_exception=False)
    before = board.ideas.count()
    # Warm-up: templates, the postcode districts, the first session row.
    client.post(url, _post_data(board, theme, confirm))
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, _post_data(board, theme, confirm))
    # Counted now: the captured list is read from the connection's log, which the next
    # request empties.
    queries = len(captured)
    if response.status_code != expected:
        return {"error": f"HTTP {response.status_code}, expected {expected}"}
    if not confirm and b"Is your idea already here?" not in response.content:
        return {"error": "no similar ideas were shown"}
    timings = []
    for _ in range(requests):
        data = _post_data(board, theme, confirm)
        began = time.perf_counter()
        response = client.post(url, data)
        timings.append(time.perf_counter() - began)
        if response.status_code != expected:
            return {"error": f"HTTP {response.status_code} after {len(timings)} posts"}
    stored = board.ideas.count() - before
    return {
        **_timings(timings),
        "queries": queries,
        "stored": stored,
        "status": expected,
    }


def _analyst():
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username="bench-analyst").first()
    return user or user_model.objects.create_superuser(
        "bench-analyst", "analyst@example.com", uuid.uuid4().hex
    )


def _download(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return response.status_code, 0
    body = response.streaming_content if response.streaming else [response.content]
    size = sum(len(chunk) for chunk in body)
    response.close()
    return 200, size


def _exports(board, runs):
    from django.test import Client
    from django.urls import reverse

    consultation = board.get_parent()
    base = reverse("consultation_feedback_export", args=[consultation.pk])
    client = Client()
    client.force_login(_analyst())
    rows = [
        ("csv_ideas", "CSV, ideas sheet", f"{base}?format=csv&sheet=ideas"),
        ("csv_comments", "CSV, comments sheet", f"{base}?format=csv&sheet=comments"),
        ("csv_supports", "CSV, supports sheet", f"{base}?format=csv&sheet=supports"),
        ("xlsx", "XLSX, all three sheets", f"{base}?format=xlsx"),
    ]
    results = []
    for key, label, url in rows:
        seconds = []
        for _ in range(runs):
            began = time.perf_counter()
            status, size = _download(client, url)
            seconds.append(time.perf_counter() - began)
            if status != 200:
                break
        if status != 200:
            results.append({"key": key, "label": label, "error": f"HTTP {status}"})
            continue
        tracemalloc.start()
        tracemalloc.reset_peak()
        _download(client, url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results.append(
            {
                "key": key,
                "label": label,
                "seconds": statistics.median(seconds),
                "runs": len(seconds),
                "bytes": size,
                "peak_bytes": peak,
            }
        )
    return results


def run(budget, measure, say):
    """Build the board, measure, print the tables and return every figure."""
    from django.conf import settings

    from consultations.models import Comment, Support

    count = scenarios.IDEAS_ON_BOARD
    say(f"  building a board with {count:,} published ideas…")
    started = time.monotonic()
    board = build_board(count)
    ideas = board.ideas.count()
    supports = Support.objects.filter(idea__board=board).count()
    comments = Comment.objects.filter(idea__board=board).count()
    say(
        f"  {ideas:,} ideas, {supports:,} supports, {comments:,} comments in "
        f"{time.monotonic() - started:.0f} s"
    )
    # p95 needs more samples than the directory's tables take: 60 requests (20 with --quick).
    page_budget = SimpleNamespace(
        inproc_requests=20 if budget.quick else 60,
        inproc_seconds=4 if budget.quick else 12,
        warmups=budget.warmups,
    )
    pages = _pages(board, page_budget, measure)
    posts = 10 if budget.quick else 40
    say(f"  posting ideas ({posts} a step; rate limit {settings.CONSULTATIONS_IDEA_RATE})…")
    posting = {
        "store": _posting(board, posts, confirm=True),
        "similar": _posting(board, posts, confirm=False),
    }
    say("  exporting…")
    exports = _exports(board, runs=1 if budget.quick else 3)
    report = {
        "ideas": ideas,
        "supports": supports,
        "comments": comments,
        "pages": pages,
        "posting": posting,
        "exports": exports,
    }
    verdicts(report)
    print_tables(report, say)
    return report


def verdicts(report):
    """Each board page's p95 against the home page's p95 from the same run."""
    pages = report["pages"]
    home_p95 = pages[0]["inproc"].get("p95_ms") or float("nan")
    target = scenarios.BOARD_VS_HOME_P95
    for row in pages[1:]:
        inproc = row["inproc"]
        if inproc.get("status") != 200:
            row["result"] = f"ERROR {inproc.get('failure')}"
            continue
        row["vs_home_p95"] = inproc["p95_ms"] / home_p95
        checks = [inproc["queries"] <= scenarios.QUERY_BUDGET]
        if row["key"].startswith("board"):
            checks.append(row["vs_home_p95"] <= target)
        row["result"] = "PASS" if all(checks) else "FAIL"


def _ms(value):
    return "-" if value is None else f"{value:.1f}"


def print_tables(report, say):
    target = scenarios.BOARD_VS_HOME_P95
    say("")
    say(
        f"Ideas board: {report['ideas']:,} published ideas, {report['supports']:,} supports, "
        f"{report['comments']:,} comments. In-process; target: a board page's p95 <= "
        f"{target:g} x the home page's p95, <= {scenarios.QUERY_BUDGET} SQL"
    )
    header = f"{'':<40} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4} {'p95/home':>9}  result"
    say(header)
    say("-" * len(header))
    for row in report["pages"]:
        inproc = row["inproc"]
        ratio = row.get("vs_home_p95")
        say(
            f"{row['label']:<40} {_ms(inproc.get('p50_ms')):>7} {_ms(inproc.get('p95_ms')):>7} "
            f"{inproc.get('queries', '-'):>4} {'-' if ratio is None else f'{ratio:.2f}':>9}  "
            f"{row.get('result', 'reference')}"
        )
    say("")
    say("Posting an idea through the view (in-process)")
    labels = {
        "store": "stored (step=confirm)",
        "similar": "first step, similar ideas shown",
    }
    for key, result in report["posting"].items():
        if "error" in result:
            say(f"  {labels[key]:<38} ERROR {result['error']}")
            continue
        say(
            f"  {labels[key]:<38} p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
            f"{result['queries']} SQL, {result['samples']} posts"
        )
    say("")
    say(f"Admin export of {report['ideas']:,} ideas (superuser, so with names and emails)")
    for row in report["exports"]:
        if "error" in row:
            say(f"  {row['label']:<24} ERROR {row['error']}")
            continue
        say(
            f"  {row['label']:<24} {row['seconds']:.2f} s (median of {row['runs']}), "
            f"{row['bytes'] / 1e6:.1f} MB, peak Python memory {row['peak_bytes'] / 1e6:.1f} MB"
        )
