"""Where the demo's buildings stand: on real postcode sectors, so distance searches work."""

import csv
import hashlib
from functools import cache

from services_directory.geo.geocoder import SECTORS_CSV


@cache
def sector_centroids():
    with SECTORS_CSV.open(newline="", encoding="utf-8") as file:
        return {
            row["sector"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(file)
        }


def position(slug, sector):
    """The sector's centroid nudged by up to ~150 m, the same on every run, so pins do not stack."""
    latitude, longitude = sector_centroids()[sector]
    digest = hashlib.sha256(slug.encode()).digest()
    return (
        round(latitude + (digest[0] - 128) / 128 * 0.0013, 5),
        round(longitude + (digest[1] - 128) / 128 * 0.002, 5),
    )
