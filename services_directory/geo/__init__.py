"""UK postcodes and distances for the services directory, with no network calls."""

from .distance import (
    EARTH_RADIUS_MILES,
    METRES_PER_MILE,
    MILES_CHOICES,
    bounding_box,
    distance_miles_expression,
    haversine_miles,
    metres_to_miles,
    miles_to_metres,
    within_box_q,
)
from .geocoder import (
    DEFAULT_GEOCODER,
    CentroidGeocoder,
    Geocoder,
    GeoPoint,
    get_geocoder,
    load_centroids,
)
from .postcodes import InvalidPostcode, Postcode, UnknownPostcode, parse_postcode

__all__ = [
    "DEFAULT_GEOCODER",
    "EARTH_RADIUS_MILES",
    "METRES_PER_MILE",
    "MILES_CHOICES",
    "CentroidGeocoder",
    "GeoPoint",
    "Geocoder",
    "InvalidPostcode",
    "Postcode",
    "UnknownPostcode",
    "bounding_box",
    "distance_miles_expression",
    "get_geocoder",
    "haversine_miles",
    "load_centroids",
    "metres_to_miles",
    "miles_to_metres",
    "parse_postcode",
    "within_box_q",
]
