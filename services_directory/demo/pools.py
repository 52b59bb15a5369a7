"""What the directory generator draws its fictional services from (names, ages, times, costs)."""

from decimal import Decimal

BOROUGH_DISTRICTS = ["CR0", "CR2", "CR5", "CR7", "CR8", "SE19", "SE25", "SW16"]
PLACE_WORDS = [
    "Ash",
    "Beech",
    "Birch",
    "Bramble",
    "Cedar",
    "Chestnut",
    "Elm",
    "Fern",
    "Hazel",
    "Holly",
    "Juniper",
    "Larch",
    "Laurel",
    "Linden",
    "Maple",
    "Oak",
    "Poplar",
    "Rowan",
    "Willow",
    "Yew",
]
PLACE_KINDS = [
    "Children's Centre",
    "Family Hub",
    "Library",
    "Community Hall",
    "Health Centre",
    "Youth Centre",
    "Primary School",
    "Clinic",
    "Community Rooms",
    "Leisure Centre",
]
STREET_KINDS = ["Road", "Lane", "Grove", "Avenue", "Close", "Way", "Street", "Walk"]
ORGANISATION_KINDS = [
    ("Family Trust", "Registered charity"),
    ("Community Health NHS Trust", "NHS trust"),
    ("Parenting Network", "Registered charity"),
    ("Youth Project", "Registered charity"),
    ("Community Pre-school CIC", "Community interest company"),
    ("Council Family Services", "Local authority"),
]
EXTRA_SENTENCES = [
    "Brothers and sisters are welcome.",
    "Tea, coffee and fruit are provided.",
    "There is space to park buggies inside.",
    "Sessions are relaxed and you can come and go.",
    "Staff can help you fill in forms.",
    "Ask us about help with travel costs.",
    "Quiet sessions are available for children who find noise hard.",
    "We can meet you somewhere else if getting here is difficult.",
]
LANGUAGE_POOL = [
    "pl",
    "ro",
    "ar",
    "ur",
    "bn",
    "so",
    "ta",
    "pt",
    "es",
    "tr",
    "fr",
    "pa",
    "gu",
    "uk",
    "yo",
]
AGE_BANDS = [
    (0, 0),
    (0, 1),
    (0, 2),
    (0, 5),
    (2, 4),
    (3, 8),
    (5, 11),
    (8, 13),
    (11, 19),
    (11, 18),
    (16, 25),
    (0, 25),
    (0, 19),
    None,
]
SESSION_PATTERNS = [
    ("MO,WE,FR", "09:30", "11:30"),
    ("TU,TH", "10:00", "12:00"),
    ("MO,TU,WE,TH,FR", "09:00", "17:00"),
    ("SA", "10:00", "13:00"),
    ("SU", "09:00", "11:00"),
    ("TU", "18:00", "20:00"),
    ("TH", "17:00", "19:30"),
    ("WE", "13:30", "15:00"),
    ("FR", "15:30", "18:00"),
    ("MO,TH", "12:30", "14:30"),
]
COSTS = [
    (Decimal("1.00"), "Per session"),
    (Decimal("2.50"), "Per family"),
    (Decimal("4.80"), "Per child, per lesson"),
    (Decimal("25.00"), "For the whole course"),
    (Decimal("95.00"), "Per term"),
]
