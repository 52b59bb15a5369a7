"""Which language a search is in, and how each database stems it."""

from django.conf import settings
from django.utils.translation import get_language

# PostgreSQL's built-in text search configurations for the site's content languages; Polish,
# Urdu and Bengali have none and use "simple" (whole words, lower-cased).
POSTGRES_CONFIGS = {"en": "english", "ro": "romanian", "ar": "arabic"}
FALLBACK_CONFIG = "simple"


def reader_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def postgres_config(language):
    return POSTGRES_CONFIGS.get(language or settings.LANGUAGE_CODE, FALLBACK_CONFIG)
