"""Organisations, locations, taxonomies and their terms: the snippets a service points to."""

from django.utils.text import slugify

from services_directory.geo import InvalidPostcode, UnknownPostcode, get_geocoder
from services_directory.models import Location, LocationType, Organisation, Taxonomy, TaxonomyTerm

from .comparison import comparable
from .lookups import Lookups

SNIPPET_NAMES = {
    Organisation: "organisation",
    Location: "location",
    Taxonomy: "taxonomy",
    TaxonomyTerm: "taxonomy term",
}


class SnippetWrites(Lookups):
    """The snippet half of Applier, which sets the state it reads (dry_run, saved...)."""

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
                name
                for name, value in fields.items()
                if comparable(getattr(obj, name)) != comparable(value)
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
