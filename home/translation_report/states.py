"""What needs translating: every page and snippet, per language, and how far its translation is.

wagtail-localize records translations but gives no overview of what is missing or out of date
(wagtail-localize#832). This works it out from its own records, with a fixed number of queries
whatever the number of pages, snippets or strings (one per model family and one per language):

- missing: nothing in that language, or only an untranslated copy of the English (an alias);
- out of date: the English was published after the translation's source was last synced, or
  synced after the translation was last saved (new strings not yet put into the page);
- incomplete: some strings have no translation yet ("x of y translated");
- machine translated, not reviewed: some strings were drafted by machine and no person has saved
  them since;
- translated, not published: every string is translated, but the page or snippet in that
  language is a draft or has changes saved since it was last published, so readers do not see
  them yet;
- up to date: none of these.

Only live English pages and snippets are counted: a draft is not ready to translate. Snippets
without revisions keep no date of change, so for them "out of date" is known only once synced.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Value,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
INCOMPLETE = "incomplete"
MACHINE = "machine"
UNPUBLISHED = "unpublished"
UP_TO_DATE = "up_to_date"
NEEDS_WORK = "needs_work"

# Most urgent first: the report lists them in this order within each language.
STATES = {
    MISSING: (_("Not translated"), "#d4351c"),
    OUT_OF_DATE: (_("Out of date"), "#f47738"),
    INCOMPLETE: (_("Incomplete"), "#912b88"),
    MACHINE: (_("Machine translated, not reviewed"), "#5694ca"),
    UNPUBLISHED: (_("Translated, not published"), "#505a5f"),
    UP_TO_DATE: (_("Up to date"), "#00703c"),
}
STATE_ORDER = {state: index for index, state in enumerate(STATES)}
# A copy readers do not see as saved: never published, or changed since.
_UNPUBLISHED = ExpressionWrapper(
    Q(live=False) | Q(has_unpublished_changes=True), output_field=BooleanField()
)


@dataclass
class TranslationStatus:
    """One page or snippet in one language, as the report lists it."""

    title: str
    kind: str
    language: str
    language_code: str
    state: str
    total: int | None
    translated: int | None
    machine: int
    english_changed_at: datetime.datetime | None
    translated_at: datetime.datetime | None
    english_url: str
    next_step: str
    next_step_url: str

    @property
    def state_label(self):
        return STATES[self.state][0]

    @property
    def progress(self):
        if self.total is None:
            return ""
        return _("%(translated)s of %(total)s translated") % {
            "translated": self.translated,
            "total": self.total,
        }

    @property
    def needs_work(self):
        return self.state != UP_TO_DATE


@dataclass
class _Source:
    """An English page or snippet that could be translated."""

    title: str
    kind: str
    translation_key: object
    changed_at: datetime.datetime | None
    english_url: str
    submit_url: str
    edit_url_name: str  # for the translation, given its pk


def target_locales():
    """The content languages other than the default, in the order LANGUAGES gives them."""
    default = Locale.get_default()
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    locales = Locale.objects.filter(language_code__in=order).exclude(pk=default.pk)
    return sorted(locales, key=lambda locale: order[locale.language_code])


def _edit_url(url_name, pk):
    return reverse(url_name, args=[quote(pk)])


def _english_pages(default):
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
            _Source(
                title=title,
                kind=str(model._meta.verbose_name).capitalize() if model else "",
                translation_key=key,
                changed_at=published_at,
                english_url=_edit_url("wagtailadmin_pages:edit", pk),
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


def _english_snippets(model, default):
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
        _Source(
            title=str(item),
            kind=kind,
            translation_key=item.translation_key,
            changed_at=item._changed_at,
            english_url=_edit_url(edit_url_name, item.pk),
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


def _progress(default, locales):
    """Per (source, language): strings in all, translated, and drafted by machine.

    One aggregate query per language, the same count wagtail-localize's own editor shows
    (Translation.get_progress), for all sources at once.
    """
    progress = {}
    for locale in locales:
        translations = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source__locale=default)
            .annotate(
                done=Exists(translations),
                by_machine=Exists(
                    translations.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
                ),
            )
            .values("source_id")
            .annotate(
                total=Count("pk"),
                translated=Count("pk", filter=Q(done=True)),
                machine=Count("pk", filter=Q(by_machine=True)),
            )
            .order_by()
        )
        for row in rows:
            progress[row["source_id"], locale.pk] = (
                row["total"],
                row["translated"],
                row["machine"],
            )
    return progress


def _state(source, translation, copy, record, progress, last_saved):
    """The state of one source in one language, from what wagtail-localize has recorded."""
    if copy is None or (copy[3] is not None and record is None):
        return MISSING
    if record is None:
        # Translated by hand, outside wagtail-localize's editor: only dates can tell.
        copy_changed_at = copy[4]
        if source.changed_at and copy_changed_at and source.changed_at > copy_changed_at:
            return OUT_OF_DATE
        return UNPUBLISHED if copy[5] else UP_TO_DATE
    _source_id, source_synced_at = translation
    if source.changed_at and source.changed_at > source_synced_at:
        return OUT_OF_DATE  # the English changed after the last sync
    if last_saved is None or source_synced_at > last_saved:
        return OUT_OF_DATE  # synced, but the new strings are not in the translation yet
    total, translated, machine = progress
    if translated < total:
        return INCOMPLETE
    if machine:
        return MACHINE
    if copy[5]:
        return UNPUBLISHED
    return UP_TO_DATE


def translation_statuses():
    """Every live English page and translatable snippet in every other content language.

    The number of queries depends on the number of languages and snippet models, never on the
    number of pages, snippets or strings.
    """
    default = Locale.get_default()
    locales = target_locales()
    if not locales:
        return []

    families = [_english_pages(default)]
    families += [_english_snippets(model, default) for model in translatable_snippet_models()]
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
    progress = _progress(default, locales)

    statuses = []
    for locale in locales:
        language = str(locale.get_display_name())
        for source in sources:
            copy = copies.get((source.translation_key, locale.pk))
            translation = synced.get(source.translation_key)
            source_id = translation[0] if translation else None
            record = (source_id, locale.pk) if (source_id, locale.pk) in records else None
            counts = progress.get((source_id, locale.pk), (0, 0, 0)) if record else None
            state = _state(
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
                next_step, url = _("Translate"), _edit_url(source.edit_url_name, copy[2])
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
                url = _edit_url(source.edit_url_name, copy[2])
            else:
                next_step = _("Edit translation")
                url = _edit_url(source.edit_url_name, copy[2])
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


def summary(statuses):
    """Per language, how many items are in each state: [(code, name, {state: count})]."""
    counts = {}
    for row in statuses:
        language = counts.setdefault(row.language_code, (row.language, dict.fromkeys(STATES, 0)))
        language[1][row.state] += 1
    return [(code, name, by_state) for code, (name, by_state) in counts.items()]
