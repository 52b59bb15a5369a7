"""Reading the numbers a page shows, so tests compare them with what the page lists.

The browser tests run against the demo content, which editors change: a test that pins a total
("187 services") breaks on every edit and catches nothing. These read a count as a person does,
so the test can check it against the items listed beside it.
"""

import re

# "1,234" as well as "1234" (Django may group thousands), in any script's digits.
NUMBER = re.compile(r"\d[\d,]*")
SHOWING = re.compile(r"Showing (\d[\d,]*) to (\d[\d,]*) of (\d[\d,]*)")
TYPE_FILTER_ITEM = re.compile(r"^(.+?) \((\d[\d,]*)\)$")


def as_number(text):
    return int(text.replace(",", ""))


def number_in(text):
    """The first whole number in `text`: "42 services found" gives 42."""
    match = NUMBER.search(text)
    assert match, f"no number in {text!r}"
    return as_number(match.group())


def directory_total(page):
    """The directory's count above its results ("42 services within 10 miles of CR0 1AA")."""
    return number_in(page.locator("#result-count").inner_text())


def directory_showing(page):
    """(first, last, total) from "Showing 21 to 40 of 187" under the results, or None when the
    results fit on one page and the line is not shown."""
    line = page.locator("p", has_text=SHOWING)
    if not line.count():
        return None
    match = SHOWING.search(line.inner_text())
    return tuple(as_number(group) for group in match.groups())


def search_total(page):
    """The site search's count ("12 results for “children”")."""
    return number_in(page.locator("#search-result-count").inner_text())


def type_filter_counts(page):
    """The site search's "Filter by type" as {label: count}, in the order shown, links or not."""
    items = page.get_by_role("navigation", name="Filter by type").get_by_role("listitem")
    counts = {}
    for text in items.all_inner_texts():
        match = TYPE_FILTER_ITEM.match(text.strip())
        assert match, f"a type filter item without its count: {text!r}"
        counts[match.group(1)] = as_number(match.group(2))
    return counts
