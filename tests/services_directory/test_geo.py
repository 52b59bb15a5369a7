"""Offline postcode lookup and distances for "services near me" searches."""

import hashlib
import math
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Case, DecimalField, FloatField, Value, When
from django.utils.functional import Promise
from wagtail.models import Locale

from services_directory.geo import (
    MILES_CHOICES,
    CentroidGeocoder,
    Geocoder,
    GeoPoint,
    InvalidPostcode,
    Postcode,
    UnknownPostcode,
    bounding_box,
    distance_miles_expression,
    get_geocoder,
    haversine_miles,
    load_centroids,
    metres_to_miles,
    miles_to_metres,
    parse_postcode,
    within_box_q,
)
from services_directory.geo import geocoder as geocoder_module

# As published with the source files; services_directory/geo/data/ATTRIBUTION.md says where.
CHECKSUMS = {
    "uk-postcode-outcodes.csv": "07141c91db5afd5d568aad4b3d53a62db411c73d20d9f72b02ea5c539d150143",
    "uk-postcode-sectors.csv": "fab12ced274b16e34aaaba70887d0265e48c09d050ad038e8469518620a3ac32",
}


@pytest.mark.parametrize("filename", sorted(CHECKSUMS))
def test_bundled_postcode_data_is_the_published_file(filename):
    data = (geocoder_module.DATA_DIR / filename).read_bytes()
    assert hashlib.sha256(data).hexdigest() == CHECKSUMS[filename]


def test_attribution_for_the_postcode_data_is_shipped_beside_it():
    text = (geocoder_module.DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Open Government Licence v3.0" in text
    assert "Contains OS data © Crown copyright and database right 2025." in text
    assert "Contains Royal Mail data © Royal Mail copyright and database right 2025." in text
    assert "odileeds/Postcodes2LatLon" in text


# Parsing


@pytest.mark.parametrize(
    ("typed", "display", "sector"),
    [
        ("CR0 1AB", "CR0 1AB", "CR0 1"),
        ("cr01ab", "CR0 1AB", "CR0 1"),
        ("  cr0   1ab  ", "CR0 1AB", "CR0 1"),
        ("CR01 AB", "CR0 1AB", "CR0 1"),
        ("CR0\u00a01AB", "CR0 1AB", "CR0 1"),  # no-break space, pasted from a document
        ("CR0\u202f1AB", "CR0 1AB", "CR0 1"),  # narrow no-break space
        # Full-width CR0 1AB, as typed with a Chinese or Japanese input method.
        ("\uff23\uff32\uff10\u3000\uff11\uff21\uff22", "CR0 1AB", "CR0 1"),
        (" CR0 1AB\n", "CR0 1AB", "CR0 1"),
        ("SW1A 1AA", "SW1A 1AA", "SW1A 1"),
        ("sw1a1aa", "SW1A 1AA", "SW1A 1"),
        ("EC1A 1BB", "EC1A 1BB", "EC1A 1"),
        ("W1A 0AX", "W1A 0AX", "W1A 0"),
        ("M1 1AE", "M1 1AE", "M1 1"),
        ("B33 8TH", "B33 8TH", "B33 8"),
        ("SW10 9AB", "SW10 9AB", "SW10 9"),
        ("W1M 5AA", "W1M 5AA", "W1M 5"),  # terminated district still in the data
    ],
)
def test_full_postcodes_are_read_in_any_case_and_spacing(typed, display, sector):
    postcode = parse_postcode(typed)

    assert postcode.display == display
    assert str(postcode) == display
    assert postcode.outcode == display.split()[0]
    assert postcode.inward == display.split()[1]
    assert postcode.sector == sector
    assert postcode.is_full


@pytest.mark.parametrize(
    ("typed", "outcode"),
    [
        ("CR0", "CR0"),
        ("sw1a", "SW1A"),
        (" w8 ", "W8"),
        ("SW10", "SW10"),
        ("\uff22\uff34\uff11", "BT1"),  # full-width
    ],
)
def test_a_district_on_its_own_is_accepted(typed, outcode):
    postcode = parse_postcode(typed)

    assert postcode == Postcode(outcode=outcode)
    assert postcode.display == outcode
    assert postcode.inward is None
    assert postcode.sector is None
    assert not postcode.is_full


def test_an_already_parsed_postcode_is_returned_unchanged():
    postcode = Postcode("CR0", "1AB", "CR0 1")
    assert parse_postcode(postcode) is postcode


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("<script>", "malformed"),
        ("<script>alert(1)</script>", "too_long"),
        ("'; DROP", "malformed"),
        ("'; DROP TABLE wagtailcore_page; --", "too_long"),
        ("\x00", "malformed"),
        ("CR0\x001AB", "malformed"),
        ("CR0\t1AB", "malformed"),
        ("CR0 1AB\u200b", "malformed"),  # zero-width space is not a space
        ("\u202eBA1 0RC", "malformed"),
        ("x" * 5000, "too_long"),
        ("CR0 1AB" * 1000, "too_long"),
        ("CR0 1AB CR0", "too_long"),
        ("🙂", "malformed"),
        ("CR0 1🙂B", "malformed"),
        ("12345", "malformed"),
        ("1e309", "malformed"),
        ("-1", "malformed"),
        ("{{ 7*7 }}", "malformed"),
        ("%00", "malformed"),
        ("CR0 1", "malformed"),  # typed halfway, not the district "CR01"
        ("CR0 1A", "malformed"),
        ("C", "malformed"),
        ("CR0 1CI", "malformed"),  # C and I are never used at the end of a postcode
        ("QA1 1AA", "malformed"),  # no postcode starts with Q
        ("\u0131M1 1AA", "malformed"),  # dotless i must not upper-case into IM1 1AA
        ("GIR 0AA", "malformed"),
        # Z is never the second letter of a district, so this is not even postcode-shaped.
        ("ZZ9 9ZZ", "malformed"),
        ("", "empty"),
        ("   ", "empty"),
        ("\u00a0", "empty"),
        (None, "empty"),
        (12345, "malformed"),
        (b"CR0 1AB", "malformed"),
        (["CR0 1AB"], "malformed"),
    ],
)
def test_values_that_are_not_postcodes_give_a_message_to_show(typed, code):
    with pytest.raises(InvalidPostcode) as raised:
        parse_postcode(typed)

    assert not isinstance(raised.value, UnknownPostcode)
    assert raised.value.code == code
    expected = "Enter a postcode" if code == "empty" else "Enter a real postcode"
    assert str(raised.value) == expected


