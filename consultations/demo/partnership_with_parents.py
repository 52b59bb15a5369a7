"""The open consultation on the partnership with parents and carers policy.

Its dates follow the calendar (see loader.open_period): it opened at the start of last month
and closes at the end of the month six months on, so the demo always has an open consultation.
Ideas are written as in best_start_in_life/__init__.py; `day` counts from the opening day.
"""

# The policy this consultation is about: home's demo page with this slug, found in the page tree.
POLICY_SLUG = "partnership-with-parents-and-carers-policy"

CONSULTATION = {
    "key": "partnership-with-parents",
    "slug": "working-in-partnership-with-parents-and-carers",
    "title": "Working in partnership with parents and carers",
    "summary": (
        "We are reviewing our partnership with parents and carers policy. Tell us how our "
        "children's centres should keep you informed, involve you and listen to you."
    ),
    # Shown in lists and search results, and in link previews (decision 0011).
    "search_description": (
        "Have your say on how our children's centres work with parents and carers: share an "
        "idea or support someone else's."
    ),
    "why_we_are_asking": (
        "<p>Our partnership with parents and carers policy says that parents and carers should "
        "be involved in the design of services and able to contribute their views. It is due "
        "for review, and we want the next version to be shaped by the families who use our "
        "children's centres.</p>"
        "<p>We will use your ideas to rewrite the policy's aims and practices, and we will "
        "publish what we changed when the consultation closes.</p>"
    ),
    "who_can_take_part": (
        "<p>Parents, carers, grandparents and young people who use our children's centres or "
        "family hubs, or who would like to, and people who work with families.</p>"
    ),
    "closing_message": (
        "<p>Thank you for your ideas. We will publish what we changed in the policy because "
        "of them.</p>"
    ),
    "topics": ["Working with parents", "Children's centres"],
    "related_slugs": [POLICY_SLUG],
    # Events the consultation's page lists, dated from its closing day (UK times).
    "events": [
        {
            "title": "Tell us in person: drop-in at Oakfield Family Hub",
            "weeks_before_close": 3,
            "starts": "10:00",
            "ends": "12:00",
            "place": "Oakfield Family Hub",
            "description": (
                "Come and talk to the Centre Manager about the policy, with a crèche for "
                "children while you do."
            ),
        }
    ],
    "boards": [
        {
            "slug": "keeping-you-informed",
            "title": "Keeping you informed and involved",
            "question": "How should our children's centres keep you informed and involved?",
            "introduction": (
                "The policy promises to keep parents and carers informed through newsletters, "
                "notice boards, the website and in conversation, in a variety of formats and "
                "languages. What works for you?"
            ),
            "moderation": "pre",
            "themes": [
                ("news", "News and information", "Newsletters, notice boards and the website."),
                (
                    "languages",
                    "Other languages and formats",
                    "Information in your language, easy read and large print.",
                ),
            ],
            "ideas": [
                {
                    "title": "A WhatsApp broadcast list for each centre",
                    "description": (
                        "Most parents I know never look at the notice board but read WhatsApp "
                        "every day. A broadcast list for changes and new sessions would reach "
                        "far more families."
                    ),
                    "theme": "news",
                    "by": "parent_carer",
                    "area": "CR0",
                    "day": 2,
                    "supports": 14,
                    "contributor": "parent-cr0-open",
                    "response": (
                        "under_consideration",
                        "Thank you. We are checking how a broadcast list could work without "
                        "sharing parents' phone numbers with each other.",
                    ),
                    "comments": [
                        ("parent_carer", "Yes please, as long as nobody can see my number."),
                        ("professional", "Texts work too, for families without smartphones."),
                    ],
                },
                {
                    "title": "Translate the timetable into the languages families speak",
                    "description": (
                        "The timetable is only in English. Polish, Bengali and Arabic versions "
                        "would help lots of families at our centre."
                    ),
                    "theme": "languages",
                    "by": "professional",
                    "area": "SE25",
                    "day": 4,
                    "supports": 9,
                },
                {
                    "title": "Tell us when a session is cancelled",
                    "description": (
                        "We walked 20 minutes in the rain to a cancelled stay and play. A text "
                        "or a note on the website on the day would save a wasted trip."
                    ),
                    "theme": "news",
                    "by": "parent_carer",
                    "area": "CR7",
                    "day": 8,
                    "supports": 11,
                    "response": (
                        "already_happening",
                        "Cancellations now show on each service's page in the directory. We "
                        "will make the link easier to find.",
                    ),
                },
                {
                    "title": "Easy read versions of the policies",
                    # Waits in the moderation queue with its personal details highlighted, so
                    # a moderator can try redacting them before publishing.
                    "description": (
                        "Some parents find the policies long and hard to read. I volunteer at "
                        "Northbrook Primary School and could show you what works for our "
                        "parents: ring me on 07700 900123."
                    ),
                    "theme": "languages",
                    "by": "other",
                    "area": "CR2",
                    "day": 12,
                    "supports": 0,
                    "status": "pending",
                },
            ],
        },
        {
            "slug": "having-your-say",
            "title": "Getting involved and having your say",
            "question": "How would you like to help shape what happens at your children's centre?",
            "introduction": (
                "The policy invites parents and carers to volunteer, join a parents' and "
                "carers' forum and help design new activities. How can we make that easier?"
            ),
            "moderation": "post",
            "themes": [
                (
                    "forums",
                    "Parents' and carers' forums",
                    "Meetings where families help run the centre.",
                ),
                (
                    "volunteering",
                    "Volunteering and learning",
                    "Helping with activities and learning new skills.",
                ),
                (
                    "concerns",
                    "Concerns and complaints",
                    "Being listened to when something is not right.",
                ),
            ],
            "ideas": [
                {
                    "title": "Hold the parents' forum online as well as at the centre",
                    "description": (
                        "I work shifts and can't come to the forum at 10am. An online option in "
                        "the evening would let more parents take part."
                    ),
                    "theme": "forums",
                    "by": "parent_carer",
                    "area": "CR4",
                    "day": 3,
                    "supports": 12,
                    "comments": [
                        ("parent_carer", "An evening one would be great."),
                    ],
                },
                {
                    "title": "Crèche during volunteer training",
                    "description": (
                        "I would love to volunteer but I have a toddler. A crèche while we do "
                        "the training would make it possible."
                    ),
                    "theme": "volunteering",
                    "by": "parent_carer",
                    "area": "SW16",
                    "day": 6,
                    "supports": 8,
                    "response": (
                        "under_consideration",
                        "We are looking at adding a crèche to the next volunteer training course.",
                    ),
                },
                {
                    "title": "Ask young people too, not just parents",
                    "description": (
                        "Older brothers and sisters go to the centre's holiday clubs. Our views "
                        "count too."
                    ),
                    "theme": "forums",
                    "by": "young_person",
                    "area": "",
                    "day": 10,
                    "supports": 5,
                },
                {
                    "title": "Say how long a complaint will take to answer",
                    "description": (
                        "When I raised a concern I didn't know if anyone had read it. An email "
                        "saying it was received and when to expect an answer would help."
                    ),
                    "theme": "concerns",
                    "by": "parent_carer",
                    "area": "BR3",
                    "day": 16,
                    "supports": 7,
                    "comments": [
                        ("other", "This should be in the complaints policy too."),
                        (
                            "parent_carer",
                            "Call me on 07700 900123 about it",
                            "rejected",
                            "personal_details",
                        ),
                    ],
                },
            ],
        },
    ],
}

CONTRIBUTORS = {
    "parent-cr0-open": ("Grace Adeyemi", "grace.adeyemi@example.com", True),
}
