"""The partnership with parents and carers policy page, from
partnership-with-parents-and-carers-policy.txt.

The source is a model policy written for one named children's centre in a real county; here it
speaks as "the centre" and "the council", since the council a site serves is a setting. Its
links to that county's websites are dropped (the charter and information sharing policy they
pointed to are the council's own here), and the person responsible for it is shown by role.
"""

# The source gives only its release date (01/04/2010, a UK-format date) and says the policy is
# reviewed regularly. The review dates are inferred: a yearly review, last done in April 2026.
FIRST_RELEASED = "2010-04-01"
LAST_REVIEWED = "2026-04-01"
NEXT_REVIEW_DUE = "2027-04-01"
OWNER_ROLE = "Centre Manager"


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _bullets(*items):
    return {"type": "list", "value": {"style": "bullet", "items": list(items)}}


def _html_bullets(*items):
    return _paragraph("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


# The centre policies this one "is particularly relevant to", in the source's order and words.
RELATED_POLICY_NAMES = [
    "Behaviour",
    "SEN Revised Code of Practice",
    "Confidentiality",
    "Information Sharing",
    "Equalities and Diversity",
    "Emergency Closure",
    "Medication",
    "Food and Drink",
    "Hygiene",
    "Complaints",
    "Late or Non-Collection of Children",
    "Child Protection",
]
# (slug, title) of the policy page standing in for each: sentence case, as page titles are.
RELATED_POLICIES = [
    ("behaviour-policy", "Behaviour policy"),
    ("sen-revised-code-of-practice-policy", "SEN Revised Code of Practice policy"),
    ("confidentiality-policy", "Confidentiality policy"),
    ("information-sharing-policy", "Information sharing policy"),
    ("equalities-and-diversity-policy", "Equalities and diversity policy"),
    ("emergency-closure-policy", "Emergency closure policy"),
    ("medication-policy", "Medication policy"),
    ("food-and-drink-policy", "Food and drink policy"),
    ("hygiene-policy", "Hygiene policy"),
    ("complaints-policy", "Complaints policy"),
    ("late-or-non-collection-of-children-policy", "Late or non-collection of children policy"),
    ("child-protection-policy", "Child protection policy"),
]

# Words families search with that a title-only stand-in page cannot hold in its text (issue 9).
RELATED_POLICY_KEYWORDS = {
    "sen-revised-code-of-practice-policy": "SEND, special educational needs, SEN policy",
    "complaints-policy": "complain, make a complaint, unhappy with a service",
    "child-protection-policy": "safeguarding, worried about a child, child abuse",
}


def _named_policy(slug, title):
    """A policy the source names but does not give: its title only, plainly marked as demo."""
    name = title[0].lower() + title[1:] if not title.startswith("SEN") else title
    return {
        "type": "policy",
        "slug": slug,
        "title": title,
        "summary": (
            f"Demo content: the partnership with parents and carers policy refers to our "
            f"{name}, but does not give its text."
        ),
        "introduction": (
            "This page is demo content. It stands in for a policy the partnership with parents "
            "and carers policy names, so the library shows how related policies link together."
        ),
        "owner_role": OWNER_ROLE,
        "status": "adopted",
        "topics": ["Children's centres"],
        "listing_summary": f"Demo content: our {name}, named by the partnership policy.",
        "search_description": f"Demo content standing in for our {name}.",
        "search_keywords": RELATED_POLICY_KEYWORDS.get(slug, ""),
        "body": [
            _paragraph(
                "<p>The text of this policy is not part of the demo content. On a live site, "
                "this page would hold the policy itself.</p>"
            )
        ],
    }


RELATED_POLICY_PAGES = [_named_policy(slug, title) for slug, title in RELATED_POLICIES]

PAGE = {
    "type": "policy",
    "slug": "partnership-with-parents-and-carers-policy",
    "title": "Partnership with parents and carers policy",
    "summary": (
        "How our children's centres work in partnership with parents and carers: keeping "
        "families informed and involved, sharing information safely, promoting good behaviour, "
        "collecting children and working with other agencies."
    ),
    "owner_role": OWNER_ROLE,
    "status": "adopted",
    "first_released": FIRST_RELEASED,
    "last_reviewed": LAST_REVIEWED,
    "next_review_due": NEXT_REVIEW_DUE,
    "topics": ["Working with parents", "Children's centres", "Early years", "Safeguarding"],
    "related_policies": [slug for slug, _title in RELATED_POLICIES],
    "legislation": [
        {
            "title": "Early Years Foundation Stage",
            "url": "https://www.legislation.gov.uk/ukpga/2006/21/contents",
            "note": "The statutory framework for early years settings, made under the "
            "Childcare Act 2006.",
        },
        {
            "title": "Data Protection Act 2018",
            "url": "https://www.legislation.gov.uk/ukpga/2018/12/contents",
            "note": "Data protection law. It replaced the Data Protection Act 1998, in force "
            "when this policy was first released.",
        },
        {
            "title": "Freedom of Information Act 2000",
            "url": "https://www.legislation.gov.uk/ukpga/2000/36/contents",
            "note": "",
        },
    ],
    "listing_summary": (
        "How our children's centres work in partnership with parents and carers, and what "
        "families can expect from us."
    ),
    "search_description": (
        "Children's centre policy on working in partnership with parents and carers: "
        "information, behaviour, collecting children and complaints."
    ),
    # The version history's note for the one version the demo publishes.
    "change_note": "First published on this website.",
    "introduction": (
        "Our children's centres are committed to working in partnership with all parents and "
        "carers accessing our services, and to reach out to those in the local area who have "
        "not yet come into contact with the centre."
    ),
    "body": [
        _heading("Policy context"),
        _paragraph(
            "<p>Our aim is to promote an open dialogue with families, to encourage families to "
            "play an active role and take part in the activities on offer at the centre, and to "
            "help them support their child's early learning and development at home. In line "
            "with the council's Parents' Charter, parents/carers can expect to be involved and "
            "listened to, have access to high quality staff and services and be treated with "
            "respect at all times.</p>"
            "<p>We aim to ensure that parents are involved in the design of services, have "
            "opportunity to participate in a meaningful way, and are able to contribute to our "
            "governance arrangements through parents'/carers' forums and by expressing their "
            "views and opinions about the service.</p>"
            "<p>This policy is linked to all of the centre's policies, but is particularly "
            "relevant to Behaviour, SEN Revised Code of Practice, Confidentiality, Information "
            "Sharing, Equalities and Diversity, Emergency Closure, Medication, Food and Drink, "
            "Hygiene, Complaints and where appropriate Late or Non-Collection of Children.</p>"
        ),
        _heading("Purpose"),
        _paragraph(
            "<p>To develop best practice in creating and maintaining strong working relationships "
            "with parents and carers to support their child's early learning and "
            "development.</p>"
        ),
        _heading("Aims"),
        _paragraph("<p>At our children's centres we aim to:</p>"),
        _bullets(
            "Keep all parents/carers informed and involved with how the centre operates: opening "
            "times, activities and services on offer, and our policies and procedures. We will "
            "do this through newsletters, letters, parent notice boards, website, and informal "
            "communication. We will provide information in a variety of formats or languages as "
            "appropriate to make it accessible to as wide an audience as possible, in line with "
            "our Equalities and Inclusion policy.",
            "Treat all information we receive sensitively, always following our Confidentiality "
            "policy. Where information needs to be shared, we will always follow our Information "
            "Sharing policy to ensure that information is shared appropriately and sensitively to "
            "safeguard the child and/or the family.",
            "Provide opportunities for parents/carers to contribute their own skills and "
            "encourage them to become actively involved in the centre. This might involve helping "
            "with activities and outings (either informally or by becoming a regular volunteer); "
            "taking part in parents/carers' forums; or helping to design or deliver new "
            "activities to be run at the centre. We will also support and encourage parents' and "
            "carers' own development wherever possible through additional learning "
            "opportunities.",
            "Listen to all suggestions, comments and concerns and involve parents/carers as much "
            "as possible in developing and reviewing the Centre's policies and procedures.",
            "Always listen to the ideas, views and opinions of parents, carers and families using "
            "the centre. In particular we will treat seriously any concern that is raised by a "
            "parent or carer, whether it is raised informally or in writing, and we will work "
            "with them to find a resolution. All parents will have access to our Complaints "
            "procedure and we will ensure that any complaints are dealt with effectively in line "
            "with the timescales specified in the policy.",
        ),
        {
            "type": "details",
            "value": {
                "summary": "For centres with their own nursery",
                "body": (
                    "<p>We will keep parents/carers up to date with the activities their "
                    "child(ren) has been involved in and the progress they are making, as part "
                    "of an on-going dialogue between centre staff and parents/carers.</p>"
                    "<p>All parents/carers are welcome to discuss their child's development and "
                    "progress, and how they can support their learning at home with centre staff "
                    "at any time.</p>"
                ),
            },
        },
        _heading("Practices"),
        _heading("Communication with parents and carers", "h3"),
        _bullets(
            "We will keep parents/carers informed and updated about our planned activities, "
            "services and events through newsletters, letters, notices on our Centre noticeboard, "
            "website, and informal communications. We will strive to present the information in "
            "a variety of formats in line with our Equalities and Diversity policy.",
            "We will keep parents/carers informed and updated with our policies and practices "
            "through notices on our Centre noticeboard, letters, website, and through printed "
            "copies available upon request (in a variety of formats wherever possible). We will "
            "offer parents and carers opportunity to contribute their views at any time and are "
            "happy to discuss these policies with families.",
            "We will encourage parents and carers to become active members of the centre (for "
            "example through a Parents'/Carers' Forum) and to get involved wherever possible, "
            "sharing their skills and ideas or helping with activities and outings. These "
            "opportunities will differ from centre to centre and according to need, but all "
            "opportunities for parents/carers to get more involved will be clearly displayed in "
            "the centre (for example on the centre notice board) and will be communicated "
            "verbally as well.",
            "We will support and encourage parents and carers' own learning and development and "
            "will share opportunities with them through notices on the centre noticeboard, "
            "newsletters and through informal means.",
            "All parents and carers are entitled to make a complaint if they wish, and the "
            "procedures we will follow for responding to complaints are outlined in our "
            "Complaints Policy.",
        ),
        {
            "type": "details",
            "value": {
                "summary": "For centres with their own nursery",
                "body": (
                    "<p>We aim to work with parents/carers as partners and keep an open dialogue "
                    "regarding their child's development and learning. We are always willing to "
                    "discuss a child's progress with their parent/carer, and to share with them "
                    "details of the activities their child has been involved in and how they can "
                    "support their development at home. Where appropriate this may also involve "
                    "the Health Visitor or other health professionals working in or from the "
                    "centre.</p>"
                ),
            },
        },
        _heading("Promoting good behaviour", "h3"),
        _paragraph(
            "<p>We will work in partnership with parents and carers to promote positive "
            "behaviour among children and, where necessary, to help them challenge any "
            "behaviour that gives cause for concern. We aim to provide an environment in which "
            "there is acceptable behaviour, through which children learn to respect themselves, "
            "other people, and their surroundings.</p>"
            "<p>At our children's centres children, mothers, fathers and carers are encouraged "
            "to begin to:</p>"
        ),
        _bullets(
            "Promote positive behaviour.",
            "Understand the effects their words and actions can have.",
            "Consider the needs and feelings of others, in their words and in their actions.",
            "Take responsibility for their behaviour, and attempt to make amends when things go "
            "wrong.",
            "Develop self-discipline.",
            "Respect the need for boundaries and respond to behavioural expectations.",
        ),
        _paragraph(
            "<p>In line with the Parents' Charter, we ask that parents/carers commit to teaching "
            "their child to be part of a community by modelling good behaviours for them: "
            "teaching them the difference between right and wrong, teaching respect by example, "
            "and being fair, loving and kind in the way we treat other people.</p>"
            "<p>For further information on this, please see the centre's Behaviour Policy.</p>"
        ),
        _heading("Recording and sharing information", "h3"),
        # A rich-text list: these items are longer than the list block's 500-character limit.
        _html_bullets(
            "We will treat all information shared with us by parents/carers sensitively, "
            "following our Confidentiality policy. There may be occasions when we need to share "
            "this information to safeguard the well-being of children or their families; for "
            "more information on the processes we will follow please see our Information Sharing "
            "policy and Child Protection policy.",
            "If parents/carers are leaving their child in an on-site nursery they must provide "
            "us with the following basic information about their child: name, address, contact "
            "details of parent/carer, doctor's name and address, names and contact details of "
            "authorised people who may collect the child, and names of anyone who does not have "
            "legal access to the child. We ask that parents keep this information updated at all "
            "times. We will store all of our records securely.",
            "In line with our policies on Sickness and Hygiene, we ask that parents/carers do not "
            "bring children who are unwell with infectious illnesses into the centre to prevent "
            "the spread to other children, families and staff. However, it is helpful if "
            "parents/carers inform the centre if their child is diagnosed with any infectious "
            "illness, so that we can inform parents, staff and visitors that we have had a case "
            "of that infection or illness in the centre. This allows other parents to be on the "
            "lookout for the symptoms in their child.",
        ),
        {
            "type": "details",
            "value": {
                "summary": "For centres with their own nursery or a crèche",
                "body": (
                    "<p>We will record details of any health and safety incident, or of a "
                    "child's sickness, or of medication that parents/carers ask us to "
                    "administer, so that if necessary we can provide feedback on the care that "
                    "has been provided by the centre. These records will be kept in a locked "
                    "cupboard in the Centre Manager's office or other secure place. (Please note "
                    "where crèches are staffed by commissioned providers the crèche staff "
                    "workers' policy will be written by the commissioned provider.)</p>"
                    "<p>Where parents leave their children in a crèche and leave the centre, we "
                    "also ask that parents/carers inform us of any changes to personal "
                    "circumstances that may have an effect upon a child, for example change of "
                    "doctor, new address or separation.</p>"
                ),
            },
        },
        _heading("Collecting children", "h3"),
        _paragraph(
            "<p>For detailed information, please see our Late or Non-Collection of Children "
            "policy.</p>"
            "<p>This will be of most relevance to centres with an on-site nursery, but will have "
            "some application for parents/carers who may be leaving their child in the care of "
            "the crèche and then leaving the centre.</p>"
            "<p>Parents/carers who are leaving their child in the care of the centre must "
            "provide the following information:</p>"
        ),
        _bullets(
            "Place of work, address and telephone number (if applicable)",
            "Mobile telephone number (if applicable)",
            "Names, addresses and telephone numbers of adults who are authorised by the "
            "parents/carers to collect their child from the children's centre, for example a "
            "child minder or grandparent",
            "Information about any person who does not have legal access to the child",
            "Who has parental responsibility for the child",
        ),
        _bullets(
            "On occasions when parents/carers or the persons normally authorised to collect the "
            "child are not able to collect the child, they will inform staff of the name, address "
            "and telephone number of the person who will be collecting their child. A password "
            "known by both the children's centre, parent/carer and collecting adult will be used "
            "to check the identity of the person who is to collect their child.",
            "Parents are advised that if they are not able to collect the child as planned, they "
            "must inform us so that we can make arrangements to ensure care is provided for "
            "their child. We provide parents with our contact telephone number for this purpose.",
            "In the event that children are not collected after a reasonable time (for example "
            "one hour) from the centre by an authorised adult and the staff can no longer "
            "supervise the child on our premises, we will follow the procedures set out in our "
            "Late / Non-collection policy.",
        ),
        _heading("Working with other agencies", "h3"),
        _paragraph(
            "<p>Our children's centres work as part of a multi-agency team to support children "
            "and families, and particularly to provide support to children and families who "
            "have identified needs or who are vulnerable. For more information, see our "
            "Information Sharing policy.</p>"
            "<p>We will work with wider children's services colleagues if we think a child or a "
            "family is vulnerable to ensure that support is put in place to help them. For more "
            "information on the processes we will follow, please see our Child Protection "
            "policy.</p>"
        ),
        _heading("Policy implementation"),
        _bullets(
            f"The {OWNER_ROLE} is responsible for the implementation of this policy and "
            "conducting regular reviews. All staff and parents/carers are aware of who this "
            "person is and how to contact them.",
            "All staff are made aware of this policy as part of their induction, reviews, and "
            "training.",
            "All parents/carers are made aware of this policy and are encouraged to follow the "
            "guidelines.",
            "Partner agencies are made aware of this policy and support its implementation where "
            "appropriate.",
        ),
        _heading("Arrangements for complaints"),
        _paragraph("<p>These are defined in the Children's Centres Complaints Policy.</p>"),
        _heading("Arrangements for review"),
        _paragraph(
            "<p>This draft model policy has been written in consultation with a group of "
            "Children's Centre Managers and was released on 1 April 2010. The "
            f"{OWNER_ROLE} reviews it regularly.</p>"
        ),
        _heading("Comment on this policy"),
        _paragraph(
            "<p>To submit your comments about this policy, please use the comment form on this "
            "page. We will listen to all suggestions, comments and concerns and involve "
            "parents/carers as much as possible in developing and reviewing our policies.</p>"
        ),
    ],
}