def test_postcode_messages_are_translated_when_shown():
    # A lazy message follows the language of the page that shows it, not the one parsing ran in.
    with pytest.raises(InvalidPostcode) as raised:
        parse_postcode("<script>")
    assert isinstance(raised.value.message, Promise)
    assert isinstance(UnknownPostcode().message, Promise)


def test_invalid_postcode_is_a_value_error_so_generic_handlers_catch_it():
    with pytest.raises(ValueError):
        parse_postcode("not a postcode")


# Geocoding


@pytest.mark.parametrize("typed", ["GY1 1AA", "JE2 3AB", "IM1 1AA", "GY1", "W99 9AA", "E99"])
def test_well_formed_postcodes_we_have_no_place_for_are_reported_as_not_found(typed):
    with pytest.raises(UnknownPostcode) as raised:
        CentroidGeocoder().locate(typed)

    assert raised.value.code == "unknown"
    assert str(raised.value) == "We could not find that postcode. Check it and try again."
    assert raised.value.postcode == parse_postcode(typed)


def test_locating_a_malformed_postcode_raises_invalid_not_unknown():
    with pytest.raises(InvalidPostcode) as raised:
        CentroidGeocoder().locate("<b>hi</b>")
    assert not isinstance(raised.value, UnknownPostcode)


def test_full_postcode_is_placed_at_its_sector_not_its_district():
    point = CentroidGeocoder().locate("cr0 1ab")

    assert point == GeoPoint(51.37117, -0.09969, precision="sector", label="CR0 1AB")
    assert (point.latitude, point.longitude) != load_centroids().districts["CR0"]


def test_district_alone_is_placed_at_the_district_centre():
    point = CentroidGeocoder().locate("CR0")

    assert point == GeoPoint(51.37327, -0.07873, precision="district", label="CR0")


