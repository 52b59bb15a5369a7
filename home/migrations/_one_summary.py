"""One summary per page (decision 0011): the rule of the migrations that retire the listing
summary, for policies (home.0008), reports (home.0009) and consultations (consultations.0005).

Decision 0011 (docs/decisions/0011-one-summary-per-page.md) takes the base page's listing
summary off a page type's form. For every page of the type, in every language, a listing summary:
- moves to the meta description (Page.search_description) when that is empty. Lists and search
  results fall back to the meta description, so they show the same text as before, and the page
  type indexes it;
- is cleared when the meta description already holds the same text;
- otherwise stays where it is: the form shows it as "Earlier list summary" until an editor
  clears it, and readers see what they saw before.
Translations made in wagtail-localize go with a moved text to its new field, so the next
"Sync translated pages" finds them already done.

Migrations only: the functions take the migration's historical apps and never import a model.
The leading underscore keeps Django's migration loader from reading this module as a migration;
keep it when squashing, as those migrations import it.
"""

import uuid

FROM, TO = "listing_summary", "search_description"
# wagtail_localize.models.TranslationContext._get_path_id (not available to a historical model):
# a context's path_id is made from its path in this namespace.
PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")
TRANSLATION_FIELDS = (
    "data",
    "translation_type",
    "tool_name",
    "last_translated_by_id",
    "has_error",
    "field_error",
)
# The wagtail_localize migration whose models these functions read.
LOCALIZE_DEPENDENCY = ("wagtail_localize", "0016_rename_page_revision_translationlog_revision")


def move_listing_summaries(apps, app_label, model_name):
    """Apply the rule to every page of app_label.model_name, in every language."""
    model = apps.get_model(app_label, model_name)
    moved = []
    for page in model.objects.exclude(listing_summary="").order_by("pk"):
        listing = page.listing_summary.strip()
        description = page.search_description.strip()
        if listing and not description:
            page.search_description = page.listing_summary
            moved.append((page.translation_key, page.locale_id))
        elif listing and listing != description:
            continue  # two different texts, both shown somewhere: the editor chooses
        page.listing_summary = ""
        page.save(update_fields=[FROM, TO])
    for translation_key, locale_id in moved:
        _move_translations(apps, translation_key, locale_id)


def _move_translations(apps, translation_key, locale_id):
    """Give the moved text's translations the same place in the new field's context."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    StringTranslation = apps.get_model("wagtail_localize", "StringTranslation")
    # Only the page translators work from has translations; a translated copy's text is one.
    sources = TranslationSource.objects.filter(object_id=translation_key, locale_id=locale_id)
    if not sources.exists():
        return
    old = TranslationContext.objects.filter(object_id=translation_key, path=FROM).first()
    if old is None:
        return
    new, _created = TranslationContext.objects.get_or_create(
        object_id=translation_key,
        path_id=uuid.uuid5(PATH_NAMESPACE, TO),
        defaults={"path": TO, "field_path": TO},
    )
    for translation in StringTranslation.objects.filter(context=old):
        StringTranslation.objects.get_or_create(
            translation_of_id=translation.translation_of_id,
            locale_id=translation.locale_id,
            context=new,
            defaults={name: getattr(translation, name) for name in TRANSLATION_FIELDS},
        )
