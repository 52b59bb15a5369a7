"""The board for the pledge's fourth theme: safeguarding our most vulnerable children."""

BOARD = {
    "slug": "safeguarding",
    "pledge_theme": 3,
    "question": "How can we keep children and young people safe, and listen to them?",
    "themes": [
        (
            "listening",
            "Listening to children and young people",
            "How children and young people are heard in decisions about them.",
        ),
        (
            "care-leavers",
            "Children in care and care leavers",
            "Growing up in care and moving on to independence.",
        ),
        (
            "safe-communities",
            "Safe, strong communities",
            "Keeping children safe outside the home, online and in their neighbourhood.",
        ),
    ],
    "ideas": [
        {
            "title": "Same social worker for as long as possible",
            "description": (
                "I had six social workers in two years. Every time I had to start again and "
                "trust someone new. Keeping the same worker would help children feel safe."
            ),
            "theme": "listening",
            "by": "young_person",
            "area": "",
            "day": 6,
            "supports": 37,
            "response": (
                "taken_forward",
                "We have recruited more permanent social workers so fewer children have a "
                "change of worker. When a change cannot be avoided, the old and new worker now "
                "visit together first.",
            ),
            "comments": [
                ("young_person", "This happened to me too. You stop telling them things."),
                ("professional", "Agreed. Caseloads have to come down for this to work."),
            ],
        },
        {
            "title": "Young people on the interview panel for social workers",
            "description": (
                "Children in care should help choose the people who will work with them."
            ),
            "theme": "listening",
            "by": "young_person",
            "area": "",
            "day": 30,
            "supports": 21,
            "response": (
                "already_happening",
                "Members of the Children in Care Council sit on interview panels for social "
                "workers and managers. We are asking more young people to join.",
            ),
        },
        {
            "title": "Help with bills and budgeting before leaving care",
            "description": (
                "When I moved into my flat at 18 I had never paid a bill. Practical lessons "
                "before you leave care, and someone to call afterwards, would help a lot."
            ),
            "theme": "care-leavers",
            "by": "young_person",
            "area": "CR0",
            "day": 44,
            "supports": 26,
            "response": (
                "taken_forward",
                "Every young person now has a 'ready to move on' course at 16, and personal "
                "advisers keep in touch until 25. Care leavers no longer pay council tax in "
                "our area until they are 25.",
            ),
            "comments": [
                ("professional", "The council tax exemption has made a real difference."),
            ],
        },
        {
            "title": "More foster carers in our area so children stay near school",
            "description": (
                "Children taken into care are often placed miles away and have to change "
                "school and lose their friends."
            ),
            "theme": "care-leavers",
            "by": "professional",
            "area": "CR7",
            "day": 69,
            "supports": 18,
            "response": (
                "under_consideration",
                "Our fostering recruitment campaign is aimed at families near the schools "
                "where most children in care study. We will report how many new foster carers "
                "joined in our annual fostering report.",
            ),
        },
        {
            "title": "Train youth club staff to spot exploitation",
            "description": (
                "Young people are drawn into county lines through people they meet locally and "
                "online. Youth workers see them every week and need to know the signs."
            ),
            "theme": "safe-communities",
            "by": "professional",
            "area": "CR4",
            "day": 90,
            "supports": 20,
            "contributor": "professional-cr4",
            "response": (
                "taken_forward",
                "All youth club staff and volunteers now complete exploitation training each "
                "year, run by the safeguarding partnership.",
            ),
        },
        {
            "title": "Safe places to go after school",
            "description": (
                "There is nothing for us to do after school so people hang around the shops. "
                "Youth clubs that are open later and free would keep people safe."
            ),
            "theme": "safe-communities",
            "by": "young_person",
            "area": "SE25",
            "day": 118,
            "supports": 34,
            "response": (
                "taken_forward",
                "Cedar Rise youth club now opens until 9pm on Fridays, and two more evening "
                "sessions started in 2024. All are free.",
            ),
            "comments": [
                ("parent_carer", "As a parent I would feel better knowing where they are."),
                ("young_person", "Friday nights would be best."),
            ],
        },
        {
            "title": "Online safety sessions for parents",
            "description": (
                "My children know more about apps than I do. I need help understanding what "
                "they are using and how to set things up safely."
            ),
            "theme": "safe-communities",
            "by": "parent_carer",
            "area": "CR2",
            "day": 146,
            "supports": 22,
            "response": (
                "taken_forward",
                "Online safety evenings for parents run each term at secondary schools and "
                "family hubs, with a recording on our website.",
            ),
        },
        {
            "title": "Welcome support for young people arriving alone",
            "description": (
                "Young people who arrive in the UK on their own need a mentor who speaks their "
                "language and help to start school or college quickly."
            ),
            "theme": "care-leavers",
            "by": "other",
            "area": "SE19",
            "day": 172,
            "supports": 15,
            "response": (
                "already_happening",
                "Unaccompanied asylum-seeking children are offered a mentor through our "
                "voluntary sector partners, and start education within 20 school days of "
                "arriving. We take part in the national transfer scheme so that children are "
                "cared for fairly and safely.",
            ),
        },
        {
            "title": "Worried about a child on my road",
            "description": (
                "A worry about a named child's safety, with their address. Passed straight to "
                "the children's services front door."
            ),
            "theme": "safe-communities",
            "by": "other",
            "area": "CR0",
            "day": 180,
            "supports": 0,
            "status": "rejected",
            "reason": "safeguarding",
            "note": (
                "Passed to the children's services front door the same day. The person who "
                "posted it was told how to report a worry about a child."
            ),
        },
        {
            "title": "Free bus travel for care leavers",
            "description": (
                "Getting to college or work costs a lot when you are living on your own at 18."
            ),
            "theme": "care-leavers",
            "by": "young_person",
            "area": "",
            "day": 209,
            "supports": 0,
            "status": "pending",
        },
    ],
}
