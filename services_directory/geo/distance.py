"""Great-circle distances in miles, in Python and in the database (SQLite and PostgreSQL).

Searches first narrow rows with `within_box_q` (plain comparisons an index can serve), then
annotate, filter and order by `distance_miles_expression`, which uses the same haversine formula
as `haversine_miles` so the page and the API agree to the last decimal.
"""

import math

from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt

# IUGG mean Earth radius, 6,371.0088 km.
EARTH_RADIUS_MILES = 3958.7613
METRES_PER_MILE = 1609.344
# The radii residents can pick in the directory search.
MILES_CHOICES = (1, 3, 5, 10)


def _lat_lng(point) -> tuple[float, float]:
    """Accept a GeoPoint (or anything with latitude and longitude) or a (lat, lng) pair."""
    if hasattr(point, "latitude") and hasattr(point, "longitude"):
        latitude, longitude = point.latitude, point.longitude
    else:
        latitude, longitude = point
    latitude, longitude = _to_float(latitude), _to_float(longitude)
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        # NaN fails every comparison, so it is caught here too.
        raise ValueError(f"Not a position on Earth: {latitude!r}, {longitude!r}")
    return latitude, longitude


def _to_float(value) -> float:
    # float() raises TypeError for None and OverflowError for a huge int; callers validating
    # user input should need to catch only ValueError.
    try:
        return float(value)
    except (TypeError, OverflowError) as error:
        raise ValueError(f"Not a number: {value!r}") from error


def _check_distance(value: float, name: str) -> float:
    value = _to_float(value)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite number of at least zero, not {value!r}")
    return value


def haversine_miles(a, b) -> float:
    """Great-circle distance between two points, in miles."""
    lat1, lng1 = _lat_lng(a)
    lat2, lng2 = _lat_lng(b)
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    # Rounding can push h a hair above 1 for points on opposite sides of the Earth.
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(h, 1.0)))


def bounding_box(point, miles: float) -> tuple[float, float, float, float]:
    """Return (min_lat, max_lat, min_lng, max_lng) enclosing every place within `miles`.

    A degree of longitude shrinks towards the poles, so the box is wider in degrees than it is
    tall. The width uses the exact tangent-point formula rather than dividing by cos(latitude),
    which would leave out slivers of the circle near its widest point. A box that would cross a
    pole or the 180° meridian spans every longitude instead (never the case in the UK).
    """
    latitude, longitude = _lat_lng(point)
    miles = _check_distance(miles, "miles")
    angle = miles / EARTH_RADIUS_MILES
    phi, lam = math.radians(latitude), math.radians(longitude)
    min_phi, max_phi = phi - angle, phi + angle
    if min_phi > -math.pi / 2 and max_phi < math.pi / 2:
        delta_lam = math.asin(math.sin(angle) / math.cos(phi))
        min_lam, max_lam = lam - delta_lam, lam + delta_lam
        if min_lam < -math.pi or max_lam > math.pi:
            min_lam, max_lam = -math.pi, math.pi
    else:
        min_phi, max_phi = max(min_phi, -math.pi / 2), min(max_phi, math.pi / 2)
        min_lam, max_lam = -math.pi, math.pi
    return (
        math.degrees(min_phi),
        math.degrees(max_phi),
        math.degrees(min_lam),
        math.degrees(max_lam),
    )


def within_box_q(
    point, miles: float, lat_field: str = "latitude", lng_field: str = "longitude"
) -> Q:
    """Keep rows inside `bounding_box(point, miles)`; rows without a position drop out."""
    min_lat, max_lat, min_lng, max_lng = bounding_box(point, miles)
    return Q(
        **{
            f"{lat_field}__gte": min_lat,
            f"{lat_field}__lte": max_lat,
            f"{lng_field}__gte": min_lng,
            f"{lng_field}__lte": max_lng,
        }
    )


def distance_miles_expression(point, lat_field: str = "latitude", lng_field: str = "longitude"):
    """An expression for the great-circle distance in miles from `point` to each row.

    Use it in `.annotate(distance=...)`, then filter and order by `distance`. Rows without a
    position get NULL. Works on SQLite, whose math functions Django registers, and PostgreSQL.
    """
    latitude, longitude = _lat_lng(point)
    phi1 = math.radians(latitude)
    lam1 = math.radians(longitude)

    def float_value(number):
        return Value(number, output_field=FloatField())

    # Cast, because a DecimalField latitude mixed with float constants has no inferred type.
    phi2 = Radians(Cast(F(lat_field), FloatField()))
    lam2 = Radians(Cast(F(lng_field), FloatField()))
    h = Power(Sin((phi2 - float_value(phi1)) / float_value(2.0)), 2) + float_value(
        math.cos(phi1)
    ) * Cos(phi2) * Power(Sin((lam2 - float_value(lam1)) / float_value(2.0)), 2)
    distance = float_value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(Least(h, float_value(1.0))))
    # PostgreSQL's LEAST skips NULLs, so without this a row with no position would be 12,400
    # miles away there and NULL on SQLite.
    return Case(
        When(
            Q(**{f"{lat_field}__isnull": True}) | Q(**{f"{lng_field}__isnull": True}),
            then=Value(None, output_field=FloatField()),
        ),
        default=distance,
        output_field=FloatField(),
    )


def miles_to_metres(miles: float) -> float:
    """For Open Referral UK's `proximity` parameter, which is in metres."""
    return _check_distance(miles, "miles") * METRES_PER_MILE


def metres_to_miles(metres: float) -> float:
    return _check_distance(metres, "metres") / METRES_PER_MILE
