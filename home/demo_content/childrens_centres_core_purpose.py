"""The children's centres guidance page and the directory's service categories, from
childrens-centres-core-purpose.txt.

The source's local-authority name, its footnote marker and its broken acknowledgement link are
dropped; an evidence review it credits to a named MP is called by its title instead. "early
year's settings" is mended to "early years settings".
"""

CORE_PURPOSE = [
    "Improving outcomes for children.",
    "Assessing need across the local community.",
    "Providing access to universal early years services in the local area including high "
    "quality and affordable early years education and childcare.",
    "Providing targeted evidence based early interventions for families in greatest need, in "
    "the context of integrated services.",
    "Acting as a hub for the local community, building social capital and cohesion.",
    "Sharing expertise with other early years settings to improve quality.",
    "Respecting and engaging parents.",
    "Working in partnership across professional/agency boundaries.",
]


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


PAGE = {
    "type": "content",
    "slug": "childrens-centres-core-purpose",
    "title": "The core purpose of children's centres",
    "listing_summary": (
        "What children's centres are for: the eight parts of their core purpose, and the "
        "universal and targeted services they offer families."
    ),
    "search_description": (
        "The eight-point core purpose of children's centres, with the universal and targeted "
        "services they provide for young children and families."
    ),
    "introduction": (
        "The Government has worked with sector leaders to consider evidence and good practice, "
        "resulting in a co-produced statement of intent about how the core purpose of "
        "children's centres can be achieved."
    ),
    "body": [
        _heading("The core purpose"),
        _paragraph("<p>The core purpose can be achieved by:</p>"),
        {"type": "list", "value": {"style": "number", "items": CORE_PURPOSE}},
        _heading(
            "1. Improving outcomes for young children and their families and reducing inequalities"
        ),
        _paragraph(
            "<p>This is the overall aim of children's centres. The purpose around which "
            "children's centres should frame their activities is to identify, reach and help the "
            "families in greatest need to support:</p>"
            "<ul>"
            "<li><strong>Child development and school readiness</strong> - supporting personal, "
            "social and emotional development, physical development and communication and "
            "language from pre-birth to age 5, so <em>children</em> develop as confident and "
            "curious learners and are able to take full advantage of the learning opportunities "
            "presented to them in school.</li>"
            "<li><strong>Parenting aspirations and parenting skills</strong> - building on "
            "strengths and supporting aspirations, so that <em>parents and carers</em> are able "
            "to give their child the best start in life.</li>"
            "<li><strong>Child and family health and life chances</strong> - promoting good "
            "physical and mental health for both children and their family; safeguarding; "
            "supporting parents to improve the skills that enable them to access education, "
            "training and employment; and addressing risk factors so that <em>children and "
            "their families</em> are safe, free from poverty and able to improve both their "
            "immediate wellbeing and their future life chances.</li>"
            "</ul>"
        ),
        _heading(
            "2. Assessing strengths and need across the area to inform local commissioning of "
            "services"
        ),
        _paragraph(
            "<p>This means children's centres influencing local strategic needs assessments, and "
            "commissioning decisions taken forward by the local authority, in partnership with "
            "the Health and Wellbeing Board.</p>"
        ),
        _heading("3. Providing access to high quality universal services in the area"),
        _paragraph(
            "<p>The statutory definition of a children's centre includes making available early "
            "childhood services.</p>"
            "<p>Universal services (available to all families who wish to make use of them) "
            "make a difference to children and families, when delivered in an integrated "
            "manner.</p>"
        ),
        {
            "type": "accordion",
            "value": {
                "heading": "Universal services",
                "items": [
                    {
                        "heading": "High quality, inclusive, early learning and childcare",
                        "summary": (
                            "Particularly for disadvantaged families, those with particular "
                            "needs or in disadvantaged areas."
                        ),
                        "body": (
                            "<p>High quality, inclusive, early learning and childcare, "
                            "particularly for disadvantaged families or those with particular "
                            "needs (for example disabled children) or in disadvantaged areas.</p>"
                            "<p>This includes supporting families to access the offer of free "
                            "early learning for 2 year olds, support for child-minder networks "
                            "and sessional and crèche facilities appropriate to meet local "
                            "need.</p>"
                            "<p>Where early learning and childcare is delivered by the "
                            "children's centre (or by a third party on behalf of the children's "
                            "centre), it should be supported by someone with either Qualified "
                            "Teacher or Early Years Professional status.</p>"
                        ),
                    },
                    {
                        "heading": "Information and activities for families",
                        "summary": "So that parents can make informed choices.",
                        "body": (
                            "<p>Information and activities for families, so that parents can "
                            "make informed choices. This will include provision of family "
                            "activities to improve outcomes (for example, learning through play "
                            "or healthy eating) and could involve access to wider sources of "
                            "support for example benefit or debt advice.</p>"
                        ),
                    },
                    {
                        "heading": "Adult learning and employment support",
                        "summary": "Steps toward employment, supported by good quality childcare.",
                        "body": (
                            "<p>This may include language, literacy and numeracy support, family "
                            "learning, access to apprenticeships and volunteering opportunities "
                            "as steps toward employment and links to Jobcentre Plus.</p>"
                            "<p>It is supported by good quality, inclusive childcare.</p>"
                        ),
                    },
                    {
                        "heading": "Integrated child and family health services",
                        "summary": (
                            "Health visitors, midwives, GPs and the Family Nurse Partnership."
                        ),
                        "body": (
                            "<p>To include Health Visitors delivering the Healthy Child "
                            "programme, engagement with midwives and GPs and use of the "
                            "Family-Nurse partnership where appropriate.</p>"
                        ),
                    },
                ],
            },
        },
        _heading("4. Using evidence-based approaches to deliver targeted, family-centred support"),
        _paragraph(
            "<p>This means children's centres combining evidence with professional expertise - "
            "in order to decide which early interventions work best for local families, and help "
            "ensure families receive the services they really need and that will make a "
            "difference to their lives.</p>"
            "<p>The following <strong>targeted services</strong> can make a difference for "
            "families with the greatest needs.</p>"
        ),
        {
            "type": "accordion",
            "value": {
                "heading": "Targeted services",
                "items": [
                    {
                        "heading": "Parenting and family support",
                        "summary": "Including outreach work and relationship support.",
                        "body": (
                            "<p>Parenting and family support, including outreach work and "
                            "relationship support (the quality of the relationship between "
                            "parents is linked to positive parenting and better outcomes for "
                            "children).</p>"
                            "<p>Provision of integrated support in response to identified "
                            "strengths and risk factors within individual families.</p>"
                        ),
                    },
                    {
                        "heading": "Targeted evidence-based early intervention programmes",
                        "summary": "Programmes shown to help families make accelerated progress.",
                        "body": (
                            "<p>Targeted evidence-based early intervention programmes (such as "
                            "those recommended by the Government's independent review of early "
                            "intervention, the NAPR and C4EO) where published evaluation "
                            "demonstrates that particular interventions can help families make "
                            "accelerated progress in improving outcomes where they are at "
                            "greatest risk of falling furthest behind.</p>"
                        ),
                    },
                    {
                        "heading": "Links with specialist services",
                        "summary": (
                            "For families with the most complex health or social care needs."
                        ),
                        "body": (
                            "<p>Links with specialist services for families where there are the "
                            "most complex health or social care needs (for example disabled "
                            "children, children with major health difficulties, or children "
                            "likely to be \u201cin need\u201d or where there are safeguarding "
                            "concerns as in the Children Act 1989).</p>"
                        ),
                    },
                ],
            },
        },
        _heading(
            "5. Acting as a hub for the local community, building social capital and cohesion"
        ),
        _paragraph(
            "<p>This will involve children's centres capitalising on their role as a welcoming "
            "environment for families, for example by welcoming older people's groups to use the "
            "facility for community activities or by supporting siblings or older children's "
            "activities where this is appropriate locally.</p>"
            "<p>It is about children's centres using their facilities creatively so the whole "
            "community can benefit and using the skills within the community to the benefit of "
            "the children's centre (for example, members of the community volunteering their "
            "skills). It links to the Health Visitor Building Community Capacity work and the "
            "Health Visitor Early Implementer Sites.</p>"
        ),
        _heading("6. Sharing expertise with other early years settings to improve quality"),
        _paragraph(
            "<p>This is not about taking on the quality improvement role of the Local Authority "
            "but could involve sharing expertise, brokering relationships, sharing (and learning "
            "from) good practice, support for child-minding networks, shared training and joint "
            "planning. National College are developing work in this area.</p>"
        ),
        _heading("7. Respecting and engaging parents"),
        _paragraph(
            "<p>Respecting the views and wishes of all parents, with local families at the heart "
            "of inclusive decision making. This may involve a role for parents in "
            "governance.</p>"
            "<p>It will involve giving local families a greater say in how services are "
            "delivered (with transparency about what money is being spent on and what "
            "difference it is making), actively engaging them in delivery through volunteering "
            "opportunities, as well as working with health visitors to build the capacity of "
            "local parents to help each other and form informal networks of support.</p>"
        ),
        _heading("8. Partnership working"),
        _paragraph(
            "<p>The core purpose puts an onus on a cross-sector approach and effective local "
            "partnerships, particularly between social workers, health visitors and children's "
            "centre outreach workers, so that vulnerable families are supported into appropriate "
            "interventions.</p>"
        ),
        _heading("Reducing child poverty and increasing social mobility", "h3"),
        _paragraph(
            "<p>Centres will also work with a range of other partners to help them deliver this "
            "core purpose, for example:</p>"
        ),
        {
            "type": "list",
            "value": {
                "style": "bullet",
                "items": [
                    "other early years providers",
                    "Jobcentre Plus",
                    "GP consortia",
                    "information and advice organisations",
                    "schools",
                    "voluntary and community sector organisations",
                ],
            },
        },
        {
            "type": "inset_text",
            "value": (
                "<p>This guidance is adapted from the Government's statement of the core purpose "
                "of Sure Start children's centres.</p>"
            ),
        },
    ],
}


