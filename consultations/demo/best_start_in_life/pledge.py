"""The consultation's words from the pledge document, best-start-in-life-pledges.txt.

Home's demo page "best-start-in-life-pledges" shows the same document; the consultation links to
it through the page tree, by slug. The ideas boards are the pledge's four themes, so each
board's description is its theme's opening words.
"""

PLEDGE_SLUG = "best-start-in-life-pledges"

THEMES = [
    "Delivering effective maternity services",
    "Supporting families to start well",
    "Working with the whole family to prevent problems rather than responding to crises",
    "Safeguarding our most vulnerable children",
]


PLEDGE_CONSULTATION = {
    "title": "Giving children the best start in life",
    "summary": (
        "We asked people to share their views between February and August 2023 on how we "
        "give children the best start in life. We have now closed our ideas boards. Thank you "
        "for your contributions!"
    ),
    "opened": "2023-02-01",
    "closed": "2023-08-31",
    "boards": [
        {
            "title": THEMES[0],
            "description": (
                "Some children start life with greater disadvantages - for instance having less "
                "access to open spaces, growing up in poverty. We want to work to change this."
            ),
        },
        {
            "title": THEMES[1],
            "description": (
                "Services need to evolve to meet the needs of the population, be evidence-based "
                "and co-produced with our partners and users that have lived experiences."
            ),
        },
        {
            "title": THEMES[2],
            "description": (
                "Working more closely with families, with early help and a focus on preventing "
                "rather than responding to crises."
            ),
        },
        {
            "title": THEMES[3],
            "description": (
                "As partners, we need to use our collective information, skills and resources "
                "to join up support for children and families."
            ),
        },
    ],
}
