"""The demo in every language: wagtail-localize copies of each page and snippet, translated
from the demo catalogues (home/demo_content/translations/), with page links in their language."""

import json

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from foundation.bulk_tasks import tasks_run_once
from home.models import PolicyPage, PolicyTopic, SafeguardingNotice, SiteText

# The tool_name of the string translations the loader imports from the demo catalogues: a
# string with any other tool, or with a person's name on it, is an editor's and stays as it is.
DEMO_TRANSLATION_TOOL = "Demo content translations"


def translation_key(source, locale):
    """A copy's key in the record of what the demo made (foundation.demo)."""
    return f"home:translation:{source.object_id}:{locale.language_code}"


def _points_at_a_page(model, field_path):
    """Whether a translation segment's field path (e.g. "ambitions.cards.cards.item.page") ends
    in a page chooser block or a foreign key to a page."""
    name, *parts = field_path.split(".")
    try:
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            block = field.stream_block
            for part in parts:
                is_list = isinstance(block, blocks.ListBlock)
                block = block.child_block if is_list else block.child_blocks[part]
            return isinstance(block, blocks.PageChooserBlock)
    except (FieldDoesNotExist, KeyError, AttributeError):
        return False  # a field or block since removed from the model: nothing to point
    return isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)


def _valid_translation(english, translated):
    """Whether wagtail-localize can use the translation: its markup parses and keeps the
    source's links. One it cannot use is stored with an error for an editor to fix, and the
    page keeps the English until then (as the translation editor does)."""
    try:
        StringValue.from_translated_html(translated)
        validate_translation_links(english, translated)
    except ValueError:
        return False
    return True


