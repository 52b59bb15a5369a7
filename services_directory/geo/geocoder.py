"""Turn a postcode into a point to measure "services near me" from.

The bundled `CentroidGeocoder` needs no network and no API key. A council with a finer source
(its own address gazetteer, a full postcode file) subclasses `Geocoder` and names the class in
the `DIRECTORY_GEOCODER` setting.
"""

import csv
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .postcodes import Postcode, UnknownPostcode, parse_postcode

DEFAULT_GEOCODER = "services_directory.geo.geocoder.CentroidGeocoder"
DATA_DIR = Path(__file__).resolve().parent / "data"
OUTCODES_CSV = DATA_DIR / "uk-postcode-outcodes.csv"
SECTORS_CSV = DATA_DIR / "uk-postcode-sectors.csv"

# "postcode" is for geocoders with a point per full postcode; the bundled one never returns it.
Precision = Literal["postcode", "sector", "district"]


@dataclass(frozen=True)
class GeoPoint:
    """Where a postcode is, how exactly we know it, and the postcode to show beside results."""

    latitude: float
    longitude: float
    precision: Precision
    label: str


class Geocoder(ABC):
    """Locates UK postcodes; subclass it to plug in another source."""

    @abstractmethod
    def locate(self, postcode: str | Postcode) -> GeoPoint:
        """Return where `postcode` is.

        Raise `InvalidPostcode` when it is not postcode-shaped and `UnknownPostcode` when it is
        but the source has no location for it; both carry a message to show the resident.
        """


class Centroids(NamedTuple):
    """Mean positions keyed by district ("CR0") and by sector ("CR0 1")."""

    districts: dict[str, tuple[float, float]]
    sectors: dict[str, tuple[float, float]]


_centroids: Centroids | None = None
_centroids_lock = threading.Lock()


def _read_centroids(path: Path, key_column: str) -> dict[str, tuple[float, float]]:
    with path.open(newline="", encoding="utf-8") as file:
        rows = csv.reader(file)
        header = next(rows)
        key, lat, lng = (header.index(name) for name in (key_column, "latitude", "longitude"))
        return {row[key]: (float(row[lat]), float(row[lng])) for row in rows}


def load_centroids() -> Centroids:
    """Read the bundled centroid files once per process, on first use."""
    global _centroids
    centroids = _centroids
    if centroids is None:
        # Several request threads can arrive before the first load finishes; read the files once.
        with _centroids_lock:
            if _centroids is None:
                _centroids = Centroids(
                    districts=_read_centroids(OUTCODES_CSV, "outcode"),
                    sectors=_read_centroids(SECTORS_CSV, "sector"),
                )
            centroids = _centroids
    return centroids


class CentroidGeocoder(Geocoder):
    """Locates postcodes from the bundled ONS sector and district centroids, offline.

    A full postcode is placed at the middle of its sector (a few hundred postcodes), falling
    back to its district when the sector is missing, for example one created after May 2025.
    """

    def locate(self, postcode: str | Postcode) -> GeoPoint:
        parsed = parse_postcode(postcode)
        centroids = load_centroids()
        if parsed.sector is not None:
            coordinates = centroids.sectors.get(parsed.sector)
            if coordinates is not None:
                return GeoPoint(*coordinates, precision="sector", label=parsed.display)
        coordinates = centroids.districts.get(parsed.outcode)
        if coordinates is None:
            raise UnknownPostcode(postcode=parsed)
        return GeoPoint(*coordinates, precision="district", label=parsed.display)


def get_geocoder() -> Geocoder:
    """Return the geocoder named by the `DIRECTORY_GEOCODER` setting (a dotted path)."""
    return _geocoder_for(getattr(settings, "DIRECTORY_GEOCODER", DEFAULT_GEOCODER))


# Keyed by the dotted path, so changing the setting (override_settings in tests) takes effect.
@lru_cache(maxsize=8)
def _geocoder_for(dotted_path: str) -> Geocoder:
    try:
        geocoder_class = import_string(dotted_path)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"DIRECTORY_GEOCODER {dotted_path!r} cannot be imported: {error}"
        ) from error
    geocoder = geocoder_class()
    if not isinstance(geocoder, Geocoder):
        raise ImproperlyConfigured(
            f"DIRECTORY_GEOCODER {dotted_path!r} must name a subclass of "
            "services_directory.geo.geocoder.Geocoder."
        )
    return geocoder
