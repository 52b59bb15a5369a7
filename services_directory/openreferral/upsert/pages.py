"""Service pages: fields, rows and categories, written as one new revision when they differ."""

from django.utils.text import slugify

from services_directory.models import (
    CostOption,
    HolidayClosure,
    Location,
    Organisation,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    ServiceContact,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    TaxonomyTerm,
)

from .comparison import comparable
from .lookups import Lookups

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


class ServiceWrites(Lookups):
    """The service half of Applier, which sets the state it reads (directory, dry_run, saved...)."""

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
            name
            for name, value in fields.items()
            if comparable(getattr(page, name)) != comparable(value)
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
                key: comparable(
                    row[key].pk if key == "location" and row[key] is not None else row[key]
                )
                for key in keys
            }
        return {
            key: comparable(getattr(row, "location_id" if key == "location" else key))
            for key in keys
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
