"""The languages a board's ideas are written in, for the board's language filter."""

from django.db.models import Count

from consultations.languages import language_name, site_language_codes


def board_languages(ideas, wanted):
    """The languages the board's ideas are written in, with counts (the site's first), and
    `wanted` if it is one of them."""
    counts = dict(
        ideas.order_by().values("language").annotate(n=Count("pk")).values_list("language", "n")
    )
    site = site_language_codes()
    languages = [
        {"code": code, "name": language_name(code), "count": count}
        for code, count in counts.items()
    ]
    languages.sort(key=lambda row: (row["code"] not in site, row["name"].casefold()))
    return languages, wanted if wanted in counts else ""
