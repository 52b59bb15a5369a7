"""Site-wide demo settings, footer links and the small pages the footer links to.

Every detail here is fictional on purpose: the council's name is made up, phone numbers come
from Ofcom's range reserved for drama (020 7946 0000 to 0999, never allocated to real lines)
and addresses use example.gov.uk, so a demo site can never send a resident to a real service.
"""

SITE_SETTINGS = {
    "site_name": "Family services",
    "organisation_name": "Northbrook Borough Council",
    "phone": "020 7946 0100",
    "email": "familyservices@example.gov.uk",
    "address": "Northbrook Town Hall\n1 Market Square\nNorthbrook\nNB1 1AA",
    "childrens_services_phone": "020 7946 0200",
    "out_of_hours_phone": "020 7946 0300",
    "social_links": [
        {"name": "Mastodon", "url": "https://social.example.gov.uk/@familyservices"},
        {"name": "Email newsletter", "url": "https://www.example.gov.uk/newsletter"},
    ],
}

_PHONE = SITE_SETTINGS["phone"]
_EMAIL = SITE_SETTINGS["email"]
_CHILDRENS_PHONE = SITE_SETTINGS["childrens_services_phone"]
_OUT_OF_HOURS = SITE_SETTINGS["out_of_hours_phone"]
_ADDRESS_LINES = SITE_SETTINGS["address"].split("\n")
_PRIVACY_EMAIL = "dataprotection@example.gov.uk"

# The 999 line and the phone numbers come from the site settings (templates/includes/
# safeguarding_notice.html), so the notice's own words never repeat a number an editor may change.
SAFEGUARDING_NOTICE = {
    "heading": "If you are worried about a child",
    "body": (
        "<p>Children's services answer Monday to Friday, 9am to 5pm. You do not have to be sure "
        "something is wrong to call: tell us what you have seen or heard.</p>"
    ),
}

# Every topic a demo policy uses, so the policy index's filter never offers an empty topic.
POLICY_TOPICS = ["Working with parents", "Children's centres", "Early years", "Safeguarding"]

FOOTER_LINKS = [
    {"text": "Contact us", "slug": "contact-us"},
    {"text": "Accessibility statement", "slug": "accessibility-statement"},
    {"text": "Privacy notice", "slug": "privacy-notice"},
    {"text": "Cookies", "slug": "cookies"},
]


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


