"""The best start in life pledge page and its closed consultation, from
best-start-in-life-pledges.txt.

The source repeats its whole text twice; one copy is kept. It names a real integrated care system
and its area: here it reads "our Integrated Care System" and "our area", because the council a
site serves is a setting. The inquiry into East Kent maternity services keeps its name: it is a
national report, not the place this site serves. Two slips are mended ("need use",
"rather than response to crises").
"""

THEMES = [
    "Delivering effective maternity services",
    "Supporting families to start well",
    "Working with the whole family to prevent problems rather than responding to crises",
    "Safeguarding our most vulnerable children",
]

CLOSED_NOTE = (
    "<p>We asked people to share their views between February and August 2023. We have now "
    "closed our ideas boards. Thank you for your contributions!</p>"
)

PAGE = {
    "type": "content",
    "slug": "best-start-in-life-pledges",
    "title": "Giving children the best start in life",
    "listing_summary": (
        "Our pledge to give children the best start in life, with our priorities for "
        "maternity services, families, early help and safeguarding."
    ),
    "search_description": (
        "Our pledge to give children the best start in life: maternity services, starting "
        "well, whole-family early help and safeguarding."
    ),
    "introduction": (
        "Our pledge: We will give children the best start in life and work to make sure they "
        "are not held back by where they live or their background and are free from fear or "
        "discrimination."
    ),
    "body": [
        {"type": "heading", "value": {"text": THEMES[0], "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Some children start life with greater disadvantages - for instance having "
                "less access to open spaces, growing up in poverty. We want to work to change "
                "this.</p>"
                "<p>We are committed to improving outcomes and experience for families using "
                "our maternity and neonatal (newborn) services. We will continue to work "
                "towards the NHS Long Term Plan, including our perinatal action plan and "
                "addressing health inequalities for our diverse communities.</p>"
                "<p>We want to use learning from the independent inquiry into East Kent "
                "maternity services, known as the Kirkup Report, to help us hear the voices of "
                "families who use services and involve them in helping us make positive "
                "changes.</p>"
            ),
        },
        {"type": "heading", "value": {"text": THEMES[1], "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Services need to evolve to meet the needs of the population, be "
                "evidence-based and co-produced with our partners and users that have lived "
                "experiences. We need to change our services by listening to people and "
                "working in partnership.</p>"
                "<p>Integrated support for families must include a wide offer that spans "
                "housing, communities, health, education, social care and the voluntary "
                "sector.</p>"
                "<p>Health inequalities begin early in life. These differences include smoking "
                "in pregnancy, breastfeeding and childhood obesity, which can affect health and "
                "wellbeing in later life. Other factors also come into play; these include the "
                "places where we live and work and how much access we have to open green "
                "spaces. They contribute to families being healthy and well. For example, if "
                "fewer children experience child poverty, adult health outcomes and healthy "
                "life expectancy will improve.</p>"
                "<p>We will also work as a system to improve the support we provide to children "
                "with special educational needs and disabilities (SEND) in our area, including "
                "those who are neurodiverse.</p>"
            ),
        },
        {"type": "heading", "value": {"text": THEMES[2], "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>This means working more closely with families, with early help and a focus "
                "on preventing rather than responding to crises. It is essential to reducing "
                "inequalities.</p>"
                "<p>Taking an approach like this across our Integrated Care System (ICS) will "
                "better enable families to have confidence to take ownership of their health "
                "and care journey. It will make sure of improved outcomes by addressing issues, "
                "such as families who suffer from issues connected to living in poverty which "
                "affect many generations, housing challenges and other factors that inhibit "
                "families from thriving.</p>"
                "<p>We are committed to developing a family hub model, including access to "
                "Start for Life services:</p>"
            ),
        },
        {
            "type": "list",
            "value": {
                "style": "bullet",
                "items": [
                    "midwifery",
                    "health visiting",
                    "mental health",
                    "infant feeding",
                    "safeguarding",
                    "special educational needs and disabilities services",
                ],
            },
        },
        {"type": "heading", "value": {"text": THEMES[3], "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Protecting vulnerable children and young people is one of our most "
                "important responsibilities. As partners, we need to use our collective "
                "information, skills and resources to join up support for children and "
                "families.</p>"
                "<p>We will strengthen the way teams work so children and young people grow up "
                "in safe, strong communities free from situations that could harm them.</p>"
                "<p>We will listen and involve children and young people. We will safeguard and "
                "promote the welfare of children in care and care leavers, supporting them to "
                "live a positive and fulfilled life and transition into independence with "
                "confidence and ambition for the future.</p>"
                "<p>We will work closely with the Government to support the national transfer "
                "system for unaccompanied asylum-seeking children, so they are cared for fairly "
                "and safely, without disproportionate impact on our area.</p>"
            ),
        },
        {"type": "heading", "value": {"text": "Having your say", "level": "h2"}},
        {"type": "inset_text", "value": CLOSED_NOTE},
    ],
}

# The ideas boards are the four themes; the consultations app turns this into a closed
# consultation (a later issue), so each board's description is its theme's opening words.
CONSULTATION = {
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
