"""The family vision page, from vision-for-families-and-children.txt.

The source names a real borough; it reads "our borough" here because the council a site serves
is a setting editors change, not text fixed in the content.
"""

AMBITIONS = [
    {
        "heading": "Respect and belonging",
        "text": "To respect themselves and others, and to engage positively with society",
    },
    {
        "heading": "Curiosity and learning",
        "text": "To be enquiring and keen to learn, to help others and to enjoy life",
    },
    {
        "heading": "Safe and healthy",
        "text": "To grow up safely and healthily",
    },
    {
        "heading": "Extra help when it is needed",
        "text": "To get the extra help they need if they are in difficult circumstances",
    },
    {
        "heading": "Achievements recognised",
        "text": "To have their achievements recognised and built upon",
    },
    {
        "heading": "Ready for adult life",
        "text": "To be prepared for active, economically independent, participative adulthood",
    },
]

HOME_INTRODUCTION = (
    "<p>We want all children and young people to have the best possible start in life. "
    "We encourage strong families at the heart of strong communities and we support parents "
    "and carers as the main contributors to their children's safety, success and well-being. "
    "We will assist families to find the information and services they need, and we aim to "
    "help families to help themselves - before small concerns become major crises.</p>"
)

PAGE = {
    "type": "content",
    "slug": "vision-for-families-and-children",
    "title": "Draft vision for families and children",
    "listing_summary": (
        "Our draft statement of joint ambitions for children and families. It sets the "
        "direction for the council and its partners over the next three years."
    ),
    "search_description": (
        "The council's draft three-year vision for children and families: six ambitions and "
        "our commitments to parents and carers."
    ),
    "introduction": (
        "This is a statement of our joint ambitions for children and families in our "
        "communities. It sets the direction for the council and its partners to plan and "
        "provide services over the next three years. It makes a commitment to local people for "
        "what we aim to deliver."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Our ambitions", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>We want all children and young people to have the best possible start "
                "in life:</p>"
            ),
        },
        {
            "type": "cards",
            "value": {
                "heading": "",
                "cards": [
                    {
                        "heading": ambition["heading"],
                        "text": ambition["text"],
                        "external_url": "",
                        "page": None,
                    }
                    for ambition in AMBITIONS
                ],
            },
        },
        {"type": "heading", "value": {"text": "Supporting parents and carers", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>We encourage strong families at the heart of strong communities and we "
                "support parents and carers as the main contributors to their children's "
                "safety, success and well-being. We will assist families to find the "
                "information and services they need, and we aim to help families to help "
                "themselves - before small concerns become major crises.</p>"
                "<p>We expect parents to appreciate the significance of their demanding roles "
                "and to recognise that being a parent means making choices and sacrifices.</p>"
                "<p>We will prioritise children with the greatest needs, and those at risk of "
                "harm, to ensure their well-being and safety. We aim to be good parents to "
                "children and young people in public care.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Education and health", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>We are ambitious for the children and young people who live or study in "
                "our borough. We are proud of the high educational standards that we help "
                "children to achieve and we intend to improve educational achievement even "
                "further.</p>"
                "<p>We want all children to attend schools and settings in which they achieve "
                "high standards through:</p>"
                "<ul>"
                "<li>excellent teaching</li>"
                "<li>a broad, rich and enjoyable curriculum</li>"
                "<li>the promotion of healthy lifestyles</li>"
                "<li>a positive learning environment</li>"
                "<li>a range of additional supportive services</li>"
                "</ul>"
                "<p>We recognise the importance and impact that health can have on the lives of "
                "children and their parents and carers, and we want to ensure that we promote "
                "access to high quality health services in our community.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Listening to families", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Many of our services are run with the direct involvement of parents and "
                "carers, as school governors, committee members, advocates and advisers.</p>"
                "<p>Listening to parents, carers, children and young people helps us to offer "
                "relevant, efficient, timely and effective family support and we will consult "
                "users more on how we shape services.</p>"
                "<p>We shall be open with parents and carers about the decisions we make to "
                "offer services and about any steps we take to prevent harm to their "
                "children.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {"text": "Fairness, diversity and working together", "level": "h2"},
        },
        {
            "type": "paragraph",
            "value": (
                "<p>We recognise the diversity of our population and we are committed to "
                "treating everyone fairly and respectfully.</p>"
                "<p>We aim for our services to be high quality, easy to access, and provided by "
                "staff with high levels of expertise from all the relevant professions working "
                "together. Services for adults will work closely with children's services.</p>"
            ),
        },
    ],
}
