"""Consultations, ideas boards and what residents post on them."""

from .choices import (
    ConsultationStatus,
    ModerationMode,
    ModerationStatus,
    RejectionReason,
    ReportReason,
    RespondentType,
    ResponseStatus,
)
from .contributions import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Comment,
    Idea,
    Support,
)
from .pages import (
    BoardTheme,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationRelatedPage,
    IdeasBoardPage,
    status_between,
)
from .people import Contributor
from .reports import REPORT_DETAILS_MAX_LENGTH, AbuseReport

__all__ = [
    "COMMENT_MAX_LENGTH",
    "DESCRIPTION_MAX_LENGTH",
    "REPORT_DETAILS_MAX_LENGTH",
    "TITLE_MAX_LENGTH",
    "AbuseReport",
    "BoardTheme",
    "Comment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationRelatedPage",
    "ConsultationStatus",
    "Contributor",
    "Idea",
    "IdeasBoardPage",
    "ModerationMode",
    "ModerationStatus",
    "RejectionReason",
    "ReportReason",
    "RespondentType",
    "ResponseStatus",
    "Support",
    "status_between",
]
