"""Fictional organisations and places for the demo directory.

The borough is the fictional Northbrook, placed on Croydon's real postcode districts so that
distance searches from real postcodes work. Every organisation, building and street name is made up;
phone numbers are in Ofcom's range for drama (020 7946 0000 to 0999); web and email addresses use
example.org.
"""

ORGANISATIONS = {
    "council-early-years": {
        "name": "Northbrook Council Early Years and Family Hubs",
        "description": (
            "The council's team running the borough's family hubs and children's centres."
        ),
        "website": "https://www.example.org/northbrook/family-hubs",
        "email": "familyhubs@example.org",
        "legal_status": "Local authority",
    },
    "family-information-service": {
        "name": "Northbrook Family Information Service",
        "description": (
            "Free, impartial information about childcare, activities and support for families."
        ),
        "website": "https://www.example.org/northbrook/fis",
        "email": "fis@example.org",
        "legal_status": "Local authority",
    },
    "community-health": {
        "name": "Northbrook Community Health NHS Trust",
        "description": "Health visiting, school nursing, midwifery and children's therapy teams.",
        "website": "https://www.example.org/northbrook-community-health",
        "email": "nct.families@example.org",
        "legal_status": "NHS trust",
    },
    "bramble-family-trust": {
        "name": "Bramble Family Trust",
        "description": "A local charity running stay and play, toy libraries and family outreach.",
        "website": "https://www.example.org/bramble-family-trust",
        "email": "hello@bramble.example.org",
        "legal_status": "Registered charity",
    },
    "little-acorns": {
        "name": "Little Acorns Community Pre-school CIC",
        "description": "A community pre-school with funded places for 2, 3 and 4 year olds.",
        "website": "https://www.example.org/little-acorns",
        "email": "office@littleacorns.example.org",
        "legal_status": "Community interest company",
    },
    "starling-parenting": {
        "name": "Starling Parenting Network",
        "description": (
            "Parenting courses and peer support groups led by trained parent volunteers."
        ),
        "website": "https://www.example.org/starling",
        "email": "courses@starling.example.org",
        "legal_status": "Registered charity",
    },
    "adult-learning": {
        "name": "Northbrook Adult Learning",
        "description": (
            "The council's adult education service: English, maths, digital skills and family "
            "learning."
        ),
        "website": "https://www.example.org/northbrook/adult-learning",
        "email": "adultlearning@example.org",
        "legal_status": "Local authority",
    },
    "kestrel-youth": {
        "name": "Kestrel Youth Project",
        "description": (
            "Youth clubs, mentoring and holiday activities for young people aged 11 to 19."
        ),
        "website": "https://www.example.org/kestrel-youth",
        "email": "team@kestrel.example.org",
        "legal_status": "Registered charity",
    },
    "harbour-perinatal": {
        "name": "Harbour Perinatal Support",
        "description": (
            "Peer support for parents' mental health in pregnancy and the first two years."
        ),
        "website": "https://www.example.org/harbour",
        "email": "support@harbour.example.org",
        "legal_status": "Registered charity",
    },
    "money-advice": {
        "name": "Northbrook Money and Benefits Advice Centre",
        "description": "Free, confidential advice on benefits, debt and housing costs.",
        "website": "https://www.example.org/northbrook-money-advice",
        "email": "advice@money.example.org",
        "legal_status": "Registered charity",
    },
    "parent-carer-forum": {
        "name": "Northbrook Parent Carer Forum",
        "description": (
            "Parents and carers of children with special educational needs and disabilities."
        ),
        "website": "https://www.example.org/northbrook-pcf",
        "email": "forum@pcf.example.org",
        "legal_status": "Registered charity",
    },
    "open-door-food": {
        "name": "Open Door Community Kitchen",
        "description": (
            "A volunteer-run community kitchen: cooking clubs, a pantry and holiday lunches."
        ),
        "website": "https://www.example.org/open-door-kitchen",
        "email": "kitchen@opendoor.example.org",
        "legal_status": "Charitable incorporated organisation",
    },
}

