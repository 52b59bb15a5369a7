"""What a closed consultation's page shows residents about what became of their feedback."""

from dataclasses import dataclass

from django.utils.translation import override

from consultations.models import ConsultationPage

from .moderation import ModerationFigures, moderation_counts
from .responses import board_responses
from .scope import ConsultationScope


@dataclass(frozen=True)
class ClosingFigures:
    """What a closed consultation's page shows: moderation figures and "you said, we did"."""

    ideas: ModerationFigures
    comments: ModerationFigures
    supports: int
    boards: list


def closing_figures(consultation: ConsultationPage) -> ClosingFigures:
    """The public closing section's figures, from one scope: eight queries at any size."""
    scope = ConsultationScope(consultation)
    with override(consultation.locale.language_code):
        ideas, comments, supports = moderation_counts(scope)
        return ClosingFigures(ideas, comments, supports, board_responses(scope))
