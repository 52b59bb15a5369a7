"""The category tree the search form offers, in the reader's language, from one query."""

from dataclasses import dataclass, field

from django.conf import settings

from services_directory.models import TaxonomyTerm

from . import store
from .filters import key_text
from .forms import TermOption


@dataclass
class Terms:
    tree: list = field(default_factory=list)  # top-level TermOptions, each with .children
    by_slug: dict = field(default_factory=dict)  # any language's slug -> TermOption
    by_key: dict = field(default_factory=dict)  # translation key (hex) -> TermOption

    def names(self, keys):
        """Names of the categories with these keys, in tree order."""
        wanted = {key_text(key) for key in keys if key}
        return [term.name for term in self.ordered() if term.key in wanted]

    def ordered(self):
        for top in self.tree:
            yield top
            yield from top.children


def terms_for(request, language_code):
    """load_terms, kept in the process until an editor changes something.

    Kept in the directory's store rather than the site memo, which copies what it returns: the
    tree is read, never changed, by the pages that use it, and copying it cost more than the
    rest of the facet counts.
    """
    generation = store.generation_of(request)
    key = ("terms", language_code)
    terms = store.recall(generation, key)
    if terms is None:
        terms = store.keep(generation, key, load_terms(language_code))
    return terms


def load_terms(language_code):
    """Every category, named in `language_code` when translated, else in the default language.

    Slugs from every language are accepted, so a link shared from the English site still filters
    the Arabic one.
    """
    rows = TaxonomyTerm.objects.values(
        "translation_key",
        "slug",
        "name",
        "sort_order",
        "parent__translation_key",
        "locale__language_code",
    )
    preferred = {}
    slugs = {}
    rank = {language_code: 0, settings.LANGUAGE_CODE: 1}
    for row in rows:
        key = key_text(row["translation_key"])
        slugs.setdefault(row["slug"].lower(), key)
        order = rank.get(row["locale__language_code"], 2)
        if key not in preferred or order < preferred[key][0]:
            preferred[key] = (order, row)
    terms = Terms()
    for key, (_order, row) in preferred.items():
        parent = row["parent__translation_key"]
        terms.by_key[key] = TermOption(
            key=key,
            slug=row["slug"],
            name=row["name"],
            parent_key=key_text(parent) if parent else None,
            sort_order=row["sort_order"],
        )
    for term in terms.by_key.values():
        parent = terms.by_key.get(term.parent_key) if term.parent_key else None
        if parent is not None:
            parent.children.append(term)
        else:
            terms.tree.append(term)

    def order(term):
        return (term.sort_order, term.name.lower())

    terms.tree.sort(key=order)
    for top in terms.tree:
        top.children.sort(key=order)
    terms.by_slug = {slug: terms.by_key[key] for slug, key in slugs.items()}
    return terms