# sector: the real postcode sector whose centroid places the building (nudged so pins do not stack).
LOCATIONS = {
    "bramble-lane": {
        "name": "Bramble Lane Children's Centre",
        "address_1": "14 Bramble Lane",
        "city": "Thornton Heath",
        "postal_code": "CR7 8ZQ",
        "sector": "CR7 8",
        "accessibility_description": (
            "Step-free entrance, accessible toilet and baby changing, buggy park."
        ),
    },
    "oakfield-hub": {
        "name": "Oakfield Family Hub",
        "address_1": "2 Oakfield Parade",
        "city": "Croydon",
        "postal_code": "CR0 2ZN",
        "sector": "CR0 2",
        "accessibility_description": (
            "Lift to all floors, hearing loop at reception, accessible toilet."
        ),
    },
    "larkspur-library": {
        "name": "Larkspur Library",
        "address_1": "40 Larkspur Road",
        "city": "London",
        "postal_code": "SE25 6ZH",
        "sector": "SE25 6",
        "accessibility_description": (
            "Ramp at the side entrance; the children's library is on the ground floor."
        ),
    },
    "hollyfield-hall": {
        "name": "Hollyfield Community Hall",
        "address_1": "Hollyfield Green",
        "city": "Croydon",
        "postal_code": "CR0 9ZR",
        "sector": "CR0 9",
        "accessibility_description": (
            "Single-storey hall with level access and an accessible toilet."
        ),
    },
    "juniper-health": {
        "name": "Juniper Health Centre",
        "address_1": "88 Juniper Road",
        "city": "Croydon",
        "postal_code": "CR0 6ZW",
        "sector": "CR0 6",
        "accessibility_description": (
            "Automatic doors, lift, accessible toilets and changing places room."
        ),
    },
    "wrenfield": {
        "name": "Wrenfield Children's Centre",
        "address_1": "5 Wrenfield Close",
        "city": "South Croydon",
        "postal_code": "CR2 8ZD",
        "sector": "CR2 8",
        "accessibility_description": "Level access from the car park; two disabled parking bays.",
    },
    "kestrel-way": {
        "name": "Kestrel Way Family Centre",
        "address_1": "1 Kestrel Way",
        "city": "Coulsdon",
        "postal_code": "CR5 2ZB",
        "sector": "CR5 2",
        "accessibility_description": (
            "Ground floor rooms, accessible toilet; no lift to the first floor."
        ),
    },
    "meadowbank-clinic": {
        "name": "Meadowbank Clinic",
        "address_1": "21 Meadowbank Avenue",
        "city": "Purley",
        "postal_code": "CR8 2ZF",
        "sector": "CR8 2",
        "accessibility_description": "Step-free access and a quiet waiting room on request.",
    },
    "cedar-rise": {
        "name": "Cedar Rise Youth Centre",
        "address_1": "Cedar Rise",
        "city": "London",
        "postal_code": "SE19 3ZJ",
        "sector": "SE19 3",
        "accessibility_description": (
            "Ramp to the main hall; accessible toilet on the ground floor."
        ),
    },
    "poplar-grove": {
        "name": "Poplar Grove Adult Learning Centre",
        "address_1": "9 Poplar Grove",
        "city": "London",
        "postal_code": "SW16 3ZL",
        "sector": "SW16 3",
        "accessibility_description": "Lift to classrooms; on-site crèche on the ground floor.",
    },
    "hawthorn-park": {
        "name": "Hawthorn Park Pavilion",
        "address_1": "Hawthorn Park, Shirley Lane",
        "city": "Croydon",
        "postal_code": "CR0 8ZE",
        "sector": "CR0 8",
        "accessibility_description": (
            "Level paths from the park gate; accessible toilet in the pavilion."
        ),
    },
    "willowbrook": {
        "name": "Willowbrook Children's Centre",
        "address_1": "30 Willowbrook Road",
        "city": "Croydon",
        "postal_code": "CR0 4ZU",
        "sector": "CR0 4",
        "accessibility_description": "Step-free throughout, sensory room, accessible toilet.",
    },
    "information-hub": {
        "name": "Northbrook Family Information Hub",
        "address_1": "Ground floor, 1 Market Square",
        "city": "Croydon",
        "postal_code": "CR0 1ZA",
        "sector": "CR0 1",
        "accessibility_description": (
            "Level access from Market Square; BSL video relay at the desk."
        ),
    },
    "foxglove-school": {
        "name": "Foxglove Primary School",
        "address_1": "Foxglove Walk",
        "city": "South Croydon",
        "postal_code": "CR2 9ZT",
        "sector": "CR2 9",
        "accessibility_description": "Ramp at the main gate; accessible toilet by the school hall.",
    },
    "south-norwood-hall": {
        "name": "Chestnut Street Community Rooms",
        "address_1": "3 Chestnut Street",
        "city": "London",
        "postal_code": "SE25 4ZG",
        "sector": "SE25 4",
        "accessibility_description": "Ground floor rooms with level access.",
    },
}