def test_full_postcode_in_a_sector_missing_from_the_data_falls_back_to_its_district():
    # W8 has sectors 4, 5, 6, 7 and 9 only.
    point = CentroidGeocoder().locate("W8 1AA")

    assert point.precision == "district"
    assert (point.latitude, point.longitude) == (51.50041, -0.1954)
    assert point.label == "W8 1AA"


def test_geocoder_accepts_a_parsed_postcode():
    point = CentroidGeocoder().locate(Postcode("SW1A", "1AA", "SW1A 1"))
    assert point.precision == "sector"
    assert point.label == "SW1A 1AA"


@pytest.mark.parametrize(
    ("district", "latitude", "longitude"),
    [
        ("W8", 51.50041, -0.19540),
        ("SW10", 51.48382, -0.18302),
        ("CR0", 51.37327, -0.07873),
        ("ME4", 51.38140, 0.52810),
        ("RM17", 51.47963, 0.32586),
        ("BT1", 54.59948, -5.92843),
        ("SW1A", 51.50197, -0.13386),
    ],
)
def test_districts_are_where_the_data_readme_says(district, latitude, longitude):
    point = CentroidGeocoder().locate(district.lower())

    assert point.latitude == pytest.approx(latitude, abs=1e-5)
    assert point.longitude == pytest.approx(longitude, abs=1e-5)


def test_every_centroid_is_in_the_uk_and_every_district_parses():
    centroids = load_centroids()

    assert len(centroids.districts) == 3076
    assert len(centroids.sectors) == 12259
    # The README's range is for districts; a few sectors reach further, into Fermanagh
    # (BT93, -8.06) and Lowestoft (NR32, 1.75).
    for latitude, longitude in centroids.districts.values():
        assert 49.89 <= latitude <= 60.31
        assert -7.83 <= longitude <= 1.74
    for latitude, longitude in centroids.sectors.values():
        assert 49.8 <= latitude <= 60.9
        assert -8.2 <= longitude <= 1.8
    for district in centroids.districts:
        assert parse_postcode(district).outcode == district


def test_centroid_files_are_read_once_per_process(monkeypatch):
    reads = []
    real_read = geocoder_module._read_centroids

    def counting_read(path, key_column):
        reads.append(path.name)
        return real_read(path, key_column)

    monkeypatch.setattr(geocoder_module, "_centroids", None)
    monkeypatch.setattr(geocoder_module, "_read_centroids", counting_read)

    first = load_centroids()
    CentroidGeocoder().locate("CR0 1AB")
    CentroidGeocoder().locate("W8")

    assert load_centroids() is first
    assert sorted(reads) == ["uk-postcode-outcodes.csv", "uk-postcode-sectors.csv"]


class FixedGeocoder(Geocoder):
    """Stands in for a council's own gazetteer."""

    def locate(self, postcode):
        return GeoPoint(51.5, -0.1, precision="postcode", label=parse_postcode(postcode).display)


class NotAGeocoder:
    def locate(self, postcode):
        return None


def test_default_geocoder_is_the_bundled_centroid_one_and_is_reused(settings):
    del settings.DIRECTORY_GEOCODER  # the setting is optional

    assert isinstance(get_geocoder(), CentroidGeocoder)
    assert get_geocoder() is get_geocoder()


def test_a_council_can_plug_in_its_own_geocoder(settings):
    settings.DIRECTORY_GEOCODER = f"{__name__}.FixedGeocoder"

    point = get_geocoder().locate("cr0 1ab")

    assert point == GeoPoint(51.5, -0.1, precision="postcode", label="CR0 1AB")


@pytest.mark.parametrize(
    "dotted_path", [f"{__name__}.NotAGeocoder", f"{__name__}.Missing", "no.such.module.Geocoder"]
)
def test_a_geocoder_setting_that_cannot_be_used_says_so(settings, dotted_path):
    settings.DIRECTORY_GEOCODER = dotted_path

    with pytest.raises(ImproperlyConfigured, match="DIRECTORY_GEOCODER"):
        get_geocoder()


# Distances in Python


def test_one_degree_of_longitude_at_the_equator_is_about_69_miles():
    assert haversine_miles((0, 0), (0, 1)) == pytest.approx(69.093, abs=0.001)


