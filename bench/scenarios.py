"""What the benchmark requests. Edit the lists at the top; the code below only fills in URLs.

A search's parameters may use these placeholders, filled from the benchmark's own data:
{category} the slug of the category with the most services, {age} a child's age in years,
{postcode} a full postcode inside the demo borough.
"""

from urllib.parse import urlencode

# The ten typical directory searches (issue 4, part 10). Parameter names follow
# services_directory/search/forms.py.
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

# The common word that made Wagtail's stock SQLite backend take over 30 s to rank (issue 4).
RANKING_QUERY = "family"
# How long the stock backend may try before the benchmark gives up on it.
RANKING_STOCK_CAP_SECONDS = 60

API_LIST = "/api/openreferral/v3/services?per_page=50"
SITE_SEARCH = "/en/search/?q=family"

# Targets from the project guide and issue 4.
QUERY_BUDGET = 15  # SQL queries for any public page
UNCACHED_VS_REFERENCE = 2.0  # uncached page throughput / the 43-query reference page
CACHED_VS_PLAIN = 0.8  # cached anonymous page throughput / a plain Django view


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
