"""The scrutiny committee report page, from scrutiny-presentation-children-young-people.txt.

The source is a slide deck scraped from a sharing site: its player text, "Download
Presentation", the download policy, "Recommend", slide numbers and the closing "Questions?"
slide are dropped. Its template placeholder ("Presented by" a sample name, and a stray
"September 2013") is dropped too; the date is the one on the title slide. The presenter and the
young mayors are shown by role, and the borough by "our borough" because the council a site
serves is a setting.
"""

FIGURE_GOOD_SCHOOLS = {
    "value": "89%",
    "label": "of the borough's children attend a good or outstanding school",
    "comparison": "against 86.5% nationally",
}
FIGURE_OUTSTANDING_SCHOOLS = {
    "value": "33%",
    "label": "of the borough's children attend an outstanding school",
    "comparison": "",
}
FIGURE_OUTSTANDING_SECONDARY = {
    "value": "Almost 50%",
    "label": "of children at secondary level attend an outstanding school",
    "comparison": "",
}
FIGURE_CASELOADS = {
    "value": "18",
    "label": "caseload target, and in the main caseloads are below it",
    "comparison": "from a base of an average of 38",
}
FIGURE_MONITORING_VISITS = {
    "value": "4",
    "label": "Ofsted monitoring visits since the inadequate judgement in July 2017",
    "comparison": "",
}
FIGURE_CHILDREN_IN_CARE_COUNCIL = {
    "value": "Up to 20",
    "label": "young people meeting regularly in the Children in Care Council",
    "comparison": "",
}
FIGURE_YOUNG_MAYOR_VOTERS = {
    "value": "More than 12,000",
    "label": "11 to 18 year olds turned out to vote for the first Young Mayor",
    "comparison": "",
}
FIGURE_CHOOSE_YOUR_FUTURE = {
    "value": "Over 3,000",
    "label": "young people across the borough engaged by Choose Your Future",
    "comparison": "",
}

SEN_PRINCIPLES = [
    [
        "Inclusion",
        "Schools and colleges increase participation of young people in, and reduce their "
        "exclusion from, the curriculum and the everyday life of the school or college.",
    ],
    ["Dignity and independence", "Children with SEND and their families feel welcomed."],
    [
        "Choice",
        "Children, young people and parents are supported in participating fully in decisions "
        "that promote young people's aspirations.",
    ],
    [
        "Best value",
        "Effective use of resources for better outcomes, with pooled resources and integrated "
        "health, care and education pathways.",
    ],
    [
        "Better outcomes",
        "Young people with SEND achieve sustained employment, entering supported internships "
        "and/or living independently in their community in our borough.",
    ],
]


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _bullets(*items):
    return {"type": "list", "value": {"style": "bullet", "items": list(items)}}


