"""Turn the demo content data (home/demo_content/) into published, translated pages.

Idempotent: a page is saved and published only when its content differs from the data, and a
translation is made only once, so running the loader twice changes nothing.

The admin wins: `make run` loads the demo every time, so anything an editor has changed there (a
page, a translation, a snippet, the site settings) is left as it is and the progress output says
so. An object counts as changed in the admin once a person, rather than this loader, has saved
a revision of it or has a log entry for it.
"""

import copy
import datetime
import importlib
import json

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models, transaction
from django.utils.text import slugify
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.log_actions import registry as log_registry
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import (
    ContentPage,
    HomePage,
    PolicyIndexPage,
    PolicyPage,
    PolicyRelation,
    PolicyTopic,
    ReportPage,
    SafeguardingNotice,
    SiteSettings,
    SiteText,
    SocialLink,
)

DOCUMENT_MODULES = [
    "vision_for_families_and_children",
    "best_start_in_life_pledges",
    "childrens_centres_core_purpose",
    "scrutiny_presentation_children_young_people",
    "partnership_with_parents_and_carers_policy",
]
PAGE_MODELS = {"content": ContentPage, "report": ReportPage, "policy": PolicyPage}
DATE_FIELDS = {"date", "first_released", "last_reviewed", "next_review_due"}
# Keys of the page data the loader turns into relations itself rather than setting as fields.
RELATION_KEYS = {"topics", "related_policies"}


class DemoContentError(Exception):
    """The demo data does not fit the models: fix the data or the model, never drop text."""


def demo_module(name):
    return importlib.import_module(f"home.demo_content.{name}")


