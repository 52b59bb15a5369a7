"""Keep what search reads from memory, and Elasticsearch's synonyms, in step with editors."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from search.elasticsearch import connect_signals as connect_elasticsearch
from search.models import SynonymSet
from search.understanding import synonyms
from search.vocabulary import add_page_words


def _page_published(sender, instance, **kwargs):
    page_id, language = instance.pk, instance.locale.language_code
    # After the commit, when Wagtail's index entry for the page holds its new text.
    transaction.on_commit(lambda: add_page_words(page_id, language))


def connect():
    """Called once, from the app's ready()."""
    post_save.connect(synonyms.changed, sender=SynonymSet, dispatch_uid="search-synonyms-saved")
    post_delete.connect(synonyms.changed, sender=SynonymSet, dispatch_uid="search-synonyms-deleted")
    page_published.connect(_page_published, dispatch_uid="search-vocabulary-published")
    connect_elasticsearch()
