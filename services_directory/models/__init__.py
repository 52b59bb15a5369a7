"""The services directory's data, after Open Referral UK v3 (mapped in docs/openreferral.md)."""

from .aggregates import KeyList
from .delivery import DELIVERY_MODES, DELIVERY_TAXONOMY_ID
from .details import (
    CostOption,
    ServiceArea,
    ServiceAtLocation,
    ServiceContact,
    ServicePhone,
)
from .directory_page import DirectoryPage
from .holidays import HolidayClosure, SchoolHoliday
from .languages import LANGUAGE_CHOICES, LANGUAGE_NAMES, ServiceLanguage, english_language_name
from .locations import Location, LocationType
from .organisations import Organisation
from .recurrence import (
    WEEKDAY_CHOICES,
    WEEKDAY_CODES,
    Frequency,
    coming_date,
    month_number,
    parse_byday,
    parse_byday_rules,
    validate_byday,
    week_number,
    weekday_occurrences,
)
from .reports import ProblemKind, ProblemReport, ProblemStatus
from .review import REVIEW_WARNING_DAYS, ReviewState, review_cutoffs, review_interval_days
from .schedules import Schedule
from .service_page import MAX_AGE, ServicePage
from .service_queryset import ServicePageQuerySet
from .service_status import VISIBLE_STATUSES, ServiceStatus
from .sessions import (
    EVENING_FROM,
    OpeningSession,
    current_sessions_q,
    open_sessions_q,
    runs_on_q,
)
from .taxonomy import Taxonomy, TaxonomyTerm

__all__ = [
    "DELIVERY_MODES",
    "DELIVERY_TAXONOMY_ID",
    "EVENING_FROM",
    "LANGUAGE_CHOICES",
    "LANGUAGE_NAMES",
    "MAX_AGE",
    "REVIEW_WARNING_DAYS",
    "VISIBLE_STATUSES",
    "WEEKDAY_CHOICES",
    "WEEKDAY_CODES",
    "CostOption",
    "DirectoryPage",
    "Frequency",
    "HolidayClosure",
    "KeyList",
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
    "coming_date",
    "current_sessions_q",
    "english_language_name",
    "month_number",
    "open_sessions_q",
    "parse_byday",
    "parse_byday_rules",
    "review_cutoffs",
    "review_interval_days",
    "runs_on_q",
    "validate_byday",
    "week_number",
    "weekday_occurrences",
]
