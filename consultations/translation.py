"""Machine translations of published ideas, for readers of another language (issue 10).

The service is the one editors use for pages (home/machine_translation.py, off unless
MACHINE_TRANSLATION names one). Only published ideas are sent, so nothing leaves the site that
is not already public. Each translation is kept in the cache per idea, language and wording, so a
popular idea is sent once, and an idea a moderator edits is translated afresh.
"""

import hashlib
import logging
from types import SimpleNamespace

from django.core.cache import cache
from wagtail_localize.strings import StringValue

from consultations.languages import known
from home.machine_translation import machine_translation_enabled, machine_translator

logger = logging.getLogger(__name__)

CACHE_SECONDS = 30 * 24 * 60 * 60


def translation_available():
    """Whether readers are offered translations at all."""
    return machine_translation_enabled()


def translate_text(text, source_lang, target_lang):
    """`text` in `target_lang`, or None when no translator is configured or it fails."""
    translated = translate_texts([text], source_lang, target_lang)
    return translated[0] if translated else None


def translate_texts(texts, source_lang, target_lang):
    """Each of `texts` in `target_lang`, in one request; None if any cannot be translated."""
    translator = machine_translator()
    if translator is None or not all(texts) or source_lang == target_lang:
        return None
    source = SimpleNamespace(language_code=source_lang)
    target = SimpleNamespace(language_code=target_lang)
    try:
        if not translator.can_translate(source, target):
            return None
        strings = [StringValue.from_plaintext(text) for text in texts]
        answers = translator.translate(source, target, strings)
        translated = [answers.get(string) for string in strings]
        if any(answer is None for answer in translated):
            return None
        return [answer.render_text() for answer in translated]
    except Exception as error:  # a reader gets the original and a message, never an error page
        # Not the text: residents' words stay out of the logs.
        logger.warning("Idea translation failed: %s", type(error).__name__)
        return None


def _cache_key(idea, target_lang):
    wording = hashlib.sha256(f"{idea.title}\x1f{idea.description}".encode()).hexdigest()[:16]
    return f"idea-translation:{idea.pk}:{target_lang}:{wording}"


def idea_translation(idea, target_lang):
    """{"title", "description"} of `idea` in `target_lang`, or None if it cannot be had."""
    if not translation_available() or not known(idea.language) or idea.language == target_lang:
        return None
    key = _cache_key(idea, target_lang)
    try:
        cached = cache.get(key)
    except Exception as error:  # a cache outage costs a translation, not the page
        logger.warning("Idea translation cache unavailable: %s", error)
        cached = None
    if cached is not None:
        return cached
    answers = translate_texts([idea.title, idea.description], idea.language, target_lang)
    if answers is None:
        return None
    translated = {"title": answers[0], "description": answers[1]}
    try:
        cache.set(key, translated, CACHE_SECONDS)
    except Exception as error:
        logger.warning("Idea translation not cached: %s", error)
    return translated
