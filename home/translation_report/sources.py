"""The English pages and snippets that could be translated, and their copies in other languages:
two queries per model family, whatever the number of items."""

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, DateTimeField, ExpressionWrapper, F, Q, Value
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

# A copy readers do not see as saved: never published, or changed since.
_UNPUBLISHED = ExpressionWrapper(
    Q(live=False) | Q(has_unpublished_changes=True), output_field=BooleanField()
)


@dataclass
class Source:
    """An English page or snippet that could be translated."""

    title: str
    kind: str
    translation_key: object
    changed_at: datetime.datetime | None
    english_url: str
    submit_url: str
    edit_url_name: str  # for the translation, given its pk


def edit_url(url_name, pk):
    return reverse(url_name, args=[quote(pk)])


def english_pages(default):
    """Live English pages (one query) and, for each, the pages in other languages (one more)."""
    pages = (
        Page.objects.filter(locale=default, depth__gt=1, live=True)
        .order_by("path")
        .values_list("pk", "title", "translation_key", "content_type_id", "last_published_at")
    )
    sources = []
    for pk, title, key, content_type_id, published_at in pages:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        sources.append(
            Source(
                title=title,
                kind=str(model._meta.verbose_name).capitalize() if model else "",
                translation_key=key,
                changed_at=published_at,
                english_url=edit_url("wagtailadmin_pages:edit", pk),
                submit_url=reverse("wagtail_localize:submit_page_translation", args=[pk]),
                edit_url_name="wagtailadmin_pages:edit",
            )
        )
    copies = (
        Page.objects.filter(
            translation_key__in=Page.objects.filter(locale=default, depth__gt=1).values(
                "translation_key"
            )
        )
        .exclude(locale=default)
        .annotate(_unpublished=_UNPUBLISHED)
        .values_list(
            "translation_key", "locale_id", "pk", "alias_of_id", "last_published_at", "_unpublished"
        )
    )
    return sources, copies


def english_snippets(model, default):
    """One translatable snippet model's English items and their copies: two queries."""
    app_label, model_name = model._meta.app_label, model._meta.model_name
    english = model.objects.filter(locale=default)
    copies = model.objects.filter(
        translation_key__in=model.objects.filter(locale=default).values("translation_key")
    ).exclude(locale=default)
    unpublished = Value(False, output_field=BooleanField())
    if issubclass(model, DraftStateMixin):
        english = english.filter(live=True)
        changed = F("last_published_at")
        unpublished = _UNPUBLISHED
    elif issubclass(model, RevisionMixin):
        changed = F("latest_revision__created_at")
    else:
        changed = Value(None, output_field=DateTimeField())
    # An item's name may mention a related one (a category's parent): fetch those with it.
    related = [field.name for field in model._meta.concrete_fields if field.many_to_one]
    english = english.annotate(_changed_at=changed).select_related(*related)
    edit_url_name = f"wagtailsnippets_{app_label}_{model_name}:edit"
    kind = str(model._meta.verbose_name).capitalize()
    sources = [
        Source(
            title=str(item),
            kind=kind,
            translation_key=item.translation_key,
            changed_at=item._changed_at,
            english_url=edit_url(edit_url_name, item.pk),
            submit_url=reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[app_label, model_name, quote(item.pk)],
            ),
            edit_url_name=edit_url_name,
        )
        for item in english
    ]
    # (key, locale, pk, alias_of, changed_at, unpublished), as pages give them; snippets have
    # no aliases.
    copies = copies.annotate(_changed_at=changed, _unpublished=unpublished).values_list(
        "translation_key", "locale_id", "pk", "_changed_at", "_unpublished"
    )
    return sources, [(key, locale, pk, None, at, draft) for key, locale, pk, at, draft in copies]


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
