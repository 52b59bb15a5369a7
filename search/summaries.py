"""The line under each search result, for a whole page of results in one query.

Each page type keeps its summary in its own table (a listing summary, else the search
description, else its introduction, summary or description), so asking each result for it
cost a query per page type on the page of results: the count changed with what was found.
Here one UNION reads them all, however many types a page of results holds.
"""

import html

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField, Value
from django.db.models.functions import Cast
from django.utils.html import strip_tags

# A page's own words, tried in this order when it has no listing summary or search description.
FALLBACK_FIELDS = ("introduction", "summary", "description")
MAX_LENGTH = 240


def _columns(model):
    """The listing summary, search description and fallback field of `model`, as text."""
    names = {field.name for field in model._meta.concrete_fields}
    fallback = next((name for name in FALLBACK_FIELDS if name in names), None)
    return [
        Cast(name, TextField()) if name in names else Value("", output_field=TextField())
        for name in ("listing_summary", "search_description", fallback)
    ]


def plain(text):
    """Rich text or plain text as one plain line, cut at a word near MAX_LENGTH."""
    line = " ".join(html.unescape(strip_tags(text or "")).split())
    if len(line) <= MAX_LENGTH:
        return line
    return line[: MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def summaries_for(pages):
    """{page id: summary line} for these (base Page) results."""
    by_model = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        if model is not None:
            by_model.setdefault(model, []).append(page.pk)
    parts = [
        model._default_manager.filter(pk__in=ids)
        .order_by()
        .annotate(s1=columns[0], s2=columns[1], s3=columns[2])
        .values_list("pk", "s1", "s2", "s3")
        for model, ids in by_model.items()
        for columns in [_columns(model)]
    ]
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {
        pk: plain(next((text for text in texts if text and text.strip()), ""))
        for pk, *texts in rows
    }
