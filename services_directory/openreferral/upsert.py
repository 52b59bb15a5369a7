"""Bring the database in line with a plan: create what is new, change what differs, leave the rest.

Comparing first is what makes an import idempotent: a service whose record matches what we hold
gets no new revision, and a dry run is the same comparison without the writes.
"""

import decimal
import uuid

from django.utils.text import slugify

from services_directory.geo import InvalidPostcode, UnknownPostcode, get_geocoder
from services_directory.models import (
    CostOption,
    HolidayClosure,
    Location,
    LocationType,
    Organisation,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    ServiceContact,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
)

CHILD_MODELS = {
    "service_at_locations": ServiceAtLocation,
    "schedules": Schedule,
    "holiday_closures": HolidayClosure,
    "cost_options": CostOption,
    "languages": ServiceLanguage,
    "phones": ServicePhone,
    "contacts": ServiceContact,
    "service_areas": ServiceArea,
}
SNIPPET_NAMES = {
    Organisation: "organisation",
    Location: "location",
    Taxonomy: "taxonomy",
    TaxonomyTerm: "taxonomy term",
}


def _norm(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return value.quantize(decimal.Decimal("0.01"))
    if isinstance(value, float):
        return round(value, 9)
    return value


class Applier:
    """Compares plans with the database for one locale and, unless dry, writes the differences."""

    def __init__(self, directory, locale, dry_run=False):
        self.directory = directory
        self.locale = locale
        self.dry_run = dry_run
        self.warnings = []
        # (term id, parent id) whose parent was not known yet: a later record may bring it.
        self.pending_parents = {}
        # What the current record saved, for one reference index update each (see importer).
        self.saved = []
        # Services whose record gave its last_modified: the feed's date stands for them.
        self.feed_dated = set()
        # Services created or changed, to be added to the search index once, at the end.
        self.to_index = set()
        # Snippets by (model, ORUK id), None when there is none: a feed names the same
        # organisations, places and terms in record after record, and one query each is enough.
        self._snippets = {}
        self._unit_keys = set()

    def begin_unit(self):
        """Start a record: what it reads is noted, so a rollback can forget it (forget_unit)."""
        self._unit_keys = set()

    def forget_unit(self):
        """The record was rolled back: what it made or changed in memory is not in the database."""
        for key in self._unit_keys:
            self._snippets.pop(key, None)
        self._unit_keys = set()

    def _find(self, model, oruk_id):
        if not oruk_id:
            return None
        if model is ServicePage:
            return model.objects.filter(translation_key=oruk_id, locale=self.locale).first()
        key = (model, str(oruk_id))
        self._unit_keys.add(key)
        if key not in self._snippets:
            found = model.objects.filter(translation_key=oruk_id, locale=self.locale).first()
            self._snippets[key] = found
        return self._snippets[key]

    def _find_many(self, model, oruk_ids):
        """{id: snippet} for those of `oruk_ids` that exist, with one query for the uncached."""
        wanted = [str(oruk_id) for oruk_id in oruk_ids]
        missing = [oruk_id for oruk_id in wanted if (model, oruk_id) not in self._snippets]
        if missing:
            found = model.objects.filter(locale=self.locale, translation_key__in=missing)
            by_key = {str(obj.translation_key): obj for obj in found}
            for oruk_id in missing:
                self._snippets[(model, oruk_id)] = by_key.get(oruk_id)
        self._unit_keys.update((model, oruk_id) for oruk_id in wanted)
        return {
            oruk_id: self._snippets[(model, oruk_id)]
            for oruk_id in wanted
            if self._snippets[(model, oruk_id)] is not None
        }

    # --- snippets --------------------------------------------------------------------------------

    def snippet(self, plan):
        """(status, object or None) for one organisation, location, taxonomy or term."""
        model = plan.model
        fields = dict(plan.fields)
        if model is Location:
            self._place(fields)
        obj = self._find(model, plan.oruk_id)
        if model is TaxonomyTerm:
            fields.update(self._term_links(plan, obj))
        elif obj is None and plan.lookup_name:
            obj = self._by_name(plan.lookup_name)
        if obj is None:
            if plan.partial:
                fields.setdefault("name", "Imported categories")
            obj = model(translation_key=plan.oruk_id, locale=self.locale, **fields)
            if model is TaxonomyTerm:
                obj.slug = self._term_slug(obj.name, plan.oruk_id)
            status = "created"
        else:
            changed = [
                name for name, value in fields.items() if _norm(getattr(obj, name)) != _norm(value)
            ]
            for name in changed:
                setattr(obj, name, fields[name])
            status = "updated" if changed else "unchanged"
        if status != "unchanged" and not self.dry_run:
            # Field checks only: Location.clean() wants a UK postcode; feeds may list places abroad.
            obj.clean_fields(exclude=["translation_key", "locale", "parent", "taxonomy"])
            obj.save()
            self.saved.append(obj)
            key = (model, str(plan.oruk_id))
            self._snippets[key] = obj
            self._unit_keys.add(key)
        return status, obj

    def _place(self, fields):
        """A physical location given no position goes at its postcode, as editors' locations do."""
        if (
            fields.get("latitude") is not None
            or fields.get("location_type") != LocationType.PHYSICAL
        ):
            return
        if not fields.get("postal_code"):
            return
        try:
            point = get_geocoder().locate(fields["postal_code"])
        except (InvalidPostcode, UnknownPostcode):
            return
        fields["latitude"], fields["longitude"] = point.latitude, point.longitude

    def _by_name(self, name):
        return Taxonomy.objects.filter(locale=self.locale, name=name).order_by("pk").first()

    def _term_links(self, plan, term):
        taxonomy = self._find(Taxonomy, plan.taxonomy_id) if plan.taxonomy_id else None
        if plan.lookup_name:
            if term is not None and term.taxonomy_id and term.taxonomy.name == plan.lookup_name:
                taxonomy = term.taxonomy
            else:
                taxonomy = taxonomy or self._by_name(plan.lookup_name)
        links = {"taxonomy": taxonomy, "parent": None}
        if plan.parent_id:
            links["parent"] = self._find(TaxonomyTerm, plan.parent_id)
            if links["parent"] is None:
                self.pending_parents[plan.oruk_id] = plan.parent_id
                if term is not None and term.parent_id:
                    # Keep the parent we have rather than flatten the tree while we wait.
                    links["parent"] = term.parent
        return links

    def link_pending_parents(self):
        """Give terms the parents that later records brought; a line for each still missing."""
        missing = []
        for term_id, parent_id in self.pending_parents.items():
            term, parent = self._find(TaxonomyTerm, term_id), self._find(TaxonomyTerm, parent_id)
            if term is None or parent is None:
                missing.append(
                    f"taxonomy term {term_id}: its parent {parent_id} is in no record, "
                    "so it is top-level"
                )
            elif term.parent_id != parent.pk and not self.dry_run:
                term.parent = parent
                term.save(update_fields=["parent"])
        return missing

    def _term_slug(self, name, oruk_id):
        base = (slugify(name) or "category")[:80]
        taken = TaxonomyTerm.objects.filter(locale=self.locale, slug__startswith=base).values_list(
            "slug", flat=True
        )
        return base if base not in set(taken) else f"{base}-{oruk_id[:8]}"

    # --- services --------------------------------------------------------------------------------

    def service(self, plan):
        """(status, what changed) for one service, after its snippets have been applied."""
        page = self._find(ServicePage, plan.oruk_id)
        fields = dict(plan.fields)
        fields["organisation"] = self._organisation(plan)
        delivery = (
            plan.delivery
            if plan.delivery is not None
            else (None if page else plan.default_delivery)
        )
        if delivery:
            fields.update(delivery)
        rows = {
            name: self._rows(name, items) for name, items in plan.rows.items() if items is not None
        }
        categories = self._categories(plan.category_ids) if plan.category_ids is not None else None
        if page is None:
            changes = ["new"]
        else:
            changes = self._differences(page, fields, rows, categories, plan.last_modified)
        status = "unchanged" if not changes else ("created" if page is None else "updated")
        if changes and not self.dry_run:
            page = self._write(page, plan, fields, rows, categories)
        if page is not None and plan.last_modified is not None:
            self.feed_dated.add(page.pk)
        return status, changes

    def _organisation(self, plan):
        if not plan.organisation_id:
            return None
        organisation = self._find(Organisation, plan.organisation_id)
        if organisation is None and not self.dry_run:
            self.warnings.append(
                f"organization {plan.organisation_id} is not known, "
                "so the service has no organisation"
            )
        return organisation

    def _rows(self, name, items):
        rows = []
        for item in items:
            row = dict(item)
            if "location" in row:
                location_id = row.pop("location")
                location = self._find(Location, location_id) if location_id else None
                if location_id and location is None and name == "service_at_locations":
                    if not self.dry_run:
                        self.warnings.append(
                            f"location {location_id} is not known, so it was left out"
                        )
                    continue
                row["location"] = location
            rows.append(row)
        return rows

    def _categories(self, ids):
        terms = self._find_many(TaxonomyTerm, ids)
        missing = [term_id for term_id in ids if term_id not in terms]
        if missing and not self.dry_run:
            self.warnings.append(f"taxonomy terms not known, left out: {', '.join(missing)}")
        return [terms[term_id] for term_id in ids if term_id in terms]

    def _differences(self, page, fields, rows, categories, last_modified):
        changes = [
            name for name, value in fields.items() if _norm(getattr(page, name)) != _norm(value)
        ]
        for name, wanted in rows.items():
            keys = list(wanted[0]) if wanted else []
            current = [self._row_values(row, keys) for row in getattr(page, name).all()]
            if [self._row_values(row, keys) for row in wanted] != current:
                changes.append(name)
        if categories is not None:
            current = {
                str(key) for key in page.categories.values_list("translation_key", flat=True)
            }
            if current != {str(term.translation_key) for term in categories}:
                changes.append("categories")
        if last_modified is not None and page.last_modified != last_modified:
            changes.append("last_modified")
        return changes

    @staticmethod
    def _row_values(row, keys):
        if isinstance(row, dict):
            return {
                key: _norm(row[key].pk if key == "location" and row[key] is not None else row[key])
                for key in keys
            }
        return {
            key: _norm(getattr(row, "location_id" if key == "location" else key)) for key in keys
        }

    def _write(self, page, plan, fields, rows, categories):
        created = page is None
        if created:
            page = ServicePage(
                locale=self.locale, translation_key=plan.oruk_id, slug=self._page_slug(plan)
            )
        for name, value in fields.items():
            setattr(page, name, value)
        if created:
            # Into the tree first, bare: its rows are then written once, when it is published.
            self.directory.add_child(instance=page)
        for name, items in rows.items():
            existing = (
                {} if created else {str(row.oruk_id): row.pk for row in getattr(page, name).all()}
            )
            model = CHILD_MODELS[name]
            setattr(
                page,
                name,
                [
                    model(pk=existing.get(item["oruk_id"]), sort_order=index, **item)
                    for index, item in enumerate(items)
                ],
            )
        if categories is not None:
            page.categories = categories
        # Not checked here as well: publishing saves the page in full, which checks it, and a
        # problem still rejects the record (the same transaction).
        page.save_revision(log_action=True, clean=False).publish()
        self.saved.append(page)
        self.to_index.add(page.pk)
        if plan.last_modified is not None:
            # Publishing stamps "now"; the source's own date is the truth about when it changed.
            ServicePage.objects.filter(pk=page.pk).update(last_modified=plan.last_modified)
        return page

    def _page_slug(self, plan):
        base = (slugify(plan.name) or "service")[:70]
        siblings = set(
            self.directory.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        return base if base not in siblings else f"{base}-{plan.oruk_id[:8]}"
