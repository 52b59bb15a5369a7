"""The services directory's data, after Open Referral UK v3 (mapped in docs/openreferral.md)."""

from .details import (
    LANGUAGE_CHOICES,
    LANGUAGE_NAMES,
    CostOption,
    ServiceArea,
    ServiceAtLocation,
    ServiceContact,
    ServiceLanguage,
    ServicePhone,
    english_language_name,
)
from .locations import Location, LocationType
from .organisations import Organisation
from .pages import (
    DELIVERY_MODES,
    DELIVERY_TAXONOMY_ID,
    REVIEW_WARNING_DAYS,
    DirectoryPage,
    ReviewState,
    ServicePage,
    ServicePageQuerySet,
    ServiceStatus,
    review_interval_days,
)
from .reports import ProblemKind, ProblemReport, ProblemStatus
from .schedules import (
    EVENING_FROM,
    WEEKDAY_CHOICES,
    WEEKDAY_CODES,
    HolidayClosure,
    OpeningSession,
    Schedule,
    SchoolHoliday,
    open_sessions_q,
    parse_byday,
)
from .taxonomy import Taxonomy, TaxonomyTerm

__all__ = [
    "DELIVERY_MODES",
    "DELIVERY_TAXONOMY_ID",
    "EVENING_FROM",
    "LANGUAGE_CHOICES",
    "LANGUAGE_NAMES",
    "REVIEW_WARNING_DAYS",
    "WEEKDAY_CHOICES",
    "WEEKDAY_CODES",
    "CostOption",
    "DirectoryPage",
    "HolidayClosure",
    "Location",
    "LocationType",
    "OpeningSession",
    "Organisation",
    "ProblemKind",
    "ProblemReport",
    "ProblemStatus",
    "ReviewState",
    "Schedule",
    "SchoolHoliday",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceContact",
    "ServiceLanguage",
    "ServicePage",
    "ServicePageQuerySet",
    "ServicePhone",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
    "english_language_name",
    "open_sessions_q",
    "parse_byday",
    "review_interval_days",
]
