"""What the directory's templates show: result summaries, filter options with counts, links.

Every sentence is translated whole (see text.py).
"""

from .links import default_sort, pagination_context, sort_links, widen_suggestions
from .options import filter_options, miles_text, toggle_groups
from .summaries import ServiceSummary, summarise

__all__ = [
    "ServiceSummary",
    "default_sort",
    "filter_options",
    "miles_text",
    "pagination_context",
    "sort_links",
    "summarise",
    "toggle_groups",
    "widen_suggestions",
]
