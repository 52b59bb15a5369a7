"""The board for the pledge's third theme: working with the whole family to prevent problems."""

BOARD = {
    "slug": "whole-family-early-help",
    "pledge_theme": 2,
    "question": "How can we help families earlier, before problems become a crisis?",
    "themes": [
        (
            "family-hubs",
            "Family hubs and Start for Life",
            "Midwifery, health visiting, mental health and infant feeding in one place.",
        ),
        (
            "money-and-housing",
            "Money, housing and work",
            "Poverty, housing problems and other pressures on families.",
        ),
        (
            "asking-for-help",
            "Asking for help early",
            "Knowing where to go, and feeling able to ask.",
        ),
    ],
    "ideas": [
        {
            "title": "One place to go for help, with everything under one roof",
            "description": (
                "When our baby was born we saw the health visitor in one building, the "
                "breastfeeding group in another and the benefits adviser in a third. A family "
                "hub with everyone in one place would save so much time."
            ),
            "theme": "family-hubs",
            "by": "parent_carer",
            "area": "CR0",
            "day": 2,
            "supports": 41,
            "response": (
                "taken_forward",
                "This is the family hub model in our pledge. Three children's centres became "
                "family hubs in 2024, with midwifery, health visiting, infant feeding, "
                "perinatal mental health and SEND services in the same building.",
            ),
            "comments": [
                ("professional", "Sharing a building also helps us work together."),
                ("parent_carer", "Please keep them open after school hours too."),
            ],
        },
        {
            "title": "Family hubs open on Saturdays",
            "description": (
                "Working parents can't get to anything that only runs Monday to Friday, nine to "
                "five."
            ),
            "theme": "family-hubs",
            "by": "parent_carer",
            "area": "CR7",
            "day": 12,
            "supports": 28,
            "response": (
                "taken_forward",
                "Each family hub now opens on Saturday mornings, with a stay and play, an "
                "infant feeding drop-in and a duty family worker.",
            ),
        },
        {
            "title": "Benefits and debt advice at the children's centre",
            "description": (
                "Money worries are behind a lot of family stress. Having an adviser at the "
                "centre where you already go would mean more people ask before it gets bad."
            ),
            "theme": "money-and-housing",
            "by": "professional",
            "area": "SE25",
            "day": 26,
            "supports": 23,
            "contributor": "professional-se25",
            "response": (
                "already_happening",
                "Money advice sessions run weekly at the family hubs; see 'Money, benefits and "
                "debt advice' in the service directory. We have added them to the new "
                "parents' information pack.",
            ),
        },
        {
            "title": "Help for families in temporary accommodation",
            "description": (
                "We lived in one room in a hotel for eight months with a baby. There was "
                "nowhere to play and no cooking. Nobody from children's services visited."
            ),
            "theme": "money-and-housing",
            "by": "parent_carer",
            "area": "CR2",
            "day": 47,
            "supports": 30,
            "response": (
                "taken_forward",
                "Housing now tells the family hub team when a family with children under five "
                "moves into temporary accommodation, and a family worker offers a visit within "
                "two weeks.",
            ),
            "comments": [
                ("other", "This happened to my sister too. It should never be that long."),
            ],
        },
        {
            "title": "Don't make families tell their story again and again",
            "description": (
                "Every new worker asks the same questions. With our agreement, services "
                "should share what they know so we only have to explain once."
            ),
            "theme": "asking-for-help",
            "by": "parent_carer",
            "area": "SW16",
            "day": 65,
            "supports": 25,
            "response": (
                "under_consideration",
                "We are testing a shared family plan, held with the family's consent, with two "
                "early help teams. We will decide whether to use it everywhere in 2024.",
            ),
        },
        {
            "title": "Drop-in without an appointment or a referral",
            "description": (
                "Asking for help from social services is scary. A drop-in where you can just "
                "talk to someone, without a referral, would feel safer."
            ),
            "theme": "asking-for-help",
            "by": "parent_carer",
            "area": "CR4",
            "day": 88,
            "supports": 27,
            "response": (
                "taken_forward",
                "Each family hub now has an early help drop-in on Wednesdays. You don't need an "
                "appointment or a referral.",
            ),
            "comments": [
                ("parent_carer", "This is so important. People are scared of being judged."),
            ],
        },
        {
            "title": "Mental health support for teenagers without a long wait",
            "description": (
                "My friends wait months to see someone. Having someone to talk to at school or "
                "at a youth club would help before things get really bad."
            ),
            "theme": "asking-for-help",
            "by": "young_person",
            "area": "",
            "day": 112,
            "supports": 36,
            "response": (
                "taken_forward",
                "Mental health support teams now work in 20 more secondary schools, and the "
                "youth centre has a counsellor two evenings a week.",
            ),
            "comments": [
                ("young_person", "Yes, school counsellors are always fully booked."),
            ],
        },
        {
            "title": "Parenting courses for dads",
            "description": (
                "Parenting courses are aimed at mums. A course at a time dads can come, with "
                "other dads, would help us feel part of it."
            ),
            "theme": "family-hubs",
            "by": "parent_carer",
            "area": "BR3",
            "day": 137,
            "supports": 19,
            "response": (
                "taken_forward",
                "A dads' parenting course now runs on weekday evenings each term.",
            ),
        },
        {
            "title": "Free childcare places for all two-year-olds",
            "description": (
                "Only some two-year-olds get free hours. Every family should get them."
            ),
            "theme": "money-and-housing",
            "by": "other",
            "area": "CR8",
            "day": 160,
            "supports": 12,
            "response": (
                "not_taken_forward",
                "Who gets free childcare for two-year-olds is set by the Government, not the "
                "council. We have written to the Department for Education with your views, and "
                "we help every eligible family claim their place.",
            ),
        },
        {
            "title": "Cheap loans available now",
            "description": "Advertising for a loan company.",
            "theme": "money-and-housing",
            "by": "other",
            "area": "",
            "day": 175,
            "supports": 0,
            "status": "rejected",
            "reason": "spam",
            "note": "Advertising.",
        },
    ],
}
