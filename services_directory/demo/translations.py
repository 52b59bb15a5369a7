"""What the directory adds to home's translation of the demo (home.demo_loader.translations).

home translates every page under the home page, the directory's too; these give it the
directory's snippets and mend what wagtail-localize copies as it is.
"""

from django.db import models

from services_directory.models import ServicePage, TaxonomyTerm


def snippets_to_translate(locale):
    """The categories, top-level ones first: a subcategory's copy points at its parent's copy."""
    return list(
        TaxonomyTerm.objects.filter(locale=locale)
        .select_related("parent")
        .order_by(models.F("parent").asc(nulls_first=True), "sort_order", "pk")
    )


def categories_in_language(copy):
    """Point a service copy's categories at the same categories in its own language.

    wagtail-localize copies many-to-many fields as they are, so a Polish service would be
    filed (and searched) under the English category names. Returns whether any changed.
    """
    if not isinstance(copy, ServicePage):
        return False
    current = list(copy.categories.all())
    keys = [term.translation_key for term in current]
    in_language = {
        term.translation_key: term
        for term in TaxonomyTerm.objects.filter(translation_key__in=keys, locale_id=copy.locale_id)
    }
    wanted = [in_language.get(term.translation_key, term) for term in current]
    if [term.pk for term in wanted] == [term.pk for term in current]:
        return False
    copy.categories = wanted
    return True
