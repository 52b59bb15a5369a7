"""The words each language's published content holds, for spelling suggestions.

Read from Wagtail's search index entries (the text it indexed, whatever the model), grouped by the
language of the page they belong to. A full rebuild takes a few seconds at 10,000 services; pages
published in between add their new words at once (search/signals.py).
"""

import re
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.html import strip_tags
from modelsearch.conf import get_app_config
from wagtail.models import Page
from wagtail.search import index

from search.models import SearchWord
from search.understanding.spelling import vocabulary_changed
from search.understanding.stems import stem
from search.understanding.words import index_parts, words_of

MAX_WORD_LENGTH = 40
_HAS_LETTER = re.compile(r"[^\W\d_]")
CHUNK = 2000


def _entry_model():
    return get_app_config().get_model("IndexEntry")


def _text_columns():
    # PostgreSQL keeps the indexed text in title_text/body_text (title/body are tsvectors);
    # SQLite keeps it in title/body themselves.
    if connection.vendor == "postgresql":
        return "title_text", "body_text"
    return "title", "body"


def words_in(text):
    for word in words_of(strip_tags(text or "")):
        for part in index_parts(word):
            if 3 <= len(part) <= MAX_WORD_LENGTH and _HAS_LETTER.search(part):
                yield part


def _page_languages():
    return dict(Page.objects.values_list("pk", "locale__language_code"))


def rebuild_vocabulary(progress=None):
    """Count every indexed page's words again, per language. Returns {language: words}."""
    languages = _page_languages()
    page_types = [
        ContentType.objects.get_for_model(model).pk
        for model in index.get_indexed_models()
        if issubclass(model, Page)
    ]
    counts = defaultdict(Counter)
    entries = _entry_model().objects.filter(content_type__in=page_types)
    total = entries.count()
    rows = entries.values_list("object_id", *_text_columns()).iterator(chunk_size=CHUNK)
    for done, (object_id, *texts) in enumerate(rows, start=1):
        language = languages.get(int(object_id))
        if language is not None:
            for text in texts:
                counts[language].update(words_in(text))
        if progress and (done % CHUNK == 0 or done == total):
            progress(done, total)
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            (
                SearchWord(
                    language=language, word=word, stem=stem(language, word), frequency=frequency
                )
                for language, counter in counts.items()
                for word, frequency in counter.items()
            ),
            batch_size=1000,
        )
    for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        vocabulary_changed(language)
    return {language: len(counter) for language, counter in counts.items()}


def add_page_words(page_id, language):
    """Add the words of a just-published page that the vocabulary lacks (from its index entry)."""
    page = Page.objects.filter(pk=page_id).only("content_type").first()
    if page is None:
        return
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    rows = (
        _entry_model()
        .objects.filter(content_type=content_type, object_id=str(page_id))
        .values_list(*_text_columns())
    )
    words = Counter(word for texts in rows for text in texts for word in words_in(text))
    if not words:
        return
    known = set(
        SearchWord.objects.filter(language=language, word__in=list(words)).values_list(
            "word", flat=True
        )
    )
    new = [
        SearchWord(language=language, word=word, stem=stem(language, word), frequency=count)
        for word, count in words.items()
        if word not in known
    ]
    if new:
        SearchWord.objects.bulk_create(new, ignore_conflicts=True)
        vocabulary_changed(language)
