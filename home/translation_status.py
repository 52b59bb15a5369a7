"""Which parts of a translated page or snippet are still in the source language (issue 10).

wagtail-localize copies untranslated text from the source as it is, so a Polish page can hold
English paragraphs. Its records say which: a string segment of the source with no string
translation into the page's language. Templates ask here, and mark each such part with the
source's `lang` and `dir` under a notice in the reader's language ("This part is in English for
now"), so the punctuation of an English sentence lands at the right end on an Arabic page and a
screen reader reads it with an English voice.

One query per page or snippet, however long it is: the parts are the first steps of each
untranslated segment's path, a field name ("introduction") or a field and a top-level block id
("body.4f1c…"), which is what the templates loop over. A copy whose sync an editor stopped
(`Translation.enabled` false) is the editor's own page: nothing in it is marked.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils.translation import get_language_info
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from foundation.memo import remember

CACHE_ATTRIBUTE = "_translation_status"


@dataclass(frozen=True)
class TranslationStatus:
    """What of one translated object is still in its source language."""

    whole: bool = False  # nothing is translated yet: the whole thing is in the source language
    fields: frozenset = field(default_factory=frozenset)  # field names with untranslated text
    parts: frozenset = field(default_factory=frozenset)  # "field.block_id" of untranslated blocks
    source_language: str = "en"

    @property
    def source_language_bidi(self):
        try:
            return get_language_info(self.source_language)["bidi"]
        except KeyError:
            return False

    @property
    def source_language_name(self):
        try:
            return get_language_info(self.source_language)["name_local"]
        except KeyError:
            return self.source_language

    def in_source_language(self, field_name, block_id=None):
        """Whether this field (or this top-level block of a stream field) is untranslated."""
        if self.whole:
            return True
        if block_id is not None:
            return f"{field_name}.{block_id}" in self.parts
        return field_name in self.fields

    @property
    def anything(self):
        return self.whole or bool(self.fields)


TRANSLATED = TranslationStatus()


def status_for(instance, request=None):
    """The TranslationStatus of a page or translatable snippet, worked out once per instance.

    With a request, it is also kept in the site memo until the next save anywhere: a page's
    text only changes when it is saved, so neither does what of it is untranslated.
    """
    if instance is None or not getattr(instance, "translation_key", None):
        return TRANSLATED
    cached = getattr(instance, CACHE_ATTRIBUTE, None)
    if cached is None:
        if request is None:
            cached = _read_status(instance)
        else:
            key = ("translation_status", instance._meta.label, instance.pk)
            cached = remember(request, key, lambda: _read_status(instance))
        setattr(instance, CACHE_ATTRIBUTE, cached)
    return cached


def _read_status(instance):
    alias_of_id = getattr(instance, "alias_of_id", None)
    if alias_of_id is not None:
        # An alias in another language is a copy nobody has translated (wagtail-localize's
        # language synchronisation makes them): the whole page is in its original's language.
        original = Page.objects.filter(pk=alias_of_id).values_list(
            "locale_id", "locale__language_code"
        )
        for locale_id, code in original:
            if locale_id != instance.locale_id:
                return TranslationStatus(whole=True, source_language=code)
        return TRANSLATED
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=instance.locale_id,
        has_error=False,
    )
    rows = list(
        StringSegment.objects.filter(
            source__object_id=instance.translation_key,
            source__translations__target_locale_id=instance.locale_id,
            source__translations__enabled=True,
        )
        .exclude(source__locale_id=instance.locale_id)
        .annotate(done=Exists(translated))
        .values_list("context__path", "done", "source__locale__language_code")
    )
    if not rows:
        return TRANSLATED  # an original, or a copy an editor has taken over
    untranslated = [path.split(".") for path, done, _code in rows if not done]
    source_language = rows[0][2]
    if not untranslated:
        return TranslationStatus(source_language=source_language)
    # A slug is never shown; a page whose only other strings are untranslated is wholly so.
    shown = [(path, done) for path, done, _code in rows if path.split(".")[-1] != "slug"]
    if shown and not any(done for _path, done in shown):
        return TranslationStatus(whole=True, source_language=source_language)
    return TranslationStatus(
        fields=frozenset(steps[0] for steps in untranslated),
        parts=frozenset(".".join(steps[:2]) for steps in untranslated if len(steps) > 1),
        source_language=source_language,
    )


def untranslated_pages(pages):
    """{page pk: source language} of the pages among `pages` that are wholly untranslated.

    One query for the whole list (search results, say), however many pages it holds.
    """
    by_key = {(page.translation_key, page.locale_id): page.pk for page in pages}
    if not by_key:
        return {}
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef("source__translations__target_locale_id"),
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(
            source__object_id__in={key for key, _locale in by_key},
            source__translations__target_locale_id__in={locale for _key, locale in by_key},
            source__translations__enabled=True,
        )
        .exclude(context__path="slug")
        .annotate(done=Exists(translated))
        .values_list(
            "source__object_id",
            "source__translations__target_locale_id",
            "source__locale__language_code",
            "done",
        )
    )
    seen, done_any = {}, set()
    for key, locale_id, source_language, done in rows:
        pk = by_key.get((key, locale_id))
        if pk is None:
            continue
        seen[pk] = source_language
        if done:
            done_any.add(pk)
    return {pk: language for pk, language in seen.items() if pk not in done_any}
