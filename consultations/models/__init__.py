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
from .consultation import ConsultationPage, IdeasBoardPage
from .contributions import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Comment,
    Idea,
    Support,
)
from .index_page import ConsultationIndexPage
from .inline_rows import BoardTheme, ConsultationRelatedPage
from .people import Contributor
from .reports import REPORT_DETAILS_MAX_LENGTH, AbuseReport
from .status import status_between

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
