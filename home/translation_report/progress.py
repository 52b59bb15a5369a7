"""How many of each source's strings are translated in each language, and how many by machine."""

from django.db.models import Count, Exists, OuterRef, Q
from wagtail_localize.models import StringSegment, StringTranslation


def string_progress(default, locales):
    """Per (source, language): strings in all, translated, and drafted by machine.

    One aggregate query per language, the same count wagtail-localize's own editor shows
    (Translation.get_progress), for all sources at once.
    """
    progress = {}
    for locale in locales:
        translations = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source__locale=default)
            .annotate(
                done=Exists(translations),
                by_machine=Exists(
                    translations.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
                ),
            )
            .values("source_id")
            .annotate(
                total=Count("pk"),
                translated=Count("pk", filter=Q(done=True)),
                machine=Count("pk", filter=Q(by_machine=True)),
            )
            .order_by()
        )
        for row in rows:
            progress[row["source_id"], locale.pk] = (
                row["total"],
                row["translated"],
                row["machine"],
            )
    return progress
