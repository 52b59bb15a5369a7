"""Admin registration for consultations, one module per concern."""

from consultations.admin import (
    analysis_hooks,
    moderation_hooks,
    page_protection_hooks,
    privacy_hooks,
)

__all__ = ["analysis_hooks", "moderation_hooks", "page_protection_hooks", "privacy_hooks"]