CONTACT_PAGE = {
    "type": "content",
    "slug": "contact-us",
    "title": "Contact us",
    "listing_summary": "How to contact family services by phone, email or in person.",
    "search_keywords": "phone number, telephone, opening hours, address, report a concern",
    "search_description": (
        "Contact family services by phone, email or in person, or report a concern about a "
        "child's safety."
    ),
    "introduction": (
        "Contact us about children's centres, family support, our consultations or anything on "
        "this website."
    ),
    "body": [
        {
            "type": "warning_text",
            "value": {
                "text": (
                    "If a child is in immediate danger, call 999. If you are worried about a "
                    f"child, call children's services on {_CHILDRENS_PHONE}."
                )
            },
        },
        _heading("Family services"),
        _paragraph(
            f"<p>Telephone: {_PHONE}</p>"
            "<p>Monday to Friday, 9am to 5pm (except bank holidays)</p>"
            f'<p>Email: <a href="mailto:{_EMAIL}">{_EMAIL}</a></p>'
            "<p>We aim to reply to emails within 5 working days.</p>"
        ),
        _heading("Children's services"),
        _paragraph(
            "<p>Call children's services if you are worried about a child's safety or "
            "wellbeing, or if you need help from a social worker.</p>"
            f"<p>Telephone: {_CHILDRENS_PHONE} (Monday to Friday, 9am to 5pm)</p>"
            f"<p>Out of hours, at weekends and on bank holidays: {_OUT_OF_HOURS}</p>"
        ),
        _heading("Visit us"),
        _paragraph(
            "<p>" + ", ".join(_ADDRESS_LINES) + "</p>"
            "<p>The reception is open Monday to Friday, 9am to 5pm. The building has step-free "
            "access and a hearing loop.</p>"
        ),
        _heading("Other ways to contact us"),
        _paragraph(
            "<p>If you are deaf, hard of hearing or speech impaired, you can contact us using "
            "Relay UK: dial 18001 then our phone number.</p>"
            "<p>If you need an interpreter, tell us which language you speak when you contact "
            "us and we will arrange one.</p>"
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "type": "content",
    "slug": "accessibility-statement",
    "title": "Accessibility statement",
    "listing_summary": "How accessible this website is, and how to tell us about a problem.",
    "search_description": (
        "Accessibility statement for the family services website: how accessible it is and how "
        "to report a problem."
    ),
    "introduction": (
        "We want as many people as possible to be able to use this website. This statement "
        "explains how accessible it is and what to do if you have a problem."
    ),
    "body": [
        _heading("Using this website"),
        _paragraph(
            "<p>You should be able to:</p>"
            "<ul>"
            "<li>change colours, contrast levels and fonts using your browser or device "
            "settings</li>"
            "<li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>navigate the whole website using just a keyboard</li>"
            "<li>navigate most of the website using speech recognition software</li>"
            "<li>listen to the website using a screen reader</li>"
            "<li>read pages in English, Polish, Romanian, Arabic, Urdu and Bengali</li>"
            "</ul>"
            "<p>The website works without JavaScript, and we have made the text as simple as "
            "possible to understand.</p>"
        ),
        _heading("How accessible this website is"),
        _paragraph(
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to "
            "level AA. We build pages from the GOV.UK Design System's components and check "
            "every type of page with automated tests in English and Arabic.</p>"
            "<p>Some documents that people upload, such as older PDF files, may not be fully "
            "accessible. If you need a document in another format, contact us.</p>"
        ),
        _heading("Feedback and contact information"),
        _paragraph(
            "<p>If you need information on this website in a different format, such as "
            "accessible PDF, large print, easy read, audio recording or braille, email "
            f'<a href="mailto:{_EMAIL}">{_EMAIL}</a> or call {_PHONE}. We will consider your '
            "request and get back to you within 5 working days.</p>"
        ),
        _heading("Reporting accessibility problems with this website"),
        _paragraph(
            "<p>We are always looking to improve the accessibility of this website. If you find "
            "any problems not listed on this page, or think we are not meeting accessibility "
            f'requirements, email <a href="mailto:{_EMAIL}">{_EMAIL}</a>.</p>'
        ),
        _heading("Enforcement procedure"),
        _paragraph(
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
            "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018. If you are not happy with how we respond to your complaint, "
            'contact the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory '
            "and Support Service (EASS)</a>.</p>"
        ),
    ],
}

PRIVACY_PAGE = {
    "type": "content",
    "slug": "privacy-notice",
    "title": "Privacy notice",
    "search_keywords": (
        "GDPR, data protection, personal data, subject access request, delete my data"
    ),
    "listing_summary": (
        "What personal information this website collects, why, how long we keep it and your rights."
    ),
    "search_description": (
        "How the family services website uses your personal information, how long we keep it "
        "and your data protection rights."
    ),
    "introduction": (
        "The council is the data controller for the personal information collected through "
        "this website. This notice explains what we collect, why, and what your rights are."
    ),
    "body": [
        _heading("What we collect"),
        _paragraph(
            "<p>We only collect personal information when you give it to us, for example when "
            "you:</p>"
            "<ul>"
            "<li>share an idea or comment in one of our consultations</li>"
            "<li>comment on one of our policies</li>"
            "<li>contact us by email or through a form</li>"
            "</ul>"
            "<p>We do not use analytics or advertising cookies, and we do not track you across "
            "other websites.</p>"
        ),
        _heading("Ideas and comments in our consultations"),
        _paragraph(
            "<p>When you share an idea or a comment, we keep:</p>"
            "<ul>"
            "<li>what you wrote: the idea's title and description, or your comment</li>"
            "<li>the theme you chose</li>"
            "<li>whether you told us you are a parent or carer, a young person, a professional "
            "or someone else</li>"
            "<li>the area you gave, if you gave one (the first part of a postcode, such as "
            "NB1)</li>"
            "<li>the language you wrote in, and when you sent it</li>"
            "</ul>"
            "<p>Your name and email address are optional. If you give them, we keep them apart "
            "from your idea, and we never publish them. Staff who check ideas and analyse the "
            "consultation do not see them unless their job needs it. We only use your email "
            "address to tell you what happens to your idea, and only after you have confirmed "
            "it by opening the link we send you. If you do not confirm it, we do not email you "
            "again.</p>"
            "<p>When you support an idea, we do not ask who you are. Your browser keeps a "
            "cookie, so that each person's support is counted once. The cookie lasts a year "
            "and holds a random number, no personal information, and we only keep a scrambled "
            "version of it that cannot be traced back to you.</p>"
        ),
        _heading("Why we use it"),
        _paragraph(
            "<p>We use your information to run consultations, to improve our services and "
            "policies, and to reply to you. Our lawful basis is that the processing is needed "
            "to carry out a task in the public interest.</p>"
            "<p>We check ideas and comments before we publish them. We never publish your name "
            "or your email address, and we never show a young person's name.</p>"
        ),
        _heading("Who we share it with"),
        _paragraph(
            "<p>We do not sell your information or share it for marketing. We only share it "
            "where the law requires us to, or where we need to protect a child or adult from "
            "harm.</p>"
        ),
        _heading("How long we keep it"),
        _paragraph(
            "<p>We remove names and email addresses from a consultation 2 years after it "
            "closes. A consultation may set a different period, and when it does, its page "
            "tells you. We remove them automatically when the period ends.</p>"
            "<p>Published ideas and comments, and our responses to them, stay on the website "
            "as the public record of what people told us and what we did, without anyone's "
            "name. Ideas and comments we did not publish are kept with the consultation's "
            "records, also without names.</p>"
            "<p>We keep emails you send us for 2 years after we last reply, then delete them.</p>"
        ),
        _heading("Your rights"),
        _paragraph(
            "<p>You have the right to ask for a copy of the information we hold about you, to "
            "ask us to correct it, and in some cases to ask us to delete it or stop using it. "
            "To do this, email our data protection officer at "
            f'<a href="mailto:{_PRIVACY_EMAIL}">{_PRIVACY_EMAIL}</a>.</p>'
            "<p>To have your consultation ideas and comments deleted before the end of the "
            "period, tell us the email address you gave with them. We will delete your name "
            "and email address and take down your ideas and comments, with the supports and "
            "comments on your ideas, and confirm when it is done. We aim to do this within one "
            "month. If you did not give an email address, tell us which consultation it was, "
            "what you wrote and roughly when, and we will find it.</p>"
            "<p>If you are unhappy with how we have used your information, you can complain to "
            'the <a href="https://ico.org.uk/">Information Commissioner\'s Office</a>.</p>'
        ),
    ],
}

COOKIES_PAGE = {
    "type": "content",
    "slug": "cookies",
    "title": "Cookies",
    "listing_summary": "This website uses only essential cookies, which it needs to work.",
    "search_description": (
        "The family services website uses only essential cookies: a session cookie and a "
        "security cookie that protects forms."
    ),
    "introduction": (
        "Cookies are small files saved on your phone, tablet or computer when you visit a "
        "website. We use only essential cookies, which make the website work and keep it "
        "secure. We do not use analytics or advertising cookies, so we do not ask for your "
        "consent."
    ),
    "body": [
        _heading("Essential cookies"),
        {
            "type": "table",
            "value": {
                "table_caption": "Essential cookies we use",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [
                    ["Name", "Purpose", "Expires"],
                    [
                        "sessionid",
                        "Remembers you from page to page when you send us a form or sign in",
                        "2 weeks",
                    ],
                    ["csrftoken", "Protects our forms from misuse by other websites", "1 year"],
                    [
                        "consultation_visitor",
                        "Counts your support for an idea once, without an account. It holds a "
                        "random number, not who you are",
                        "1 year",
                    ],
                ],
            },
        },
        _paragraph(
            "<p>These cookies do not identify you personally and are never used for marketing. "
            "You can block them in your browser settings, but then our forms will not work.</p>"
        ),
        {
            "type": "details",
            "value": {
                "summary": "Forms that check you are not a robot",
                "body": (
                    "<p>Some of our forms may use Google reCAPTCHA to stop spam. Where they do, "
                    "Google may set a cookie to tell people and automated programs apart. We use "
                    "it only for security.</p>"
                ),
            },
        },
    ],
}

EXTRA_PAGES = [CONTACT_PAGE, ACCESSIBILITY_PAGE, PRIVACY_PAGE, COOKIES_PAGE]
