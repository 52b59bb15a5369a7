"""Turn the demo content data (home/demo_content/) into published, translated pages.

Idempotent: a page is saved and published only when its content differs from the data, and a
translation is made only once, so running the loader twice changes nothing.
"""

import copy
import datetime
import importlib
import json

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

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


class DemoLoader:
    """Loads the demo content; `log` receives one line of progress per step."""

    def __init__(self, log=print):
        self.log = log
        self.changed = 0

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

    def _wanted(self, field, value):
        if isinstance(value, list):
            return self._normalise(value)
        return value

    def upsert_page(self, parent, model, slug, fields, show_in_menus=False, relations=None):
        """Create or update a published page under parent; publish only when something changed.

        relations maps "topics" to PolicyTopic objects and "related_policies" to PolicyPage
        objects. They are set before the one publish, so a new policy's version history starts
        with one entry, not one per relation.
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        fields = {**fields, "slug": slug, "show_in_menus": show_in_menus}
        relations = relations or {}
        if page is None:
            page = model(**self._model_values(fields))
            self._set_relations(page, relations)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  created {model._meta.verbose_name} '{page.title}'")
            return page
        changes = {
            name: value
            for name, value in fields.items()
            if self._current(page, name) != self._wanted(name, value)
        }
        relations_changed = any(
            self._current_relation(page, name) != [item.pk for item in items]
            for name, items in relations.items()
        )
        if changes or relations_changed or not page.live or page.has_unpublished_changes:
            for name, value in self._model_values(changes).items():
                setattr(page, name, value)
            self._set_relations(page, relations)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  updated {model._meta.verbose_name} '{page.title}'")
        return page

    @staticmethod
    def _current_relation(page, name):
        if name == "topics":
            return sorted(page.topics.values_list("pk", flat=True))
        return [relation.related_id for relation in page.related_policies.all()]

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

    def _model_values(self, fields):
        # Wagtail adds block ids to stream data in place: never hand it the module's own data.
        values = {}
        for name, value in copy.deepcopy(fields).items():
            if name in DATE_FIELDS and isinstance(value, str):
                value = datetime.date.fromisoformat(value)
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
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        footer = []
        for link in getattr(site_data, "FOOTER_LINKS", []):
            page = pages.get(link.get("slug"))
            value = {
                "page": page.pk if page else None,
                "external_url": link.get("url", ""),
                "text": link.get("text", ""),
            }
            footer.append({"type": "link", "value": value})
        wanted = {k: v for k, v in data.items() if hasattr(settings_obj, k)}
        current_footer = [
            {"type": item["type"], "value": item["value"]}
            for item in settings_obj.footer_links.raw_data
        ]
        dirty = any(getattr(settings_obj, k) != v for k, v in wanted.items()) or (
            self._normalise(current_footer) != self._normalise(footer)
        )
        if dirty:
            for name, value in wanted.items():
                setattr(settings_obj, name, value)
            settings_obj.footer_links = footer
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

    def load_safeguarding_notice(self, site_data, locale):
        data = site_data.SAFEGUARDING_NOTICE
        notice = SafeguardingNotice.objects.filter(locale=locale).first()
        if notice is None:
            notice = SafeguardingNotice(locale=locale, **data)
            notice.save()
            notice.save_revision().publish()
            self.changed += 1
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
        if directory is not None and home.directory_page_id != directory.pk:
            home.directory_page = directory
            home.save_revision().publish()
            self.changed += 1

    # --- translations ------------------------------------------------------------------------
    def translate_all(self, home, locales):
        """Give every other language a copy of each page and snippet, ready for translators.

        wagtail-localize's own machinery makes the copies, so editors translate them in its
        editor; text not yet translated shows in English until then.
        """
        pages = list(
            Page.objects.descendant_of(home, inclusive=True)
            .filter(locale=home.locale)
            .live()
            .order_by("path")
        )
        snippets = [
            *PolicyTopic.objects.filter(locale=home.locale),
            *SafeguardingNotice.objects.filter(locale=home.locale),
        ]
        targets = [locale for code, locale in locales.items() if code != home.locale.language_code]
        items = snippets + pages
        for number, instance in enumerate(items, start=1):
            self.log(f"Translations [{number}/{len(items)}]: {instance}")
            self.translate(instance.specific if isinstance(instance, Page) else instance, targets)

    def translate(self, instance, targets):
        source, created = TranslationSource.get_or_create_from_instance(instance)
        latest = getattr(instance, "latest_revision", None)
        refreshed = False
        if not created and latest is not None and source.last_updated_at < latest.created_at:
            # The original changed since it was last extracted: re-read it before syncing.
            source.update_from_db()
            refreshed = True
        for locale in targets:
            translation, new = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            if new or refreshed or not self._target_exists(translation):
                translation.save_target(publish=True)
                self.changed += 1

    @staticmethod
    def _target_exists(translation):
        try:
            translation.get_target_instance()
        except ObjectDoesNotExist:
            return False
        return True
