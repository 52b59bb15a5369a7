"""What needs translating: per language, every page and snippet and how far its translation is."""

from .states import STATES, TranslationStatus, summary
from .statuses import target_locales, translation_statuses
from .views import TranslationReportView, TranslationsPanel, TranslationStatusFilterSet

__all__ = [
    "STATES",
    "TranslationReportView",
    "TranslationStatus",
    "TranslationStatusFilterSet",
    "TranslationsPanel",
    "summary",
    "target_locales",
    "translation_statuses",
]
