"""The directory's taxonomy, from the core purpose of children's centres and family hubs
(childrens-centres-core-purpose.txt; home's page for that document shows the same purpose)."""


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