def test_equator_to_pole_is_a_quarter_of_the_circumference():
    assert haversine_miles((0, 0), (90, 0)) == pytest.approx(6218.4, abs=0.1)


def test_opposite_sides_of_the_earth_do_not_fail_on_rounding():
    assert haversine_miles((0, 0), (0, 180)) == pytest.approx(12436.8, abs=0.1)
    assert haversine_miles((51.5, -0.1), (-51.5, 179.9)) == pytest.approx(12436.8, abs=0.1)


def test_croydon_to_kensington_is_about_ten_miles():
    geocoder = CentroidGeocoder()
    croydon, kensington = geocoder.locate("CR0"), geocoder.locate("W8")

    # Independent check: at this scale the Earth is flat enough for Pythagoras on a
    # latitude-scaled grid.
    mean_latitude = math.radians((croydon.latitude + kensington.latitude) / 2)
    north = (kensington.latitude - croydon.latitude) * 69.093
    east = (kensington.longitude - croydon.longitude) * 69.093 * math.cos(mean_latitude)
    flat = math.hypot(north, east)

    assert haversine_miles(croydon, kensington) == pytest.approx(flat, abs=0.02)
    assert 10.0 < haversine_miles(croydon, kensington) < 10.25
    assert haversine_miles(kensington, croydon) == haversine_miles(croydon, kensington)
    assert haversine_miles(croydon, croydon) == 0


@pytest.mark.parametrize(
    "point", [(91, 0), (0, 181), (float("nan"), 0), (0, float("inf")), (None, 0), ("x", 0)]
)
def test_impossible_positions_are_refused(point):
    with pytest.raises(ValueError):
        haversine_miles(point, (51.5, -0.1))


def destination(latitude, longitude, bearing_degrees, miles):
    """The point `miles` away on a bearing: the textbook formula, written independently here."""
    phi, lam = math.radians(latitude), math.radians(longitude)
    theta = math.radians(bearing_degrees)
    angle = miles / 3958.7613
    phi2 = math.asin(
        math.sin(phi) * math.cos(angle) + math.cos(phi) * math.sin(angle) * math.cos(theta)
    )
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(phi),
        math.cos(angle) - math.sin(phi) * math.sin(phi2),
    )
    return math.degrees(phi2), math.degrees(lam2)


def inside(box, point):
    min_lat, max_lat, min_lng, max_lng = box
    return min_lat <= point[0] <= max_lat and min_lng <= point[1] <= max_lng


@pytest.mark.parametrize("miles", MILES_CHOICES)
@pytest.mark.parametrize("centre", [(51.37117, -0.09969), (60.15, -1.15), (49.9, -6.3)])
def test_bounding_box_holds_every_place_within_the_radius(centre, miles):
    box = bounding_box(centre, miles)

    assert inside(box, centre)
    for bearing in range(0, 360, 5):
        edge = destination(*centre, bearing, miles * 0.9999)
        assert haversine_miles(centre, edge) == pytest.approx(miles * 0.9999, rel=1e-9)
        assert inside(box, edge), bearing


@pytest.mark.parametrize("miles", MILES_CHOICES)
def test_bounding_box_leaves_out_places_just_beyond_each_side(miles):
    centre = (51.37117, -0.09969)
    min_lat, max_lat, min_lng, max_lng = bounding_box(centre, miles)
    step = 0.001  # about 100 metres or less

    for outside in [
        (max_lat + step, centre[1]),
        (min_lat - step, centre[1]),
        (centre[0], max_lng + step),
        (centre[0], min_lng - step),
    ]:
        assert not inside((min_lat, max_lat, min_lng, max_lng), outside)
        assert haversine_miles(centre, outside) > miles


def test_bounding_box_is_wider_in_degrees_the_further_north():
    # A degree of longitude in Shetland is about half one at the equator.
    min_lat, max_lat, min_lng, max_lng = bounding_box((60.0, -1.0), 10)
    assert (max_lng - min_lng) == pytest.approx(2 * (max_lat - min_lat), rel=0.01)

    min_lat, max_lat, min_lng, max_lng = bounding_box((0.0, 0.0), 10)
    assert (max_lng - min_lng) == pytest.approx(max_lat - min_lat, rel=0.001)


