"""Figures about one consultation's feedback, for the admin dashboard, the public closing
section and the draft findings report.

Everything is counted in the database with a fixed number of queries, however many ideas there
are. A consultation and its boards may exist in several languages: ideas posted on any language's
copy of a board belong to it (boards and themes are matched by ``translation_key``), and boards
and themes are named in the consultation's own language where a translation exists.
"""

from .breakdowns import ConsultationFigures, CrossTab, Tally, consultation_figures
from .closing import ClosingFigures, closing_figures
from .moderation import ModerationFigures, ReasonCount
from .responses import BoardResponses, ThemeResponses, you_said_we_did
from .scope import ConsultationScope

__all__ = [
    "BoardResponses",
    "ClosingFigures",
    "ConsultationFigures",
    "ConsultationScope",
    "CrossTab",
    "ModerationFigures",
    "ReasonCount",
    "Tally",
    "ThemeResponses",
    "closing_figures",
    "consultation_figures",
    "you_said_we_did",
]
