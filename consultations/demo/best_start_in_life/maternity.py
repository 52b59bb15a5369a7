"""The board for the pledge's first theme: delivering effective maternity services."""

BOARD = {
    "slug": "maternity-services",
    "pledge_theme": 0,
    "question": "How could maternity and newborn services work better for your family?",
    "themes": [
        ("care-in-pregnancy", "Care in pregnancy", "Midwife appointments, scans and classes."),
        (
            "first-weeks",
            "Birth and the first weeks at home",
            "Neonatal care, going home and the health visitor's first visits.",
        ),
        (
            "being-listened-to",
            "Being listened to",
            "How families' voices shape maternity services, as the Kirkup Report asks.",
        ),
    ],
    "ideas": [
        {
            "title": "See the same midwife at every appointment",
            "description": (
                "I saw a different midwife at each of my antenatal appointments and had to tell "
                "my story again every time. One named midwife, or a small team, would make it "
                "much easier to ask the questions that worry you."
            ),
            "theme": "care-in-pregnancy",
            "by": "parent_carer",
            "area": "CR0",
            "day": 3,
            "supports": 38,
            "contributor": "parent-cr0",
            "response": (
                "taken_forward",
                "Continuity of carer is part of our perinatal action plan. From April 2024 "
                "every woman booking with a community midwifery team in our area is given a "
                "named midwife and a small team of no more than six.",
            ),
            "comments": [
                ("parent_carer", "Yes! With my second baby this made all the difference."),
                (
                    "professional",
                    "As a community midwife I would welcome this. Smaller caseloads make it "
                    "possible.",
                ),
            ],
        },
        {
            "title": "Antenatal classes in the evening and at weekends",
            "description": (
                "Classes are always on weekday mornings. Dads and partners who work can't come, "
                "and they miss out on learning about feeding and the first weeks."
            ),
            "theme": "care-in-pregnancy",
            "by": "parent_carer",
            "area": "SE25",
            "day": 9,
            "supports": 27,
            "response": (
                "taken_forward",
                "Our family hubs now run an evening antenatal course each month and a Saturday "
                "course every quarter, open to partners and birth supporters.",
            ),
            "comments": [
                ("parent_carer", "A Saturday class would have meant my partner could come."),
            ],
        },
        {
            "title": "Interpreters who are there on the day, not over the phone",
            "description": (
                "When English is not your first language, a phone interpreter during a scan or "
                "in labour is very hard. Please book interpreters in person for important "
                "appointments."
            ),
            "theme": "care-in-pregnancy",
            "by": "professional",
            "area": "CR7",
            "day": 15,
            "supports": 19,
            "response": (
                "under_consideration",
                "The maternity and neonatal voices partnership is looking at how interpreters "
                "are booked, as part of addressing health inequalities for our diverse "
                "communities. We will report back through the partnership in 2024.",
            ),
        },
        {
            "title": "Let partners stay overnight on the postnatal ward",
            "description": (
                "After my caesarean I could hardly lift my baby and my partner had to go home at "
                "8pm. Other hospitals let partners stay."
            ),
            "theme": "first-weeks",
            "by": "parent_carer",
            "area": "CR2",
            "day": 22,
            "supports": 31,
            "response": (
                "already_happening",
                "Since the summer of 2023 one birth partner can stay overnight on the "
                "postnatal ward. We have added this to the information given at booking.",
            ),
            "comments": [
                ("parent_carer", "I didn't know this had changed. Good to hear."),
            ],
        },
        {
            "title": "Help to get to appointments when your baby is in the neonatal unit",
            "description": (
                "Our son spent five weeks in the neonatal unit. Parking and bus fares every day "
                "cost us more than we could afford, on top of having to stop work."
            ),
            "theme": "first-weeks",
            "by": "parent_carer",
            "area": "CR4",
            "day": 40,
            "supports": 24,
            "response": (
                "taken_forward",
                "Families with a baby in the neonatal unit for more than a few days can now "
                "claim free parking and help with travel costs. Ask the unit's family support "
                "worker.",
            ),
        },
        {
            "title": "A health visitor you can message between visits",
            "description": (
                "In the first weeks you have lots of small questions that don't need an "
                "appointment. A text or chat service with the health visiting team would stop "
                "people going to A&E for reassurance."
            ),
            "theme": "first-weeks",
            "by": "parent_carer",
            "area": "SE19",
            "day": 58,
            "supports": 17,
            "response": (
                "taken_forward",
                "Parents of babies under one can now text the health visiting team on "
                "weekdays. Messages are answered the same day.",
            ),
            "comments": [
                ("professional", "Many areas do this already and it works well."),
                (
                    "other",
                    "Would this be in other languages too?",
                ),
            ],
        },
        {
            "title": "Ask families what went wrong, and tell them what you changed",
            "description": (
                "When something goes wrong in maternity care, families should be asked about it "
                "and then told what has changed because of what they said."
            ),
            "theme": "being-listened-to",
            "by": "other",
            "area": "CR8",
            "day": 71,
            "supports": 22,
            "response": (
                "taken_forward",
                "Learning from the Kirkup Report, every family who raises a concern is now "
                "offered a meeting with a senior midwife, and a summary of what changed is "
                "published each quarter by the maternity and neonatal voices partnership.",
            ),
        },
        {
            "title": "Check on dads' mental health too",
            "description": (
                "Everyone asked how my wife was feeling, which was right, but nobody asked me. "
                "I struggled for months after our daughter was born."
            ),
            "theme": "being-listened-to",
            "by": "parent_carer",
            "area": "BR3",
            "day": 96,
            "supports": 29,
            "response": (
                "taken_forward",
                "Health visitors now ask both parents about their mental health at the new "
                "birth visit and at six to eight weeks, and can refer fathers and partners to "
                "perinatal mental health support.",
            ),
            "comments": [
                ("parent_carer", "Same for me. Thank you for saying this."),
                ("professional", "We are seeing more dads ask for help when they are asked."),
            ],
        },
        {
            "title": "Young parents' antenatal group",
            "description": (
                "I was 18 when I was pregnant and felt judged at the classes. A group for "
                "younger parents would feel safer."
            ),
            "theme": "care-in-pregnancy",
            "by": "young_person",
            "area": "",
            "day": 124,
            "supports": 14,
            "response": (
                "already_happening",
                "The family hub at the children's centre runs a young parents' group on "
                "Thursday afternoons, with a midwife there every other week. We are making "
                "sure midwives tell young parents about it at booking.",
            ),
        },
        {
            "title": "Complaint about a named member of staff",
            "description": "A complaint naming a member of staff and giving their shift times.",
            "theme": "being-listened-to",
            "by": "parent_carer",
            "area": "CR0",
            "day": 133,
            "supports": 0,
            "status": "rejected",
            "reason": "personal_details",
            "note": (
                "Names a member of staff. Passed to the patient advice and liaison service with "
                "the author's agreement; the author was invited to post the idea without names."
            ),
        },
        {
            "title": "Free car parking for appointments",
            "description": "Parking at the hospital costs a lot when you have many appointments.",
            "theme": "care-in-pregnancy",
            "by": "parent_carer",
            "area": "CR5",
            "day": 150,
            "supports": 0,
            "status": "rejected",
            "reason": "duplicate",
            "note": (
                "Makes the same point as 'Help to get to appointments when your baby is in "
                "the neonatal unit'."
            ),
        },
    ],
}
