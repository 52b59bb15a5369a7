"""Reading single ORUK values into model values, collecting readable problems as it goes.

A `Reader` reads one record: each method takes the record's value and its path
(``service_at_locations[0].location.latitude``) and returns the model value, adding an error (the
record will be rejected) or a warning (the value is dropped, the record still imports).
"""

import datetime
import decimal
import math
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

_TIME_RE = re.compile(
    r"\A([01]?[0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?\Z"
)
_url = URLValidator(schemes=["http", "https", "ftp", "ftps"])
_email = EmailValidator()


class Reader:
    def __init__(self):
        self.errors = []  # (field, reason): the record is rejected
        self.warnings = []  # "field: what was dropped and why"

    def error(self, path, reason):
        self.errors.append((path, reason))

    def warn(self, path, reason):
        self.warnings.append(f"{path}: {reason}")

    def text(self, value, path, max_length=None, required=False):
        if value is None or value == "":
            if required:
                self.error(path, "a value is needed")
            return ""
        if not isinstance(value, str):
            self.error(path, "should be text")
            return ""
        value = value.replace("\x00", "")
        if max_length and len(value) > max_length:
            self.error(path, f"is {len(value)} characters long; at most {max_length} fit")
            return value[:max_length]
        return value

    def url(self, value, path, max_length=500):
        value = self.text(value, path, max_length)
        if value:
            try:
                _url(value)
            except ValidationError:
                self.error(path, "is not a web address starting http:// or https://")
                return ""
        return value

    def email(self, value, path):
        value = self.text(value, path, 254)
        if value:
            try:
                _email(value)
            except ValidationError:
                self.error(path, "is not an email address")
                return ""
        return value

    def date(self, value, path):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                parsed = parse_date(value[:10]) if len(value) >= 10 else None
            except ValueError:
                parsed = None
            if parsed is not None:
                return parsed
        self.error(path, "is not a date in the form YYYY-MM-DD")
        return None

    def date_time(self, value, path):
        if value in (None, ""):
            return None
        try:
            parsed = parse_datetime(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.error(path, "is not an ISO 8601 date and time")
            return None
        return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed

    def time(self, value, path):
        if value in (None, ""):
            return None
        match = _TIME_RE.match(value) if isinstance(value, str) else None
        if not match:
            self.error(path, "is not a time in the form HH:MM or HH:MM:SS")
            return None
        # ORUK times are local to the service; an offset, if any, is ignored as the profile does.
        return datetime.time(int(match[1]), int(match[2]), int(match[3] or 0))

    def number(self, value, path):
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(path, "should be a number")
            return None
        if not math.isfinite(value):
            self.error(path, "should be a finite number")
            return None
        return value

    def whole(self, value, path, low=0, high=32767):
        number = self.number(value, path)
        if number is None:
            return None
        if number != int(number) or not (low <= number <= high):
            self.error(path, f"should be a whole number from {low} to {high}")
            return None
        return int(number)

    def amount(self, value, path):
        number = self.number(value, path)
        if number is None:
            return None
        amount = decimal.Decimal(str(number)).quantize(
            decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP
        )
        if amount < 0 or amount >= 10**6:
            self.error(path, "should be an amount from 0 to 999999.99")
            return None
        return amount

    def choice(self, value, path, choices, default=""):
        if value in (None, ""):
            return default
        if value not in choices:
            self.error(path, f"should be one of {', '.join(sorted(choices))}")
            return default
        return value
