"""What the benchmark requests. Edit the lists at the top; the code below only fills in URLs.

A search's parameters may use these placeholders, filled from the benchmark's own data:
{category} the slug of the category with the most services, {age} a child's age in years,
{postcode} a full postcode inside the demo borough.
"""

from urllib.parse import urlencode

# The ten typical directory searches (issue 4, part 10). Parameter names follow
# services_directory/finder/forms.py.
DIRECTORY_SEARCHES = [
    ("keyword", {"q": "family"}),
    ("category + age", {"category": "{category}", "age": "{age}"}),
    ("postcode within 3 miles", {"postcode": "{postcode}", "distance": "3"}),
    ("open Saturday", {"day": "sat"}),
    ("free only", {"free": "1"}),
    ("open now", {"open_now": "1"}),
    ("evenings", {"evenings": "1"}),
    ("language spoken (Polish)", {"language": "pl"}),
    ("nearest first, 5 miles", {"postcode": "{postcode}", "distance": "5", "sort": "distance"}),
    (
        "combined: keyword, age, free, 3 miles, Saturday",
        {
            "q": "play",
            "age": "{age}",
            "free": "1",
            "postcode": "{postcode}",
            "distance": "3",
            "day": "sat",
            "sort": "distance",
        },
    ),
]

DEFAULT_PLACEHOLDERS = {"category": "", "age": "3", "postcode": "CR0 1AB"}

# Twenty searches as families type them (issue 9, part 8): ten in the site search, ten in the
# directory's keyword box, with the words, spellings and filler people use. bench/typical.py
# times them over the largest directory and TYPICAL_PAGES pages, beside the home page.
TYPICAL_SITE_SEARCHES = [
    "my son has ADHD",
    "nursery funding",
    "swiming lessons",
    "dad support group",
    "breast feeding",
    "free school meals",
    "help with childcare costs",
    "my daughter is being bullied",
    "autism assessment",
    "what to do in the summer holidays",
]
TYPICAL_DIRECTORY_SEARCHES = [
    "stay and play",
    "baby massage",
    "my toddler isn't talking yet",
    "holiday club",
    "dad support group",
    "swiming lessons",
    "breastfeeding cafe",
    "SEN support",
    "I'm a young mum",
    "kids activities weekend",
]
TYPICAL_PAGES = 2000  # live English pages besides the services (bench/pages.py adds them)
TYPICAL_PAGES_QUICK = 300

# The common word that made Wagtail's stock SQLite backend take over 30 s to rank (issue 4).
RANKING_QUERY = "family"
# How long the stock backend may try before the benchmark gives up on it.
RANKING_STOCK_CAP_SECONDS = 60

API_LIST = "/api/openreferral/v3/services?per_page=50"
SITE_SEARCH = "/en/search/?q=family"

# Targets from the project guide and issues 4 and 9.
QUERY_BUDGET = 15  # SQL queries for any public page
UNCACHED_VS_REFERENCE = 2.0  # uncached page throughput / the 43-query reference page
CACHED_VS_PLAIN = 0.8  # cached anonymous page throughput / a plain Django view
DIRECTORY_VS_REFERENCE = 1.0  # a directory results page's throughput / the reference's (issue 9)
DIRECTORY_P95_VS_HOME = 3.0  # a directory results page's p95 / the home page's p95 (issue 9)
# Pages unrelated to the directory keep this share of their throughput at the smallest size.
OTHER_PAGES_KEEP = 0.9


def directory_urls(directory_url, placeholders):
    """[(label, url)] for the directory searches, with placeholders filled in."""
    values = {**DEFAULT_PLACEHOLDERS, **{k: v for k, v in placeholders.items() if v}}
    urls = []
    for label, params in DIRECTORY_SEARCHES:
        filled = {name: value.format(**values) for name, value in params.items()}
        urls.append((label, f"{directory_url}?{urlencode(filled)}"))
    return urls


# The ideas board (issue 8, part 11): bench/ideas_board.py.
IDEAS_ON_BOARD = 5000
IDEAS_LATER_PAGE = 200  # 20 ideas a page: deep in the list, where OFFSET costs most
BOARD_VS_HOME_P95 = 3.0  # a board page's p95 / the home page's p95, measured in the same run