PAGE = {
    "type": "report",
    "slug": "scrutiny-presentation-children-young-people",
    "title": "Children and young people: scrutiny presentation",
    "date": "2019-02-05",
    "committee": "Children and Young People Scrutiny Committee",
    "audience": "Councillors at Members' Question Time",
    "summary": (
        "The Cabinet Member for Children, Young People and Learners reports to scrutiny on "
        "children's social care, education, youth engagement and the SEN strategy for 2019 to "
        "2022."
    ),
    "listing_summary": (
        "A presentation to the Children and Young People Scrutiny Committee on progress and "
        "challenges in children's social care, education, youth engagement and SEND."
    ),
    "search_description": (
        "Scrutiny presentation: children's social care, education results, youth engagement "
        "and the SEN strategy 2019 to 2022."
    ),
    "introduction": (
        "Presented at Members' Question Time by the Cabinet Member for Children, Young People "
        "and Learners. It sets out our vision, the context for children's social care, our key "
        "achievements and challenges, education and youth engagement, and our strategy for "
        "special educational needs."
    ),
    "headline_figures": [
        FIGURE_GOOD_SCHOOLS,
        FIGURE_OUTSTANDING_SCHOOLS,
        FIGURE_OUTSTANDING_SECONDARY,
        FIGURE_CASELOADS,
        FIGURE_MONITORING_VISITS,
        FIGURE_CHILDREN_IN_CARE_COUNCIL,
        FIGURE_YOUNG_MAYOR_VOTERS,
        FIGURE_CHOOSE_YOUR_FUTURE,
    ],
    "body": [
        _heading("Our vision"),
        {
            "type": "quote",
            "value": {
                "quote": (
                    "All children and young people in our borough will be safe, healthy and "
                    "happy, and will aspire to be the best they can be. The future is theirs."
                ),
                "attribution": "Our vision for children and young people",
            },
        },
        _heading("Children's social care context"),
        _bullets(
            "Ofsted Children's Service Inspection delivered an inadequate judgement in July 2017.",
            "We have had 4 monitoring visits with overall themes of progress but also of "
            "inconsistent practice and improvements being slow and lacking momentum.",
            "There have been significant changes in leadership in Children, Families and "
            "Education Services with the new Executive Director and Director starting in December "
            "2018 and January 2019 respectively. Both are permanent and from previous good and "
            "outstanding authorities.",
        ),
        _heading("Key achievements and challenges"),
        _heading("Key achievements", "h3"),
        {
            "type": "headline_figures",
            "value": {
                "heading": "",
                "figures": [FIGURE_CASELOADS, FIGURE_CHILDREN_IN_CARE_COUNCIL],
            },
        },
        _bullets(
            "Key performance indicators across the service have improved generally including "
            "supervision, timeliness of assessments, timeliness and frequency of visits and "
            "children in need plans.",
            "Investment has been made to reduce caseloads to 18 and in the main they are below "
            "this target, from a base of an average of 38. This is significant.",
            "Development of the Best Start Early Help Strategy and Gateway programme.",
            "Children in Care Council has grown to up to 20 young people meeting regularly with "
            "increasing voice.",
        ),
        _heading("Ongoing challenges", "h3"),
        _bullets(
            "Recruitment and retention of workforce, including management",
            "Rising numbers in care proceedings and children coming into care",
            "Focus on prevention and early intervention across organisations",
            "Inconsistent practice and compliance in planning, voice of the child, transfer of "
            "cases, quality of interventions",
            "Personal Education Plans for children looked after",
        ),
        _heading("What we are doing: opportunities", "h3"),
        {"type": "paragraph", "value": "<p>We are focusing on:</p>"},
        _bullets(
            "Prevention and locality work",
            "Recruitment and retention strategy",
            "Performance and practice - new weekly clinics",
            "Developing services to support young people to remain within the family",
            "Developing best practice on court work, delivering a new family group conference, "
            "court tracking and family and friend assessment teams with a new Head of Service",
        ),
        _heading("Education, youth engagement and lifelong learning"),
        _heading("Education", "h3"),
        {
            "type": "headline_figures",
            "value": {
                "heading": "",
                "figures": [
                    FIGURE_GOOD_SCHOOLS,
                    FIGURE_OUTSTANDING_SCHOOLS,
                    FIGURE_OUTSTANDING_SECONDARY,
                ],
            },
        },
        _bullets(
            "Pupil outcomes are now better than national averages at EYFS, Key Stage 1, Key "
            "Stage 2 and Key Stage 4.",
            "89% of the borough's children attend a good or outstanding school compared to 86.5% "
            "nationally. 33% of the borough's children attend an outstanding school, and almost "
            "50% at secondary level.",
        ),
        _heading("Youth engagement", "h3"),
        {
            "type": "headline_figures",
            "value": {
                "heading": "",
                "figures": [FIGURE_YOUNG_MAYOR_VOTERS, FIGURE_CHOOSE_YOUR_FUTURE],
            },
        },
        _bullets(
            "The borough's second Youth Congress identified crime and safety, mental health and "
            "employability, jobs and money as young people's top priorities.",
            "The borough's first Young Mayor and Deputy Young Mayor were elected with more than "
            "12,000 11 to 18 year olds turning out to vote.",
            "Choose Your Future has engaged over 3,000 young people across the borough.",
            "Legacy OnSide Youth Zone is nearing completion and will open its doors in the summer "
            "of 2019.",
        ),
        _heading("Challenges", "h3"),
        _bullets(
            "Pressures on school budgets",
            "Pressures on High Needs budget",
            "Lobbying central government for a fair deal for children in our borough",
        ),
        _heading("Opportunities", "h3"),
        _bullets(
            "Ensuring young people have the right information, support and guidance to choose "
            "the education pathway",
            "Local Strategic Partnership (LSP) two-year focus on children across organisations "
            "and departments",
            "Reducing NEET figures (young people not in education, employment or training)",
        ),
        _heading("Inclusive education for all: SEN Strategy 2019 to 2022"),
        {
            "type": "paragraph",
            "value": (
                "<p>Our strategy for children and young people with special educational needs "
                "and disabilities (SEND) rests on five principles.</p>"
            ),
        },
        {
            "type": "table",
            "value": {
                "table_caption": "Principles of the SEN Strategy 2019 to 2022",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Principle", "What it means"], *SEN_PRINCIPLES],
            },
        },
    ],
}
