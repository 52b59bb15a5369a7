"""The demo content data: the shapes `load_demo_content` relies on, and faithful, safe text."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest

from home.blocks import BodyBlock
from home.demo_content import (
    ALL_PAGES,
    AMBITIONS,
    CONSULTATION,
    DOCUMENT_PAGES,
    EXTRA_PAGES,
    FOOTER_LINKS,
    HOME_INTRODUCTION,
    POLICY_TOPICS,
    SAFEGUARDING_NOTICE,
    SERVICE_CATEGORIES,
    SITE_SETTINGS,
)
from home.demo_content import best_start_in_life_pledges as pledges
from home.demo_content import partnership_with_parents_and_carers_policy as policy
from home.demo_content import scrutiny_presentation_children_young_people as scrutiny
from home.demo_content import vision_for_families_and_children as vision

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Text may only sit inside these: rich text with bare text between blocks renders unevenly.
TEXT_CONTAINERS = {"p", "li"}

# Everyone named in the source documents, shown by role in the demo content.
REMOVED_NAMES = [
    "John Smith",
    "Alisa",
    "Flemming",
    "William Awomoyi",
    "Awomoyi",
    "Shay Williams",
    "Pam Holmes",
    "Holmes",
    "Graham Allen",
]
# The real councils and places the sources were written for: the council is a site setting.
SOURCE_PLACE_NAMES = [
    "Croydon",
    "Kensington",
    "Chelsea",
    "Thurrock",
    "Cranbrook",
    "Medway",
    "KCC",
    "kent.gov.uk",
    "kenttrustweb",
    "clusterweb",
    "shareville",
]
WEB_CLUTTER = ["Download", "Recommend", "PowerPoint", "AS IS", "Questions?", "Presentation Title"]

DATE_KEYS = {"date", "opened", "closed", "first_released", "last_reviewed", "next_review_due"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Ofcom keeps 020 7946 0000 to 0999 for drama, so no real line can be rung from the demo.
DRAMA_PHONE = re.compile(r"^020 7946 0\d{3}$")


def everything():
    """All the demo data, as the loader would see it."""
    return {
        "pages": ALL_PAGES,
        "ambitions": AMBITIONS,
        "home_introduction": HOME_INTRODUCTION,
        "consultation": CONSULTATION,
        "service_categories": SERVICE_CATEGORIES,
        "site_settings": SITE_SETTINGS,
        "safeguarding_notice": SAFEGUARDING_NOTICE,
        "policy_topics": POLICY_TOPICS,
        "footer_links": FOOTER_LINKS,
    }


# --- HTML ------------------------------------------------------------------------------------


class _RichTextChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.open_tags = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.problems.append(f"attribute {name!r} on <{tag}> is not allowed")
            elif not value:
                self.problems.append(f"empty {name!r} on <{tag}>")
        if tag == "a" and "href" not in dict(attrs):
            self.problems.append("<a> without href")
        self.open_tags.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/> is not allowed")

    def handle_endtag(self, tag):
        if not self.open_tags or self.open_tags[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.open_tags[-1:] or 'anything'}")
            return
        self.open_tags.pop()

    def handle_data(self, data):
        if data.strip() and not TEXT_CONTAINERS.intersection(self.open_tags):
            self.problems.append(f"text outside <p> or <li>: {data.strip()[:40]!r}")

    def handle_comment(self, data):
        self.problems.append("comments are not allowed")


def html_problems(html):
    if not isinstance(html, str) or not html.strip():
        return ["rich text must be a non-empty string"]
    checker = _RichTextChecker()
    checker.feed(html)
    checker.close()
    if checker.open_tags:
        checker.problems.append(f"unclosed {checker.open_tags}")
    return checker.problems


# --- Block shapes ----------------------------------------------------------------------------


def _text(value, limit=None, *, required=True):
    if not isinstance(value, str):
        return [f"expected text, got {type(value).__name__}"]
    if required and not value.strip():
        return ["must not be empty"]
    if limit is not None and len(value) > limit:
        return [f"longer than {limit} characters ({len(value)})"]
    if "<" in value or ">" in value:
        return ["plain text must not contain markup"]
    return []


def _keys(value, expected):
    if not isinstance(value, dict):
        return [f"expected an object, got {type(value).__name__}"]
    if set(value) != expected:
        return [f"keys {sorted(value)} should be {sorted(expected)}"]
    return []


def _check_heading(value):
    problems = _keys(value, {"text", "level"})
    if problems:
        return problems
    problems = _text(value["text"], 120)
    if value["level"] not in {"h2", "h3"}:
        problems.append(f"heading level {value['level']!r}")
    return problems


def _check_warning(value):
    return _keys(value, {"text"}) or _text(value["text"], 300)


def _check_details(value):
    return _keys(value, {"summary", "body"}) or [
        *_text(value["summary"], 120),
        *html_problems(value["body"]),
    ]


def _check_accordion(value):
    problems = _keys(value, {"heading", "items"})
    if problems:
        return problems
    problems = _text(value["heading"], 120, required=False)
    if not isinstance(value["items"], list) or not value["items"]:
        return [*problems, "an accordion needs items"]
    for item in value["items"]:
        item_problems = _keys(item, {"heading", "summary", "body"})
        if item_problems:
            problems += item_problems
            continue
        problems += _text(item["heading"], 120)
        problems += _text(item["summary"], 200, required=False)
        problems += html_problems(item["body"])
    return problems


def _check_list(value):
    problems = _keys(value, {"style", "items"})
    if problems:
        return problems
    if value["style"] not in {"bullet", "number"}:
        problems.append(f"list style {value['style']!r}")
    if not isinstance(value["items"], list) or not value["items"]:
        return [*problems, "a list needs items"]
    for item in value["items"]:
        problems += _text(item, 500)
    return problems


def _check_quote(value):
    return _keys(value, {"quote", "attribution"}) or [
        *_text(value["quote"], 1000),
        *_text(value["attribution"], 200, required=False),
    ]


def figure_problems(figure):
    return _keys(figure, {"value", "label", "comparison"}) or [
        *_text(figure["value"], 20),
        *_text(figure["label"], 120),
        *_text(figure["comparison"], 120, required=False),
    ]


def _check_headline_figures(value):
    problems = _keys(value, {"heading", "figures"})
    if problems:
        return problems
    problems = _text(value["heading"], 120, required=False)
    if not isinstance(value["figures"], list) or not value["figures"]:
        return [*problems, "headline figures need figures"]
    for figure in value["figures"]:
        problems += figure_problems(figure)
    return problems


def _check_call_to_action(value):
    problems = _keys(value, {"heading", "text", "link_text", "external_url", "page"})
    if problems:
        return problems
    problems = [
        *_text(value["heading"], 120),
        *_text(value["text"], 400, required=False),
        *_text(value["link_text"], 60),
    ]
    if value["page"] is not None:
        problems.append("page must be null in demo data")
    if not str(value["external_url"]).startswith(("https://", "mailto:")):
        problems.append("a call to action needs an address")
    return problems


def _check_cards(value):
    problems = _keys(value, {"heading", "cards"})
    if problems:
        return problems
    problems = _text(value["heading"], 120, required=False)
    if not isinstance(value["cards"], list) or not value["cards"]:
        return [*problems, "cards need cards"]
    for card in value["cards"]:
        card_problems = _keys(card, {"heading", "text", "external_url", "page"})
        if card_problems:
            problems += card_problems
            continue
        problems += _text(card["heading"], 120)
        problems += _text(card["text"], 600, required=False)
        if card["page"] is not None or not isinstance(card["external_url"], str):
            problems.append("card page must be null and external_url a string")
    return problems


def _check_table(value):
    problems = _keys(
        value, {"table_caption", "first_row_is_table_header", "first_col_is_header", "data"}
    )
    if problems:
        return problems
    problems = _text(value["table_caption"], 250)
    if value["first_row_is_table_header"] is not True or value["first_col_is_header"] is not False:
        problems.append("tables have a header row and no header column")
    rows = value["data"]
    if not isinstance(rows, list) or len(rows) < 2:
        return [*problems, "a table needs a header row and at least one data row"]
    if len({len(row) for row in rows}) != 1:
        problems.append("table rows have different lengths")
    for row in rows:
        for cell in row:
            problems += _text(cell)
    return problems


BLOCK_CHECKS = {
    "heading": _check_heading,
    "paragraph": html_problems,
    "inset_text": html_problems,
    "warning_text": _check_warning,
    "details": _check_details,
    "accordion": _check_accordion,
    "list": _check_list,
    "quote": _check_quote,
    "headline_figures": _check_headline_figures,
    "call_to_action": _check_call_to_action,
    "cards": _check_cards,
    "table": _check_table,
}


def body_problems(body):
    if not isinstance(body, list) or not body:
        return ["body must be a non-empty list"]
    problems = []
    for index, item in enumerate(body):
        if not isinstance(item, dict) or set(item) != {"type", "value"}:
            problems.append(f"item {index}: must be {{'type', 'value'}}")
            continue
        check = BLOCK_CHECKS.get(item["type"])
        if check is None:
            problems.append(f"item {index}: unknown block {item['type']!r}")
            continue
        problems += [f"item {index} ({item['type']}): {p}" for p in check(item["value"])]
    return problems


def html_fragments():
    """(where, html) for every rich-text value in the demo data."""
    yield "HOME_INTRODUCTION", HOME_INTRODUCTION
    yield "SAFEGUARDING_NOTICE", SAFEGUARDING_NOTICE["body"]
    for page in ALL_PAGES:
        for index, item in enumerate(page["body"]):
            where = f"{page['slug']} item {index}"
            value = item["value"]
            if item["type"] in {"paragraph", "inset_text"}:
                yield where, value
            elif item["type"] == "details":
                yield where, value["body"]
            elif item["type"] == "accordion":
                for item_index, accordion_item in enumerate(value["items"]):
                    yield f"{where}.{item_index}", accordion_item["body"]


def page_id(page):
    return page["slug"]


def headings(page):
    return [item["value"]["text"] for item in page["body"] if item["type"] == "heading"]


def visible_text(data):
    """Every string in the data joined up, with markup removed, as a reader would see it."""
    strings = []

    def walk(node):
        if isinstance(node, dict):
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, str):
            strings.append(re.sub(r"<[^>]+>", " ", node))

    walk(data)
    return "\n".join(strings)


# --- Shapes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("demo_page", ALL_PAGES, ids=page_id)
def test_page_body_uses_only_the_agreed_blocks_with_the_right_shapes(demo_page):
    assert body_problems(demo_page["body"]) == []


@pytest.mark.parametrize(
    "body",
    [
        [{"type": "image", "value": {}}],
        [{"type": "heading", "value": {"text": "Aims", "level": "h4"}}],
        [{"type": "heading", "value": {"text": "x" * 121, "level": "h2"}}],
        [{"type": "list", "value": {"style": "bullet", "items": []}}],
        [{"type": "list", "value": {"style": "bullet", "items": ["<b>bold</b>"]}}],
        [{"type": "headline_figures", "value": {"heading": "", "figures": [{"value": "89%"}]}}],
        [{"type": "quote", "value": {"quote": "Hello"}}],
        [{"type": "paragraph", "value": "Bare text"}],
        [{"type": "table", "value": {"table_caption": "T", "data": [["a"]]}}],
        [],
    ],
)
def test_shape_check_rejects_malformed_blocks(body):
    assert body_problems(body) != []


@pytest.mark.parametrize("demo_page", ALL_PAGES, ids=page_id)
def test_page_body_is_valid_for_the_sites_body_block(demo_page):
    block = BodyBlock()
    try:
        block.clean(block.to_python(demo_page["body"]))
    except Exception as error:  # report which block failed, not just "StreamBlock error"
        data = error.as_json_data() if hasattr(error, "as_json_data") else str(error)
        pytest.fail(f"{demo_page['slug']}: {data}")


@pytest.mark.parametrize("demo_page", ALL_PAGES, ids=page_id)
def test_page_has_plain_text_summaries_of_the_right_length(demo_page):
    assert demo_page["type"] in {"content", "report", "policy"}
    assert SLUG.match(demo_page["slug"])
    assert _text(demo_page["title"], 255) == []
    assert _text(demo_page["introduction"]) == []
    assert _text(demo_page["listing_summary"], 300) == []
    assert _text(demo_page["search_description"], 160) == []


def test_page_slugs_are_unique():
    slugs = [page["slug"] for page in ALL_PAGES]
    assert len(slugs) == len(set(slugs))


def test_demo_data_survives_a_json_round_trip():
    data = everything()
    assert json.loads(json.dumps(data)) == data


# --- HTML ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "html"), list(html_fragments()), ids=[where for where, _ in html_fragments()]
)
def test_rich_text_uses_only_allowed_tags(where, html):
    assert html_problems(html) == [], where


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hi<br>there</p>",
        "<h2>Heading</h2>",
        '<p class="lead">Hi</p>',
        '<p><a href="/x" target="_blank">x</a></p>',
        "<p>Unclosed",
        "Bare text",
        "<p>One</p> stray <p>two</p>",
        "<p><strong>crossed</p></strong>",
        "<p><img src=x onerror=alert(1)></p>",
        "",
    ],
)
def test_rich_text_check_rejects_other_markup(html):
    assert html_problems(html) != []


def test_every_rich_text_field_is_checked():
    # A new rich-text field that html_fragments() missed would go unchecked: count them.
    body_html = sum(
        1
        for page in ALL_PAGES
        for item in page["body"]
        if item["type"] in {"paragraph", "inset_text", "details"}
    ) + sum(
        len(item["value"]["items"])
        for page in ALL_PAGES
        for item in page["body"]
        if item["type"] == "accordion"
    )
    assert len(list(html_fragments())) == body_html + 2


# --- Faithful, safe text ---------------------------------------------------------------------


@pytest.mark.parametrize("name", REMOVED_NAMES)
def test_no_personal_name_from_the_sources_remains(name):
    assert name.lower() not in json.dumps(everything(), ensure_ascii=False).lower()


@pytest.mark.parametrize("place", SOURCE_PLACE_NAMES)
def test_no_council_or_place_from_the_sources_is_hard_coded(place):
    assert place.lower() not in json.dumps(everything(), ensure_ascii=False).lower()


@pytest.mark.parametrize("clutter", WEB_CLUTTER)
def test_web_page_clutter_from_the_slides_is_dropped(clutter):
    assert clutter.lower() not in json.dumps(scrutiny.PAGE).lower()


def test_no_placeholder_text():
    text = visible_text(everything()).lower()
    for placeholder in ("lorem", "ipsum", "todo", "tbc", "xxx"):
        assert not re.search(rf"\b{placeholder}\b", text), placeholder


def test_pledges_text_appears_once_although_the_source_repeats_it():
    text = visible_text(everything())
    assert text.count("support the national transfer system for unaccompanied") == 1
    assert text.count("NHS Long Term Plan") == 1
    assert text.count("closed our ideas boards") == 2  # the closed note, and the consultation
    assert visible_text(pledges.PAGE).count("closed our ideas boards") == 1


def test_pledge_page_has_one_section_per_theme_and_the_closed_boards_note():
    themes = [
        "Delivering effective maternity services",
        "Supporting families to start well",
        "Working with the whole family to prevent problems rather than responding to crises",
        "Safeguarding our most vulnerable children",
    ]
    page = pledges.PAGE
    h2s = [item["value"]["text"] for item in page["body"] if item["type"] == "heading"]
    assert [h for h in h2s if h in themes] == themes
    insets = [item["value"] for item in page["body"] if item["type"] == "inset_text"]
    assert any("between February and August 2023" in inset for inset in insets)
    assert any("closed our ideas boards" in inset for inset in insets)


def test_pledge_consultation_is_closed_with_a_board_per_theme():
    assert CONSULTATION["opened"] == "2023-02-01"
    assert CONSULTATION["closed"] == "2023-08-31"
    assert [board["title"] for board in CONSULTATION["boards"]] == pledges.THEMES
    for board in CONSULTATION["boards"]:
        assert _text(board["description"]) == []


def _dates(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATE_KEYS:
                yield f"{path}.{key}", value
            yield from _dates(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _dates(value, f"{path}[{index}]")
    elif isinstance(node, str) and ISO_DATE.match(node):
        yield path, node


def test_every_date_is_an_iso_date():
    found = dict(_dates(everything()))
    assert len(found) >= 6  # report date, three policy dates, two consultation dates
    for path, value in found.items():
        assert isinstance(value, str) and ISO_DATE.match(value), path
        datetime.date.fromisoformat(value)


def test_policy_review_dates_run_in_order():
    page = policy.PAGE
    first = datetime.date.fromisoformat(page["first_released"])
    last = datetime.date.fromisoformat(page["last_reviewed"])
    due = datetime.date.fromisoformat(page["next_review_due"])
    assert page["first_released"] == "2010-04-01"  # "released on 01/04/2010", a UK date
    assert first <= last < due


# --- Page types ------------------------------------------------------------------------------


def test_vision_ambitions_are_the_six_cards_in_the_page():
    cards = [item["value"]["cards"] for item in vision.PAGE["body"] if item["type"] == "cards"]
    assert len(cards) == 1
    assert [{"heading": c["heading"], "text": c["text"]} for c in cards[0]] == AMBITIONS
    assert len(AMBITIONS) == 6
    assert AMBITIONS[2]["text"] == "To grow up safely and healthily"


def test_home_introduction_comes_from_the_vision():
    assert "best possible start in life" in HOME_INTRODUCTION
    assert html_problems(HOME_INTRODUCTION) == []


def test_report_has_its_metadata_and_every_statistic():
    page = scrutiny.PAGE
    assert page["type"] == "report"
    assert page["date"] == "2019-02-05"
    assert page["committee"] == "Children and Young People Scrutiny Committee"
    assert _text(page["audience"]) == []
    assert _text(page["summary"]) == []
    figures = page["headline_figures"]
    for figure in figures:
        assert figure_problems(figure) == []
    assert {
        "value": "89%",
        "label": "of the borough's children attend a good or outstanding school",
        "comparison": "against 86.5% nationally",
    } in figures
    shown = visible_text(figures)
    for statistic in ("33%", "50%", "18", "38", "20", "12,000", "3,000", "4"):
        assert statistic in shown, statistic


def test_report_has_its_sections():
    titles = headings(scrutiny.PAGE)
    for section in (
        "Our vision",
        "Children's social care context",
        "Key achievements and challenges",
        "Education",
        "Youth engagement",
        "Inclusive education for all: SEN Strategy 2019 to 2022",
    ):
        assert section in titles


def test_policy_has_its_metadata_and_sections():
    page = policy.PAGE
    assert page["type"] == "policy"
    assert page["status"] == "adopted"
    assert page["owner_role"] == "Centre Manager"
    assert set(page["topics"]) <= set(POLICY_TOPICS)
    assert [entry["title"] for entry in page["legislation"]] == [
        "Early Years Foundation Stage",
        "Data Protection Act 2018",
        "Freedom of Information Act 2000",
    ]
    for entry in page["legislation"]:
        assert set(entry) == {"title", "url", "note"}
        assert entry["url"] == "" or entry["url"].startswith("https://www.legislation.gov.uk/")
    titles = headings(page)
    for section in (
        "Policy context",
        "Purpose",
        "Aims",
        "Practices",
        "Policy implementation",
        "Arrangements for complaints",
        "Arrangements for review",
        "Comment on this policy",
    ):
        assert section in titles


def test_core_purpose_is_an_eight_point_numbered_list():
    from home.demo_content import childrens_centres_core_purpose as core

    lists = [item["value"] for item in core.PAGE["body"] if item["type"] == "list"]
    assert lists[0]["style"] == "number"
    assert len(lists[0]["items"]) == 8
    assert lists[0]["items"][6] == "Respecting and engaging parents."


def test_service_category_slugs_are_unique_and_stable_looking():
    slugs = [category["slug"] for category in SERVICE_CATEGORIES] + [
        child["slug"] for category in SERVICE_CATEGORIES for child in category["children"]
    ]
    assert len(slugs) == len(set(slugs))
    assert all(SLUG.match(slug) for slug in slugs)


def test_service_categories_are_a_two_level_taxonomy_of_the_right_size():
    assert 6 <= len(SERVICE_CATEGORIES) <= 10
    names = {category["name"] for category in SERVICE_CATEGORIES}
    assert {
        "Early learning and childcare",
        "Parenting and family support",
        "Health visiting and child health",
        "Adult learning and employment",
    } <= names
    for category in SERVICE_CATEGORIES:
        assert set(category) == {"slug", "name", "description", "children"}
        assert 2 <= len(category["children"]) <= 5, category["slug"]
        for child in category["children"]:
            assert set(child) == {"slug", "name", "description"}
            assert _text(child["name"], 100) == [] and _text(child["description"]) == []


# --- Site settings ---------------------------------------------------------------------------


def test_site_contact_details_are_plainly_fictional():
    for key in ("phone", "childrens_services_phone", "out_of_hours_phone"):
        assert DRAMA_PHONE.match(SITE_SETTINGS[key]), key
    assert SITE_SETTINGS["email"].endswith("@example.gov.uk")
    assert re.search(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$", SITE_SETTINGS["address"])
    for link in SITE_SETTINGS["social_links"]:
        assert re.match(r"^https://[a-z.]*example\.gov\.uk/", link["url"])


def test_every_phone_number_and_email_in_the_content_is_fictional():
    text = visible_text(everything())
    for number in re.findall(r"\b0\d{2,4} ?\d{3,4} ?\d{3,4}\b", text):
        assert DRAMA_PHONE.match(number), number
    for address in re.findall(r"[\w.+-]+@[\w.-]+", text):
        assert address.endswith("@example.gov.uk"), address


def test_footer_links_lead_to_demo_pages():
    slugs = {page["slug"] for page in ALL_PAGES}
    assert {link["text"] for link in FOOTER_LINKS} >= {
        "Accessibility statement",
        "Privacy notice",
        "Cookies",
        "Contact us",
    }
    for link in FOOTER_LINKS:
        assert ("slug" in link) != ("url" in link), link
        if "slug" in link:
            assert link["slug"] in slugs, link
        else:
            assert link["url"].startswith("https://"), link


def test_extra_pages_are_content_pages_with_real_text():
    assert {page["title"] for page in EXTRA_PAGES} == {
        "Accessibility statement",
        "Privacy notice",
        "Contact us",
        "Cookies",
    }
    assert all(page["type"] == "content" for page in EXTRA_PAGES)
    assert not set(map(page_id, EXTRA_PAGES)) & set(map(page_id, DOCUMENT_PAGES))


def test_cookies_page_says_only_essential_session_and_csrf_cookies_are_used():
    cookies = next(page for page in EXTRA_PAGES if page["slug"] == "cookies")
    text = visible_text(cookies)
    assert "only essential cookies" in text
    assert "sessionid" in text and "csrftoken" in text


def test_safeguarding_notice_leaves_the_phone_numbers_to_the_site_settings():
    # The notice template shows 999 and the numbers from Settings; typed into the notice they
    # would go stale (in every language) when an editor changes a number.
    body = SAFEGUARDING_NOTICE["body"]
    assert html_problems(body) == []
    for number in ("999", SITE_SETTINGS["childrens_services_phone"], SITE_SETTINGS["phone"]):
        assert number not in body
    assert SITE_SETTINGS["childrens_services_phone"]
    assert SITE_SETTINGS["out_of_hours_phone"]
    assert _text(SAFEGUARDING_NOTICE["heading"], 120) == []
