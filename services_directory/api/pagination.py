"""The ORUK v3 page envelope (``total_items``, ``total_pages``, ``page_number``, ``size``,
``first_page``, ``last_page``, ``empty``, ``contents``)."""

import math


class Chain:
    """Fixed items followed by a queryset, counted and sliced as one sequence.

    The delivery-method taxonomy is not in the database but is listed with the real ones.
    """

    def __init__(self, fixed, queryset):
        self.fixed = list(fixed)
        self.queryset = queryset

    def count(self):
        return len(self.fixed) + self.queryset.count()

    def __getitem__(self, window):
        start, stop = window.start, window.stop
        head = self.fixed[start:stop]
        rest_start = max(start - len(self.fixed), 0)
        rest_stop = stop - len(self.fixed)
        tail = list(self.queryset[rest_start:rest_stop]) if rest_stop > 0 else []
        return head + tail


def page_window(total, page, per_page):
    """(start, stop) of the page, or None when the page is after the last one."""
    start = (page - 1) * per_page
    if start >= total:
        return None
    return start, min(start + per_page, total)


def envelope(total, page, per_page, contents):
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def paginate(sequence, query, serialize):
    """One page of anything with count() and slicing (a queryset, search results, a Chain)."""
    total = sequence.count()
    window = page_window(total, query.page, query.per_page)
    items = list(sequence[window[0] : window[1]]) if window else []
    return envelope(total, query.page, query.per_page, [serialize(item) for item in items])
