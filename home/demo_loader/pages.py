"""The demo pages: create or update each one, publishing only when something differs."""

import copy
import datetime
import json

from wagtail.fields import StreamField

from home.models import HomePage, PolicyRelation

from . import content
from .content import PAGE_MODELS, RELATION_KEYS

DATE_FIELDS = {"date", "first_released", "last_reviewed", "next_review_due"}


def normalise(value):
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


def page_key(slug):
    """The page's key in the record of what the demo made (foundation.demo)."""
    return f"home:page:{slug}"


class PageLoading:
    """The pages part of DemoLoader: needs self.log, self.changed, self.records, self._kept."""

    def _current(self, page, field):
        value = getattr(page, field)
        if hasattr(value, "raw_data"):
            return normalise(list(value.raw_data))
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    @staticmethod
    def _wanted(model, field, value):
        stream_field = model._meta.get_field(field)
        if isinstance(stream_field, StreamField):
            # As the blocks will store it: they add their defaults (a table's header choice).
            block = stream_field.stream_block
            value = block.to_python(copy.deepcopy(value))
            list(value)
            return normalise(block.get_prep_value(value))
        if isinstance(value, list):
            return normalise(value)
        return value

    def upsert_page(self, parent, model, slug, fields, show_in_menus=False, relations=None):
        """Create or update a published page under parent; publish only when something changed.

        relations maps "topics" to PolicyTopic objects and "related_policies" to PolicyPage
        objects. They are set before the one publish, so a new policy's version history starts
        with one entry, not one per relation. A page an editor has changed is left as it is; one
        an editor deleted (or whose parent is gone) stays deleted, and None is returned.
        """
        label = f"{model._meta.verbose_name} '{fields.get('title', slug)}'"
        # The home page is the site's root, never left out: only the pages under it are recorded.
        key = None if model is HomePage else page_key(slug)
        page = None
        if key is not None:
            if self.records.deleted(key, self.log, label):
                return None
            _made, page = self.records.find(key)
        if page is None and parent is None:
            self.log(f"  left out {label}: the page above it was deleted in the admin")
            return None
        if page is None:
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
        elif not self._kept(page, f"{model._meta.verbose_name} '{page.title}'"):
            self._update_page(page, model, fields, relations)
        if key is not None:
            self.records.remember(key, page)
        return page

    def _update_page(self, page, model, fields, relations):
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

    @staticmethod
    def _model_values(model, fields):
        # Wagtail adds block ids to stream data in place: never hand it the file's own data.
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
        """The model field values for one page of demo data (see content.check_page)."""
        content.check_page({**data, "type": _type_of(model)}, "the demo data")
        return {k: v for k, v in data.items() if k not in {*content.LOADER_KEYS, *RELATION_KEYS}}

    # --- the pages of the source documents -------------------------------------------------
    def load_documents(self, home, site_data):
        pages = {}
        for data in site_data["sections"]:
            pages[data["slug"]] = self.load_page(data, home, pages)
        for _name, document in content.documents():
            # Pages a document links to come first, so its one publish already has the links.
            for data in document["pages"]:
                self.log(f"Page: {data['title']}")
                pages[data["slug"]] = self.load_page(data, home, pages)
        for data in site_data["pages"]:
            pages[data["slug"]] = self.load_page(data, home, pages)
        return {slug: page for slug, page in pages.items() if page is not None}

    def load_page(self, data, home, pages):
        model = PAGE_MODELS[data["type"]]
        parent = {"report": "reports-and-papers", "policy": "policies"}.get(data["type"])
        parent = pages.get(parent) if parent else home
        relations = {}
        if "topics" in data:
            relations["topics"] = self.policy_topics(data["topics"], home.locale)
        if "related_policies" in data:
            # A related policy an editor deleted is no longer named.
            relations["related_policies"] = [
                pages[slug] for slug in data["related_policies"] if pages.get(slug)
            ]
        fields = self.page_fields(data, model)
        if pages.get(data.get("easy_read_page")):
            # By id: the loader compares field values, and a Page is never equal to its
            # specific ContentPage.
            fields["easy_read_page_id"] = pages[data["easy_read_page"]].pk
        return self.upsert_page(
            parent,
            model,
            data["slug"],
            fields,
            show_in_menus=data.get("show_in_menus", data["type"] == "content"),
            relations=relations,
        )

    def load_home(self, home, pages, site_data):
        _name, vision = content.documents()[0]
        vision_page = pages.get(vision["pages"][-1]["slug"])
        cards = [
            {**ambition, "page": vision_page.pk if vision_page else None, "external_url": ""}
            for ambition in vision["home_page"]["ambitions"]
        ]
        featured_links = [
            {
                "text": page.title,
                "description": page.get_summary(),
                "page": page.pk,
                "external_url": "",
            }
            for page in (
                pages.get(document["pages"][-1]["slug"]) for _n, document in content.documents()
            )
            if page is not None
        ]
        fields = {
            "title": site_data["settings"].get("site_name", "Family services"),
            **site_data["home_page"],
            "introduction": vision["home_page"]["introduction"],
            "ambitions": [{"type": "cards", "value": {"heading": "", "cards": cards}}],
            "featured": [{"type": "links", "value": {"links": featured_links}}],
        }
        self.upsert_page(home.get_parent(), HomePage, home.slug, fields)


def _type_of(model):
    return next((name for name, cls in PAGE_MODELS.items() if cls is model), "content")
