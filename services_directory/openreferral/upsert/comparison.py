"""Values as the database gives them back, so that a plan's equal value compares equal."""

import decimal
import uuid


def comparable(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return value.quantize(decimal.Decimal("0.01"))
    if isinstance(value, float):
        return round(value, 9)
    return value