def _category(slug, name, description, children):
    return {
        "slug": slug,
        "name": name,
        "description": description,
        "children": [
            {"slug": child_slug, "name": child_name, "description": child_description}
            for child_slug, child_name, child_description in children
        ],
    }


# The services directory's taxonomy. Slugs are stable identifiers that links and the Open
# Referral UK API use, so rename a category's name freely but never its slug.
SERVICE_CATEGORIES = [
    _category(
        "early-learning-and-childcare",
        "Early learning and childcare",
        "High quality, inclusive early learning and childcare, including free early learning "
        "for 2 year olds.",
        [
            (
                "free-early-learning-for-2-year-olds",
                "Free early learning for 2 year olds",
                "Help to take up the offer of free early learning for 2 year olds.",
            ),
            (
                "childminders",
                "Childminders and childminder networks",
                "Childminders, and the networks that support them.",
            ),
            (
                "sessional-care-and-creches",
                "Sessional care and crèches",
                "Sessional and crèche places to meet local need.",
            ),
            (
                "child-development-and-school-readiness",
                "Child development and school readiness",
                "Supporting children from pre-birth to age 5 to develop as confident and curious "
                "learners.",
            ),
        ],
    ),
    _category(
        "parenting-and-family-support",
        "Parenting and family support",
        "Support for parents and carers, from outreach work to evidence-based programmes.",
        [
            (
                "parenting-programmes",
                "Parenting courses and programmes",
                "Evidence-based programmes that build parenting skills and aspirations.",
            ),
            (
                "family-outreach",
                "Outreach and family support workers",
                "Workers who visit families and offer integrated support.",
            ),
            (
                "relationship-support",
                "Relationship support",
                "Help for parents with the quality of their relationship, which is linked to "
                "better outcomes for children.",
            ),
            (
                "early-help",
                "Early help",
                "Working with the whole family to prevent problems rather than responding to "
                "crises.",
            ),
        ],
    ),
    _category(
        "health-visiting-and-child-health",
        "Health visiting and child health",
        "Integrated child and family health services, from pregnancy through the early years.",
        [
            (
                "health-visiting",
                "Health visiting and the Healthy Child Programme",
                "Health visitors delivering the Healthy Child Programme.",
            ),
            (
                "midwifery-and-maternity",
                "Midwifery and maternity",
                "Midwives, maternity and neonatal (newborn) services.",
            ),
            (
                "family-nurse-partnership",
                "Family Nurse Partnership",
                "Family nurses for young first-time parents, where appropriate.",
            ),
            (
                "infant-feeding",
                "Infant feeding",
                "Support with breastfeeding and feeding your baby.",
            ),
            (
                "perinatal-mental-health",
                "Perinatal and family mental health",
                "Support for mental health during pregnancy, after birth and in the early years.",
            ),
        ],
    ),
    _category(
        "adult-learning-and-employment",
        "Adult learning and employment",
        "Learning and support for parents and carers as steps toward employment.",
        [
            (
                "language-literacy-and-numeracy",
                "Language, literacy and numeracy",
                "Courses in English, reading, writing and maths for adults.",
            ),
            (
                "family-learning",
                "Family learning",
                "Courses where parents and children learn together.",
            ),
            (
                "apprenticeships-and-volunteering",
                "Apprenticeships and volunteering",
                "Apprenticeships and volunteering opportunities as steps toward employment.",
            ),
            (
                "jobs-and-careers-support",
                "Jobs and careers support",
                "Help to find work, including links to Jobcentre Plus.",
            ),
        ],
    ),
    _category(
        "information-and-activities-for-families",
        "Information and activities for families",
        "Information and family activities so that parents can make informed choices.",
        [
            (
                "play-and-learning",
                "Learning through play",
                "Play sessions and activities for young children and their families.",
            ),
            (
                "healthy-eating",
                "Healthy eating",
                "Cooking and healthy eating activities for families.",
            ),
            (
                "benefits-and-debt-advice",
                "Benefits and debt advice",
                "Access to advice on benefits, money and debt.",
            ),
        ],
    ),
    _category(
        "specialist-support",
        "Specialist support",
        "Links with specialist services for families with the most complex health or social "
        "care needs.",
        [
            (
                "send",
                "Special educational needs and disabilities (SEND)",
                "Support for children with special educational needs and disabilities, including "
                "those who are neurodiverse.",
            ),
            (
                "complex-health-needs",
                "Complex health needs",
                "Support for children with major health difficulties.",
            ),
            (
                "children-in-need-and-safeguarding",
                "Children in need and safeguarding",
                "Social care support for children in need and where there are safeguarding "
                "concerns.",
            ),
        ],
    ),
    _category(
        "community-and-volunteering",
        "Community activities and volunteering",
        "Children's centres as a hub for the local community, building social capital and "
        "cohesion.",
        [
            (
                "community-groups",
                "Community groups",
                "Groups, including older people's groups, using centre facilities for community "
                "activities.",
            ),
            (
                "volunteering-at-childrens-centres",
                "Volunteering at children's centres",
                "Opportunities for parents and local people to volunteer their skills.",
            ),
            (
                "parent-and-carer-forums",
                "Parents' and carers' forums",
                "Forums where parents and carers have a say in how services are delivered.",
            ),
        ],
    ),
]
