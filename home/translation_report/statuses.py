"""What needs translating: every page and snippet, per language, and how far its translation is.

wagtail-localize records translations but gives no overview of what is missing or out of date
(wagtail-localize#832). This works it out from its own records, with a fixed number of queries
whatever the number of pages, snippets or strings (one per model family and one per language).
The states are described in states.py.

Only live English pages and snippets are counted: a draft is not ready to translate.
"""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from .progress import string_progress
from .sources import edit_url, english_pages, english_snippets, translatable_snippet_models
from .states import MISSING, OUT_OF_DATE, STATE_ORDER, UNPUBLISHED, TranslationStatus, state_of


def target_locales():
    """The content languages other than the default, in the order LANGUAGES gives them."""
    default = Locale.get_default()
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    locales = Locale.objects.filter(language_code__in=order).exclude(pk=default.pk)
    return sorted(locales, key=lambda locale: order[locale.language_code])


def translation_statuses():
    """Every live English page and translatable snippet in every other content language.

    The number of queries depends on the number of languages and snippet models, never on the
    number of pages, snippets or strings.
    """
    default = Locale.get_default()
    locales = target_locales()
    if not locales:
        return []

    families = [english_pages(default)]
    families += [english_snippets(model, default) for model in translatable_snippet_models()]
    sources, copies = [], {}
    for family_sources, family_copies in families:
        sources += family_sources
        for copy in family_copies:
            copies[copy[0], copy[1]] = copy

    synced = {
        object_id: (pk, last_updated_at)
        for pk, object_id, last_updated_at in TranslationSource.objects.filter(
            locale=default
        ).values_list("pk", "object_id", "last_updated_at")
    }
    records = set(
        Translation.objects.filter(
            source__locale=default, enabled=True, target_locale__in=locales
        ).values_list("source_id", "target_locale_id")
    )
    last_saved = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source__locale=default, locale__in=locales)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
        .order_by()
    }
    progress = string_progress(default, locales)

    statuses = []
    for locale in locales:
        language = str(locale.get_display_name())
        for source in sources:
            copy = copies.get((source.translation_key, locale.pk))
            translation = synced.get(source.translation_key)
            source_id = translation[0] if translation else None
            record = (source_id, locale.pk) if (source_id, locale.pk) in records else None
            counts = progress.get((source_id, locale.pk), (0, 0, 0)) if record else None
            state = state_of(
                source,
                translation,
                copy,
                record,
                counts,
                last_saved.get((source_id, locale.pk)),
            )
            if state == MISSING and copy is None:
                next_step, url = _("Translate"), source.submit_url
            elif state == MISSING:  # an alias: its edit page offers "Translate this page"
                next_step, url = _("Translate"), edit_url(source.edit_url_name, copy[2])
            elif (
                state == OUT_OF_DATE
                and record
                and source.changed_at
                and source.changed_at > translation[1]
            ):
                next_step = _("Sync")
                url = reverse("wagtail_localize:update_translations", args=[source_id])
            elif state == UNPUBLISHED:
                next_step = _("Review and publish")
                url = edit_url(source.edit_url_name, copy[2])
            else:
                next_step = _("Edit translation")
                url = edit_url(source.edit_url_name, copy[2])
            statuses.append(
                TranslationStatus(
                    title=source.title,
                    kind=source.kind,
                    language=language,
                    language_code=locale.language_code,
                    state=state,
                    total=counts[0] if counts else None,
                    translated=counts[1] if counts else None,
                    machine=counts[2] if counts else 0,
                    english_changed_at=source.changed_at,
                    translated_at=last_saved.get((source_id, locale.pk))
                    if record
                    else (copy[4] if copy else None),
                    english_url=source.english_url,
                    next_step=next_step,
                    next_step_url=url,
                )
            )
    language_order = {locale.language_code: index for index, locale in enumerate(locales)}
    statuses.sort(
        key=lambda row: (
            language_order[row.language_code],
            STATE_ORDER[row.state],
            row.title.casefold(),
        )
    )
    return statuses