def test_bounding_box_over_a_pole_spans_every_longitude():
    _, max_lat, min_lng, max_lng = bounding_box((89.99, 10.0), 10)
    assert (max_lat, min_lng, max_lng) == (90.0, -180.0, 180.0)


@pytest.mark.parametrize("miles", [-1, float("nan"), float("inf"), "1e309", None, 10**400])
def test_bounding_box_refuses_impossible_radii(miles):
    with pytest.raises(ValueError):
        bounding_box((51.5, -0.1), miles)


def test_miles_and_metres_convert_for_the_open_referral_proximity_parameter():
    assert miles_to_metres(5) == pytest.approx(8046.72)
    assert metres_to_miles(1609.344) == pytest.approx(1.0)
    assert metres_to_miles(miles_to_metres(3)) == pytest.approx(3.0)
    assert metres_to_miles(0) == 0


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), "1e309", "abc", None, 10**400])
def test_miles_and_metres_refuse_impossible_distances(value):
    with pytest.raises(ValueError):
        metres_to_miles(value)
    with pytest.raises(ValueError):
        miles_to_metres(value)


# Distances in the database. There are no directory models yet, so positions are attached to
# locale rows as annotations; the SQL is the same as it will be on a service's own columns.

PLACES = {
    "en": (51.50041, -0.19540),  # W8, Kensington: 9.8 miles from CR0 1
    "pl": (51.48382, -0.18302),  # SW10, West Brompton: 8.6 miles
    "ro": (51.38140, 0.52810),  # ME4, Chatham: 27 miles
    "ar": (51.47963, 0.32586),  # RM17, Grays: 20 miles
    "ur": (51.37327, -0.07873),  # CR0 district centre: 0.9 miles
    "bn": None,  # no position yet
}


def located_locales(locales, output_field=None):
    output_field = output_field or FloatField()
    decimal = isinstance(output_field, DecimalField)

    def position(index):
        whens = []
        for code, place in PLACES.items():
            if place is None:
                continue
            value = Decimal(str(place[index])) if decimal else place[index]
            whens.append(When(pk=locales[code].pk, then=Value(value, output_field=output_field)))
        return Case(*whens, default=None, output_field=output_field)

    return Locale.objects.filter(pk__in=[locale.pk for locale in locales.values()]).alias(
        latitude=position(0), longitude=position(1)
    )


@pytest.mark.django_db
def test_database_distance_matches_python_haversine(locales):
    point = CentroidGeocoder().locate("CR0 1AB")

    rows = located_locales(locales).annotate(distance=distance_miles_expression(point))
    distances = {locale.language_code: locale.distance for locale in rows}

    assert distances["bn"] is None
    for code, place in PLACES.items():
        if place is not None:
            assert distances[code] == pytest.approx(haversine_miles(point, place), abs=0.01)


@pytest.mark.django_db
def test_database_distance_works_on_decimal_columns(locales):
    point = CentroidGeocoder().locate("CR0 1AB")
    decimal = DecimalField(max_digits=8, decimal_places=5)

    rows = located_locales(locales, output_field=decimal).annotate(
        distance=distance_miles_expression(point)
    )
    distances = {locale.language_code: locale.distance for locale in rows}

    assert distances["en"] == pytest.approx(haversine_miles(point, PLACES["en"]), abs=0.01)
    assert distances["bn"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("miles", "expected"), [(1, ["ur"]), (5, ["ur"]), (10, ["ur", "pl", "en"]), (3, ["ur"])]
)
def test_search_within_a_radius_lists_nearest_first(locales, miles, expected):
    point = CentroidGeocoder().locate("cr0 1ab")

    rows = (
        located_locales(locales)
        .filter(within_box_q(point, miles))
        .annotate(distance=distance_miles_expression(point))
        .filter(distance__lte=miles)
        .order_by("distance")
    )

    assert [locale.language_code for locale in rows] == expected


@pytest.mark.django_db
def test_bounding_box_filter_alone_keeps_nearby_places_and_drops_far_ones(locales):
    point = CentroidGeocoder().locate("CR0 1AB")

    rows = located_locales(locales).filter(within_box_q(point, 10))

    # Chatham, Grays and the place with no position are outside the box.
    assert sorted(locale.language_code for locale in rows) == ["en", "pl", "ur"]
