"""Finding what we already hold by ORUK id, one query per snippet however often a feed names it."""

from services_directory.models import ServicePage


class Lookups:
    """Finds pages and snippets by ORUK id in one locale, remembering the snippets it found."""

    def __init__(self, locale):
        self.locale = locale
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
