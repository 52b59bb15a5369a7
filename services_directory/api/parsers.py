"""Reading one query parameter's text into a value, or Invalid with a message saying what to send.

Messages say what is expected and never repeat the value, so markup someone sent is not reflected.
"""

import datetime
import math
import re

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from search.backends import clean_query
from services_directory.geo import InvalidPostcode, UnknownPostcode, get_geocoder, parse_postcode
from services_directory.models import MAX_AGE, WEEKDAY_CODES

MAX_PER_PAGE = 500
MAX_PAGE = 10**9
MAX_PROXIMITY_METRES = 1_000_000
_UUID_RE = re.compile(
    r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
_WHOLE_RE = re.compile(r"\A[0-9]{1,12}\Z")
_DECIMAL_RE = re.compile(r"\A[0-9]{1,9}(\.[0-9]{1,6})?\Z")
_TIME_RE = re.compile(r"\A([01][0-9]|2[0-3]):([0-5][0-9])(:([0-5][0-9]))?\Z")
DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


class Invalid(ValueError):
    """A parameter's value is not usable; the message says what is expected."""


def _whole(value, low, high, message):
    if not _WHOLE_RE.match(value) or not (low <= int(value) <= high):
        raise Invalid(message)
    return int(value)


def parse_page(value):
    return _whole(value, 1, MAX_PAGE, _("Use a whole number of 1 or more."))


def parse_per_page(value):
    return _whole(
        value, 1, MAX_PER_PAGE, _("Use a whole number from 1 to %(max)s.") % {"max": MAX_PER_PAGE}
    )


def parse_search(value):
    # Empty after cleaning (only punctuation, say) means "no keyword", as in the directory's form.
    return clean_query(value) or None


def parse_uuid(value):
    if not _UUID_RE.match(value):
        raise Invalid(
            _("Use an id in the form 8-4-4-4-12 hexadecimal digits, as the API gives them.")
        )
    return value.lower()


def parse_postcode_point(value):
    try:
        postcode = parse_postcode(value)
        return get_geocoder().locate(postcode)
    except UnknownPostcode as error:
        raise Invalid(
            _("We could not find that postcode. Check it, or give its district such as CR0.")
        ) from error
    except InvalidPostcode as error:
        raise Invalid(
            _("Enter a UK postcode or postcode district, such as CR0 1AB or CR0.")
        ) from error


def parse_proximity(value):
    message = _("Use a distance in metres above 0 and up to %(max)s.") % {
        "max": MAX_PROXIMITY_METRES
    }
    if not _DECIMAL_RE.match(value):
        raise Invalid(message)
    metres = float(value)
    if not (math.isfinite(metres) and 0 < metres <= MAX_PROXIMITY_METRES):
        raise Invalid(message)
    return metres


def parse_age(value):
    return _whole(
        value, 0, MAX_AGE, _("Use a whole number of years from 0 to %(max)s.") % {"max": MAX_AGE}
    )


def parse_day(value):
    """A weekday as Monday 0 … Sunday 6, from "MO" (RFC 5545, as ORUK's byday) or "monday"."""
    text = value.strip().lower()
    if text.upper() in WEEKDAY_CODES:
        return WEEKDAY_CODES.index(text.upper())
    if text in DAY_NAMES:
        return DAY_NAMES.index(text)
    raise Invalid(
        _("Use a day as MO, TU, WE, TH, FR, SA or SU, or its English name such as monday.")
    )


def parse_time(value):
    match = _TIME_RE.match(value)
    if not match:
        raise Invalid(_("Use a 24-hour time as HH:MM, such as 09:30."))
    return datetime.time(int(match[1]), int(match[2]), int(match[4] or 0))


def parse_modified_after(value):
    message = _(
        "Use an ISO 8601 date and time such as 2024-05-31T09:00:00Z, or a date such as 2024-05-31."
    )
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise Invalid(message)
            moment = datetime.datetime.combine(day, datetime.time())
    except (ValueError, OverflowError) as error:
        raise Invalid(message) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def parse_boolean(value):
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Invalid(_("Use true or false."))


def parse_format(value):
    if value.strip().lower() != "json":
        raise Invalid(_("Only json is available."))
    return "json"