def changed_in_admin_by(instance):
    """The person who last changed instance in the admin, or None if only the loader has.

    Everything the loader saves has no user. A person's work leaves their name on a revision
    (drafts, publishing, a translator's edits) or on a log entry (unpublishing, moving, editing
    a snippet or the site settings).
    """
    revision = getattr(instance, "latest_revision", None)
    if revision is not None and revision.user_id:
        return revision.user
    entry = (
        log_registry.get_logs_for_instance(instance)
        .filter(user__isnull=False)
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return entry.user if entry else None


def kept_for_editor(instance, log, label=None):
    """True (and says so to `log`) when an editor has changed instance: a loader leaves it alone."""
    person = changed_in_admin_by(instance)
    if person is None:
        return False
    label = label or repr(str(instance))
    log(f"  kept {label}: changed in the admin by {person.get_username()}")
    return True


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


class DemoLoader:
    """Loads the demo content; `log` receives one line of progress per step."""

    def __init__(self, log=print):
        self.log = log
        self.changed = 0

    def _kept(self, instance, label=None):
        return kept_for_editor(instance, self.log, label)

    # --- pages -------------------------------------------------------------------------------
    def _normalise(self, value):
        """Stream data without block ids and list-item wrappers, for comparing with the data."""

        def strip(item):
            if isinstance(item, dict):
                if item.get("type") == "item" and set(item) <= {"type", "value", "id"}:
                    return strip(item["value"])
                return {k: strip(v) for k, v in item.items() if k != "id"}
            if isinstance(item, list):
                return [strip(v) for v in item]
            return item

        return strip(json.loads(json.dumps(value, default=str, sort_keys=True)))

    def _current(self, page, field):
        value = getattr(page, field)
        if hasattr(value, "raw_data"):
            return self._normalise(list(value.raw_data))
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def _wanted(self, model, field, value):
        stream_field = model._meta.get_field(field)
        if isinstance(stream_field, StreamField):
            # As the blocks will store it: they add their defaults (a table's header choice).
            block = stream_field.stream_block
            value = block.to_python(copy.deepcopy(value))
            list(value)
            return self._normalise(block.get_prep_value(value))
        if isinstance(value, list):
            return self._normalise(value)
        return value

    def upsert_page(self, parent, model, slug, fields, show_in_menus=False, relations=None):
        """Create or update a published page under parent; publish only when something changed.

        relations maps "topics" to PolicyTopic objects and "related_policies" to PolicyPage
        objects. They are set before the one publish, so a new policy's version history starts
        with one entry, not one per relation. A page an editor has changed is left as it is.
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        fields = {**fields, "slug": slug, "show_in_menus": show_in_menus}
        relations = relations or {}
        if page is None:
            page = model(**self._model_values(model, fields))
            self._set_relations(page, relations)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  created {model._meta.verbose_name} '{page.title}'")
            return page
        if self._kept(page, f"{model._meta.verbose_name} '{page.title}'"):
            return page
        changes = {
            name: value
            for name, value in fields.items()
            if self._current(page, name) != self._wanted(model, name, value)
            or not self._in_block_format(page, name)
        }
        relations_changed = any(
            self._current_relation(page, name) != self._wanted_relation(name, items)
            for name, items in relations.items()
        )
        if changes or relations_changed or not page.live or page.has_unpublished_changes:
            for name, value in self._model_values(model, changes).items():
                setattr(page, name, value)
            self._set_relations(page, relations)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  updated {model._meta.verbose_name} '{page.title}'")
        return page

    @staticmethod
    def _in_block_format(page, name):
        """False for stream data whose lists are stored in Wagtail's pre-2.16 plain form.

        Earlier versions of this loader stored them so. wagtail-localize reads no segments from
        such a list: translators could not translate its text, and its page links could not be
        pointed at the translated pages. Rewriting the field stores it in block form.
        """
        field = page._meta.get_field(name)
        if not isinstance(field, StreamField):
            return True
        raw = list(getattr(page, name).raw_data)
        value = field.stream_block.to_python(raw)
        list(value)  # read every block, so the value is written out from blocks, not raw data

        def without_ids(item):
            if isinstance(item, dict):
                return {k: without_ids(v) for k, v in item.items() if k != "id"}
            if isinstance(item, list):
                return [without_ids(v) for v in item]
            return item

        prepared = json.loads(json.dumps(field.stream_block.get_prep_value(value), default=str))
        return without_ids(prepared) == without_ids(json.loads(json.dumps(raw, default=str)))

    @staticmethod
    def _current_relation(page, name):
        if name == "topics":
            return sorted(page.topics.values_list("pk", flat=True))
        return [relation.related_id for relation in page.related_policies.all()]

    @staticmethod
    def _wanted_relation(name, items):
        pks = [item.pk for item in items]
        return sorted(pks) if name == "topics" else pks

    @staticmethod
    def _set_relations(page, relations):
        # modelcluster keeps these in memory and writes them with the page's save().
        if "topics" in relations:
            page.topics = sorted(relations["topics"], key=lambda topic: topic.pk)
        if "related_policies" in relations:
            page.related_policies = [
                PolicyRelation(related=policy, sort_order=order)
                for order, policy in enumerate(relations["related_policies"])
            ]

    def _model_values(self, model, fields):
        # Wagtail adds block ids to stream data in place: never hand it the module's own data.
        values = {}
        for name, value in copy.deepcopy(fields).items():
            field = model._meta.get_field(name)
            if name in DATE_FIELDS and isinstance(value, str):
                value = datetime.date.fromisoformat(value)
            elif isinstance(field, StreamField):
                # Through the blocks, so lists are stored in block form (see _in_block_format).
                value = field.stream_block.to_python(value)
                list(value)
            values[name] = value
        return values

    def page_fields(self, data, model):
        """The model field values for one page of demo data.

        Every key must be a field of the model (or a relation the loader sets): a key the model
        lacks would otherwise be skipped and its text would appear nowhere.
        """
        names = {field.name for field in model._meta.get_fields()}
        unknown = sorted(set(data) - names - {"type"})
        if unknown:
            raise DemoContentError(
                f"Demo page '{data.get('slug')}' has {', '.join(map(repr, unknown))}, which "
                f"{model.__name__} has no field for: add the field or change the data."
            )
        fields = {k: v for k, v in data.items() if k not in {"type", "slug", *RELATION_KEYS}}
        if "headline_figures" in data:
            fields["headline_figures"] = [
                {"type": "headline_figure", "value": figure} for figure in data["headline_figures"]
            ]
        if "legislation" in data:
            fields["legislation"] = [
                {"type": "reference", "value": reference} for reference in data["legislation"]
            ]
        return fields

    # --- the whole site ----------------------------------------------------------------------
    @transaction.atomic
    def load(self):
        self.log("Languages")
        locales = self.ensure_locales()
        self.log("Home page")
        home = self.ensure_home(locales["en"])
        site_data = demo_module("site")
        pages = self.load_documents(home, site_data)
        self.log("Site settings, safeguarding notice and topics")
        self.load_settings(home, site_data, pages)
        self.load_safeguarding_notice(site_data, locales["en"])
        self.log("Home page content")
        self.load_home(home, pages)
        return home, pages

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }

    def ensure_home(self, locale):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=locale).first()
        if home is None:
            # Wagtail's first migration makes a "Welcome to Wagtail" page; ours replaces it.
            for page in root.get_children().filter(slug="home"):
                if page.specific_class is not HomePage:
                    page.delete()
            home = HomePage(title="Family services", slug="home", locale=locale)
            root.add_child(instance=home)
            home.save_revision().publish()
            self.changed += 1
            self.log("  created the home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Family services",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return home

    def load_documents(self, home, site_data):
        pages = {}
        modules = [demo_module(name) for name in DOCUMENT_MODULES]
        reports = self.upsert_page(
            home,
            ContentPage,
            "reports-and-papers",
            {
                "title": "Reports and papers",
                "listing_summary": "Reports and presentations to the council's committees.",
                "introduction": (
                    "Papers and presentations about children and young people's services, "
                    "as they were presented to the council's committees."
                ),
                "body": [],
            },
            show_in_menus=True,
        )
        policies = self.upsert_page(
            home,
            PolicyIndexPage,
            "policies",
            {
                "title": "Policies",
                "listing_summary": "How our children's centres and services work with families.",
                "introduction": (
                    "The policies our children's centres and family services follow. "
                    "Each shows when it was last reviewed and how to comment on it."
                ),
            },
            show_in_menus=True,
        )
        pages["reports-and-papers"] = reports
        pages["policies"] = policies
        for module in modules:
            # Pages a document links to come first, so its one publish already has the links.
            for data in [*getattr(module, "RELATED_POLICY_PAGES", []), module.PAGE]:
                pages[data["slug"]] = self.load_document_page(data, home, reports, policies, pages)
        for data in getattr(site_data, "EXTRA_PAGES", []):
            pages[data["slug"]] = self.upsert_page(
                home, ContentPage, data["slug"], self.page_fields(data, ContentPage)
            )
        return pages

    def load_document_page(self, data, home, reports, policies, pages):
        model = PAGE_MODELS[data["type"]]
        parent = {"report": reports, "policy": policies}.get(data["type"], home)
        relations = {}
        if "topics" in data:
            relations["topics"] = self.policy_topics(data["topics"], parent.locale)
        if "related_policies" in data:
            relations["related_policies"] = [pages[slug] for slug in data["related_policies"]]
        self.log(f"Page: {data['title']}")
        return self.upsert_page(
            parent,
            model,
            data["slug"],
            self.page_fields(data, model),
            show_in_menus=data["type"] == "content",
            relations=relations,
        )

    def policy_topics(self, names, locale):
        topics = []
        for name in names:
            topic, created = PolicyTopic.objects.get_or_create(
                slug=slugify(name)[:100], locale=locale, defaults={"name": name}
            )
            self.changed += created
            topics.append(topic)
        return topics

    def load_settings(self, home, site_data, pages):
        data = dict(site_data.SITE_SETTINGS)
        social = data.pop("social_links", [])
        self.load_site_text(home, site_data, pages, data)
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        if self._kept(settings_obj, "the site settings"):
            return
        wanted = {k: v for k, v in data.items() if hasattr(settings_obj, k)}
        privacy = pages.get("privacy-notice")
        if privacy is not None:
            wanted["privacy_page"] = privacy.page_ptr if hasattr(privacy, "page_ptr") else privacy
        if any(getattr(settings_obj, k) != v for k, v in wanted.items()):
            for name, value in wanted.items():
                setattr(settings_obj, name, value)
            settings_obj.save()
            self.changed += 1
        current_social = [(s.label, s.url) for s in settings_obj.social_links.all()]
        wanted_social = [(s.get("label") or s["name"], s["url"]) for s in social]
        if current_social != wanted_social:
            settings_obj.social_links.all().delete()
            for order, (label, url) in enumerate(wanted_social):
                SocialLink.objects.create(
                    settings=settings_obj, label=label, url=url, sort_order=order
                )
            self.changed += 1

    def load_site_text(self, home, site_data, pages, data):
        """The site's words in the default language; translate_all copies them to the others."""
        footer = []
        for link in getattr(site_data, "FOOTER_LINKS", []):
            page = pages.get(link.get("slug"))
            value = {
                "page": page.pk if page else None,
                "external_url": link.get("url", ""),
                "text": link.get("text", ""),
            }
            footer.append({"type": "link", "value": value})
        wanted = {
            name: data.pop(name)
            for name in ("site_name", "organisation_name", "address")
            if name in data
        }
        text = SiteText.objects.filter(locale=home.locale).first()
        if text is None:
            SiteText.objects.create(locale=home.locale, footer_links=footer, **wanted)
            self.changed += 1
            return
        if self._kept(text, "the site text"):
            return
        current_footer = [
            {"type": item["type"], "value": item["value"]} for item in text.footer_links.raw_data
        ]
        if any(getattr(text, k) != v for k, v in wanted.items()) or (
            self._normalise(current_footer) != self._normalise(footer)
        ):
            for name, value in wanted.items():
                setattr(text, name, value)
            text.footer_links = footer
            text.save()
            self.changed += 1

    def load_safeguarding_notice(self, site_data, locale):
        data = site_data.SAFEGUARDING_NOTICE
        notice = SafeguardingNotice.objects.filter(locale=locale).first()
        if notice is None:
            notice = SafeguardingNotice(locale=locale, **data)
            notice.save()
            notice.save_revision().publish()
            self.changed += 1
        elif self._kept(notice, "the safeguarding notice"):
            pass
        elif any(getattr(notice, k) != v for k, v in data.items()) or not notice.live:
            for name, value in data.items():
                setattr(notice, name, value)
            notice.save_revision().publish()
            self.changed += 1
        return notice

    def load_home(self, home, pages):
        vision = demo_module("vision_for_families_and_children")
        vision_page = pages[vision.PAGE["slug"]]
        cards = [
            {**ambition, "page": vision_page.pk, "external_url": ""}
            for ambition in vision.AMBITIONS
        ]
        featured_links = [
            {
                "text": page.title,
                "description": page.listing_summary,
                "page": page.pk,
                "external_url": "",
            }
            for page in (pages[demo_module(name).PAGE["slug"]] for name in DOCUMENT_MODULES)
        ]
        fields = {
            "title": demo_module("site").SITE_SETTINGS.get("site_name", "Family services"),
            "listing_summary": "Help and services for children, young people and families.",
            "introduction": vision.HOME_INTRODUCTION,
            "ambitions_heading": "What we want for every child",
            "ambitions": [{"type": "cards", "value": {"heading": "", "cards": cards}}],
            "featured": [{"type": "links", "value": {"links": featured_links}}],
        }
        self.upsert_page(home.get_parent(), HomePage, home.slug, fields)

    def link_directory(self, home):
        """Point the home page's "find a service" box at the directory."""
        from services_directory.models import DirectoryPage

        home.refresh_from_db()
        directory = DirectoryPage.objects.child_of(home).first()
        if directory is None or home.directory_page_id == directory.pk:
            return
        if not self._kept(home, "the home page's link to the directory"):
            home.directory_page = directory
            home.save_revision().publish()
            self.changed += 1

    # --- translations ------------------------------------------------------------------------
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
            if target is not None and self._kept_translation(translation, target):
                continue
            saved = target is None or new or refreshed
            if saved:
                target = self._save_translation(source, locale)
            # Pages and the notice are published in the second pass, also when nothing needed
            # syncing: a copy made by an earlier loader may still link to another language.
            if isinstance(target, DraftStateMixin):
                jobs.append((source, locale, saved))
        return jobs

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
