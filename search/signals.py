"""Keep what search reads from memory in step with what editors change."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from search.understanding import synonyms


def _page_published(sender, instance, **kwargs):
    from search.vocabulary import add_page_words

    page_id, language = instance.pk, instance.locale.language_code
    # After the commit, when Wagtail's index entry for the page holds its new text.
    transaction.on_commit(lambda: add_page_words(page_id, language))


def connect():
    from search.models import SynonymSet

    post_save.connect(synonyms.changed, sender=SynonymSet, dispatch_uid="search-synonyms-saved")
    post_delete.connect(synonyms.changed, sender=SynonymSet, dispatch_uid="search-synonyms-deleted")
    page_published.connect(_page_published, dispatch_uid="search-vocabulary-published")
