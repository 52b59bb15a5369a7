"""The board for the pledge's second theme: supporting families to start well."""

BOARD = {
    "slug": "starting-well",
    "pledge_theme": 1,
    "question": "What would help children in our area to be healthy and well from the start?",
    "themes": [
        (
            "feeding",
            "Infant feeding",
            "Breastfeeding, bottle feeding and starting solid food.",
        ),
        (
            "healthy-lives",
            "Healthy lives and green spaces",
            "Smoking in pregnancy, healthy weight, play and open spaces near home.",
        ),
        (
            "send",
            "Special educational needs and disabilities",
            "Support for children with SEND, including children who are neurodiverse.",
        ),
    ],
    "ideas": [
        {
            "title": "Breastfeeding support at weekends",
            "description": (
                "Feeding problems don't stop on Friday afternoon. A weekend drop-in or phone "
                "line with a trained supporter would have helped me keep going."
            ),
            "theme": "feeding",
            "by": "parent_carer",
            "area": "CR0",
            "day": 5,
            "supports": 33,
            "contributor": "parent-se25",
            "response": (
                "taken_forward",
                "A Saturday morning infant feeding drop-in now runs at two family hubs, and "
                "the peer supporter phone line is open at weekends.",
            ),
            "comments": [
                ("parent_carer", "The café at the children's centre was a lifeline for me."),
                (
                    "professional",
                    "Peer supporters are trained and ready: they need a room at weekends.",
                ),
            ],
        },
        {
            "title": "Help with formula costs too",
            "description": (
                "Not everyone can breastfeed. Formula prices have gone up a lot and some "
                "families are watering it down. Please don't forget bottle-feeding families."
            ),
            "theme": "feeding",
            "by": "professional",
            "area": "CR7",
            "day": 18,
            "supports": 21,
            "response": (
                "under_consideration",
                "We are working with food banks and the Healthy Start scheme so families know "
                "what help they can claim. Health visitors give safe bottle-feeding advice at "
                "every contact.",
            ),
        },
        {
            "title": "Stop-smoking support for the whole household",
            "description": (
                "I stopped smoking when I was pregnant but my partner and my mum still smoke at "
                "home. Support should be offered to everyone in the house, not only the mum."
            ),
            "theme": "healthy-lives",
            "by": "parent_carer",
            "area": "SE25",
            "day": 27,
            "supports": 16,
            "response": (
                "taken_forward",
                "The stop smoking in pregnancy service now offers the same support to partners "
                "and other adults living with a pregnant woman.",
            ),
        },
        {
            "title": "Safe play areas for under-fives in every park",
            "description": (
                "Our nearest park has a play area for older children only. Toddlers need "
                "somewhere fenced and clean to play, within walking distance."
            ),
            "theme": "healthy-lives",
            "by": "parent_carer",
            "area": "CR4",
            "day": 36,
            "supports": 35,
            "response": (
                "under_consideration",
                "Parks and public health are mapping which neighbourhoods are more than a "
                "ten-minute walk from a play area for under-fives, starting with the areas "
                "where fewer families have gardens.",
            ),
            "comments": [
                ("parent_carer", "The one near us has broken glass every weekend."),
                ("young_person", "Somewhere for teenagers to sit would be nice too."),
            ],
        },
        {
            "title": "Cooking on a budget sessions at the family hub",
            "description": (
                "Healthy food is expensive. Sessions where families cook cheap, healthy meals "
                "together and take the recipes home would help with children's weight."
            ),
            "theme": "healthy-lives",
            "by": "other",
            "area": "CR0",
            "day": 50,
            "supports": 20,
            "response": (
                "already_happening",
                "Cook and eat sessions run every week at the family hub: see 'Cook and eat: "
                "family cooking club' in the service directory.",
            ),
        },
        {
            "title": "Shorter waits for an autism assessment",
            "description": (
                "We have waited two years for an assessment for our son. Without it, school "
                "says they cannot get him the help he needs."
            ),
            "theme": "send",
            "by": "parent_carer",
            "area": "CR2",
            "day": 61,
            "supports": 42,
            "response": (
                "taken_forward",
                "Schools no longer need a diagnosis to ask for support: our SEND strategy "
                "makes help depend on need. We are also funding extra assessment clinics to "
                "bring waiting times down.",
            ),
            "comments": [
                ("parent_carer", "Two and a half years for us. Please do something."),
                (
                    "professional",
                    "As a SENCo I can say support does not need a diagnosis: please ask.",
                ),
                (
                    "parent_carer",
                    "Buy my supplements to cure autism, link in bio",
                    "rejected",
                    "spam",
                ),
            ],
        },
        {
            "title": "Quiet sessions at stay and play",
            "description": (
                "My daughter is neurodiverse and finds the noise at stay and play too much. A "
                "quieter, smaller session once a week would let us come."
            ),
            "theme": "send",
            "by": "parent_carer",
            "area": "SW16",
            "day": 84,
            "supports": 26,
            "response": (
                "taken_forward",
                "Two children's centres now run a quiet stay and play on Tuesday mornings, "
                "with fewer children and the lights dimmed.",
            ),
        },
        {
            "title": "Ask young people with SEND what they need",
            "description": (
                "I have dyslexia and ADHD. Decisions about us should include young people, "
                "not just our parents and teachers."
            ),
            "theme": "send",
            "by": "young_person",
            "area": "",
            "day": 103,
            "supports": 18,
            "response": (
                "taken_forward",
                "A SEND youth forum now meets every half term and reviews our SEND strategy "
                "each year.",
            ),
        },
        {
            "title": "Free swimming for under-fives",
            "description": (
                "Swimming lessons are too expensive for lots of families, and children who "
                "can't swim miss out on being active."
            ),
            "theme": "healthy-lives",
            "by": "parent_carer",
            "area": "SE20",
            "day": 141,
            "supports": 15,
            "response": (
                "not_taken_forward",
                "We cannot fund free swimming for every child this year. Families on low "
                "incomes can get free sessions through the holiday activities and food "
                "programme.",
            ),
        },
        {
            "title": "Parking outside the school gates",
            "description": "Cars park on the zigzag lines every morning at my children's school.",
            "theme": "healthy-lives",
            "by": "parent_carer",
            "area": "CR8",
            "day": 170,
            "supports": 0,
            "status": "rejected",
            "reason": "off_topic",
            "note": "Passed to the highways team; the author was told where to report it.",
        },
        {
            "title": "Baby massage classes in more places",
            "description": (
                "The baby massage course is only at one centre and it's two buses away for us."
            ),
            "theme": "healthy-lives",
            "by": "parent_carer",
            "area": "CR5",
            "day": 211,
            "supports": 0,
            "status": "pending",
        },
    ],
}
