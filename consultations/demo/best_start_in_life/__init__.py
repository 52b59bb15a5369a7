"""The pledge's consultation, "Giving children the best start in life", closed in August 2023.

The consultation's words come from the pledge document (best-start-in-life-pledges.txt, which
home's demo page of that name shows); the boards, one per pledge theme, are in this package's
modules.

Each idea is a dict:

- title, description, theme (one of its board's theme slugs), by (a RespondentType value), area
  (a postcode district, or ""), day (days after the consultation opened), supports (how many);
- status: "published" (the default), "pending" or "rejected"; a rejected idea has a reason (a
  RejectionReason value) and the moderator's note, which is never shown;
- response: (a ResponseStatus value, the council's public response);
- comments: (by, text) for a published comment, (by, text, "rejected", reason) for one that was
  not published;
- contributor: a key of CONTRIBUTORS, for the few who left a name and email for updates.
"""

from . import maternity, safeguarding, starting_well, whole_family
from .pledge import PLEDGE_CONSULTATION, PLEDGE_SLUG, THEMES

CONSULTATION = {
    "key": "best-start-in-life",
    "slug": "giving-children-the-best-start-in-life",
    "title": PLEDGE_CONSULTATION["title"],
    "summary": PLEDGE_CONSULTATION["summary"],
    # Shown in lists and search results, and in link previews (decision 0011).
    "search_description": (
        "Our ideas boards on the best start in life pledge ran from February to August 2023. "
        "See what people told us and what we did."
    ),
    # Dates in the council's time zone (Europe/London), from the pledge document.
    "opens": (PLEDGE_CONSULTATION["opened"], "09:00"),
    "closes": (PLEDGE_CONSULTATION["closed"], "23:59"),
    # When the council published its responses to the ideas, after the boards closed.
    "responded": ("2023-11-14", "10:00"),
    "why_we_are_asking": (
        "<p>Our pledge is to give children the best start in life and to make sure they are "
        "not held back by where they live or their background. We want to change our services "
        "by listening to people and working in partnership, so we asked families, young "
        "people and the people who work with them what would make the biggest difference.</p>"
    ),
    "who_can_take_part": (
        "<p>Anyone who lives, works or studies in our area: parents and carers, children and "
        "young people, and professionals working with families.</p>"
    ),
    "closing_message": (
        "<p>Thank you to everyone who shared an idea, supported one or left a comment. Between "
        "February and August 2023 parents, carers, young people and professionals told us "
        "what would give children the best start in life.</p>"
        "<p>Below you can see what you said and what we did, theme by theme. Our partners in "
        "the Integrated Care System have used your ideas to shape the pledge's action "
        "plans.</p>"
    ),
    "topics": ["Early years", "Safeguarding"],
    "related_slugs": [PLEDGE_SLUG],
    "boards": [
        {
            **board.BOARD,
            "title": THEMES[board.BOARD["pledge_theme"]],
            # The theme's opening words in the pledge, as the consultation describes them.
            "introduction": PLEDGE_CONSULTATION["boards"][board.BOARD["pledge_theme"]][
                "description"
            ],
        }
        for board in (maternity, starting_well, whole_family, safeguarding)
    ],
}

# People who left their details to hear about their idea: demo names, example.com addresses.
# (name, email, confirmed their address through the link)
CONTRIBUTORS = {
    "parent-cr0": ("Amina Rahman", "amina.rahman@example.com", True),
    "parent-se25": ("Joanne Price", "joanne.price@example.com", True),
    "professional-se25": ("Tom Okafor", "tom.okafor@example.com", False),
    "professional-cr4": ("Priya Shah", "priya.shah@example.com", True),
}