class TranslationLoading:
    """The translations part of DemoLoader: needs self.log, self.changed, self.catalogue,
    self.records and self._kept.
    """

    # Filled by DemoLoader from the other apps' AppConfigs: functions of the default locale
    # returning their snippets in the order to copy them, and functions of a fresh copy
    # returning whether they changed it.
    extra_snippets = ()
    copy_fixes = ()

    @tasks_run_once()  # each page is indexed once, when the load ends
    def translate_all(self, home, locales):
        """Give every other language a copy of each page and snippet, ready for translators.

        wagtail-localize's own machinery makes the copies, so editors translate them in its
        editor; text not yet translated shows in English until then.

        Two passes, because a page may link to pages that come after it in the tree (the home
        page links to its children): the first makes every missing copy as a draft, the second
        points each copy's page links at the same language's pages and publishes it, once.
        """
        pages = list(
            Page.objects.descendant_of(home, inclusive=True)
            .filter(locale=home.locale)
            .live()
            .order_by("path")
            .specific()
        )
        snippets = [
            *PolicyTopic.objects.filter(locale=home.locale),
            *SafeguardingNotice.objects.filter(locale=home.locale),
            *SiteText.objects.filter(locale=home.locale),
            *(
                snippet
                for snippets_in in self.extra_snippets
                for snippet in snippets_in(home.locale)
            ),
        ]
        targets = [locale for code, locale in locales.items() if code != home.locale.language_code]
        items = snippets + pages
        to_publish = []
        for number, instance in enumerate(items, start=1):
            self.log(f"Translations [{number}/{len(items)}]: {instance}")
            to_publish += self.translate(instance, targets)
        if to_publish:
            self.log(
                f"Translations: publishing, with links in their own language ({len(to_publish)})"
            )
        for job in to_publish:
            self.publish_translation(*job)

    def translate(self, instance, targets):
        """Make or refresh instance's copies; return those still to publish, as jobs."""
        if self._kept(instance):
            return []
        source, created = TranslationSource.get_or_create_from_instance(instance)
        latest = getattr(instance, "latest_revision", None)
        refreshed = False
        if not created and latest is not None and source.last_updated_at < latest.created_at:
            # The original changed since it was last extracted: re-read it before syncing.
            source.update_from_db()
            refreshed = True
        jobs = []
        for locale in targets:
            translation, new = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            target = self._target(translation)
            key = translation_key(source, locale)
            if target is None and self.records.deleted(key, self.log, f"{instance} ({locale})"):
                continue
            if target is not None and self._kept_translation(translation, target):
                self.records.remember(key, target)
                continue
            imported = self.import_strings(source, locale)
            saved = target is None or new or refreshed or imported
            if saved:
                target = self._save_translation(source, locale)
            self.records.remember(key, target)
            # Pages and the notice are published in the second pass, also when nothing needed
            # syncing: a copy made by an earlier loader may still link to another language.
            if isinstance(target, DraftStateMixin):
                jobs.append((source, locale, saved))
        return jobs

    def import_strings(self, source, locale):
        """Add the demo catalogue's translations of source's strings into locale, as
        wagtail-localize string translations; return how many were added or changed.

        A string already translated by a person (their name is on it) or by another tool
        (machine translation, a PO file an editor uploaded) is theirs and is never overwritten;
        one the loader imported earlier follows the catalogue. Slugs keep the English value
        (every language's pages share their URLs), so a page with every string in the
        catalogue shows as fully translated in the editor.
        """
        wanted_for = self.catalogue(locale.language_code)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        existing = {
            (row.translation_of_id, row.context_id): row
            for row in StringTranslation.objects.filter(
                locale=locale, context__object_id=source.object_id
            )
        }
        now = timezone.now()
        added, updated = [], []
        for segment in segments:
            english = segment.string.data
            path = segment.context.path
            is_slug = path == "slug" or path.endswith(".slug")
            wanted = english if is_slug else wanted_for.get(english)
            if not wanted:
                continue
            row = existing.get((segment.string_id, segment.context_id))
            if row is None:
                row = StringTranslation(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale=locale,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    tool_name=DEMO_TRANSLATION_TOOL,
                    updated_at=now,
                )
                added.append(row)
            elif (
                row.tool_name != DEMO_TRANSLATION_TOOL
                or row.last_translated_by_id is not None
                or row.data == wanted
            ):
                continue
            else:
                row.updated_at = now
                updated.append(row)
            row.data = wanted
            row.has_error = not _valid_translation(english, wanted)
        StringTranslation.objects.bulk_create(added)
        StringTranslation.objects.bulk_update(updated, ["data", "has_error", "updated_at"])
        return len(added) + len(updated)

    def _save_translation(self, source, locale):
        """Write the copy from the source and its translations; drafts stay unpublished."""
        drafts = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
        target, _created = source.create_or_update_translation(
            locale, publish=not drafts, fallback=True, copy_parent_pages=True
        )
        if not drafts:
            self.changed += 1
        return target

    def publish_translation(self, source, locale, saved):
        """Point the copy's page links at its own language's pages, then publish it once.

        saved says the copy was just written from the source and needs publishing anyway.
        """
        if self.link_pages_in_language(source, locale):
            self._save_translation(source, locale)
            saved = True
        target = self._target(Translation.objects.get(source=source, target_locale=locale))
        revision = target.latest_revision
        if isinstance(target, PolicyPage):
            topics = target.get_topics()
            if {topic.pk for topic in topics} != set(target.topics.values_list("pk", flat=True)):
                # wagtail-localize copies many-to-many fields as they are: use this language's.
                target.topics = topics
                revision = target.save_revision()
                saved = True
        fixed = False
        for fix in self.copy_fixes:
            fixed = fix(target) or fixed
        if fixed:
            revision = target.save_revision()
            saved = True
        if saved:
            revision.publish()
            self.changed += 1

    def link_pages_in_language(self, source, locale):
        """Make each page link of the source lead to the page in locale, where there is one.

        wagtail-localize copies a page chooser's page as it is, so every translated home page
        linked to the English pages. A segment override is its own way of saying "in this
        language, use this value instead": it survives later syncs, and translators see and
        can change it in the translation editor. An override a person set is kept.
        Returns whether any override changed.
        """
        model = source.specific_content_type.model_class()
        changed = False
        segments = OverridableSegment.objects.filter(source=source).select_related("context")
        for segment in segments:
            field_path = segment.context.field_path or segment.context.get_field_path(
                source.as_instance()
            )
            if not _points_at_a_page(model, field_path):
                continue
            translation_key = (
                Page.objects.filter(pk=json.loads(segment.data_json))
                .values_list("translation_key", flat=True)
                .first()
            )
            in_locale = (
                Page.objects.filter(translation_key=translation_key, locale=locale)
                .values_list("pk", flat=True)
                .first()
            )
            if translation_key is None or in_locale is None:
                continue  # linked page gone, or not in this language: the link stays as it is
            override = SegmentOverride.objects.filter(
                locale=locale, context=segment.context
            ).first()
            if override is None:
                SegmentOverride.objects.create(
                    locale=locale, context=segment.context, data_json=json.dumps(in_locale)
                )
                changed = True
            elif override.last_translated_by_id is None and override.data != in_locale:
                override.data_json = json.dumps(in_locale)
                override.save(update_fields=["data_json", "updated_at"])
                changed = True
        return changed

    def _kept_translation(self, translation, target):
        if not translation.enabled:
            self.log(f"  kept {target} ({translation.target_locale}): its sync was stopped")
            return True
        if self._kept(target, f"{target} ({translation.target_locale})"):
            return True
        # A translator's unpublished work lives in translated strings, not yet in a revision.
        translator = (
            StringTranslation.objects.filter(
                locale=translation.target_locale,
                context__object_id=translation.source.object_id,
                last_translated_by__isnull=False,
            )
            .select_related("last_translated_by")
            .first()
        )
        if translator is not None:
            name = translator.last_translated_by.get_username()
            self.log(f"  kept {target} ({translation.target_locale}): being translated by {name}")
            return True
        return False

    @staticmethod
    def _target(translation):
        try:
            return translation.get_target_instance()
        except ObjectDoesNotExist:
            return None
