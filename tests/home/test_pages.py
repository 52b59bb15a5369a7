"""Each page type renders its content for readers."""

import datetime
import re
from itertools import pairwise

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories.home import (
    ContentPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    PolicyTopicFactory,
    ReportPageFactory,
)
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def test_home_page_shows_introduction_and_site_name(client, home_page):
    response = client.get("/en/")
    assertContains(response, "Help for families, from before birth to adulthood.")
    assertContains(response, "Family services")
    assertContains(response, 'lang="en"')
    assertContains(response, 'dir="ltr"')


def _headings(html):
    return [
        (int(level), re.sub(r"<[^>]+>|\s+", " ", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, flags=re.S)
    ]


def test_home_page_ambition_cards_are_subheadings_of_their_section(client, home_page):
    home_page.ambitions_heading = "What we want for every child"
    home_page.ambitions = [
        {
            "type": "cards",
            "value": {
                "heading": "",
                "cards": [
                    {
                        "heading": "Respect and belonging",
                        "text": "",
                        "page": None,
                        "external_url": "",
                    },
                    {"heading": "Healthy and safe", "text": "", "page": None, "external_url": ""},
                ],
            },
        }
    ]
    home_page.save_revision().publish()
    outline = _headings(client.get("/en/").content.decode())
    section = outline.index((2, "What we want for every child"))
    assert outline[section + 1 : section + 3] == [
        (3, "Respect and belonging"),
        (3, "Healthy and safe"),
    ]
    levels = [level for level, _text in outline]
    assert all(later - earlier <= 1 for earlier, later in pairwise(levels)), outline


def _labels_point_at_headings(html):
    for target in re.findall(r'aria-labelledby="([^"]+)"', html):
        assert f'id="{target}"' in html, f"aria-labelledby={target} names nothing on the page"


def test_root_redirects_to_visitors_language(client, home_page, locales):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_content_page_renders_stream_blocks(client, home_page):
    page = ContentPageFactory(
        parent=home_page,
        title="Help with childcare costs",
        body=[
            {"type": "heading", "value": {"text": "Who can get help", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Most working families can get help.</p>"},
            {"type": "inset_text", "value": "<p>You can apply from 3 months before.</p>"},
            {
                "type": "warning_text",
                "value": {"text": "You could be fined if you give false information."},
            },
            {
                "type": "details",
                "value": {"summary": "If you are a student", "body": "<p>Student help.</p>"},
            },
            {"type": "list", "value": {"style": "number", "items": ["Check", "Apply"]}},
            {
                "type": "quote",
                "value": {"quote": "It changed our lives.", "attribution": "A parent"},
            },
        ],
    )
    response = client.get(page.url)
    for text in [
        "Help with childcare costs",
        "Who can get help",
        "Most working families can get help.",
        "You can apply from 3 months before.",
        "You could be fined if you give false information.",
        "If you are a student",
        "It changed our lives.",
        "govuk-inset-text",
        "govuk-warning-text",
        "govuk-details",
    ]:
        assertContains(response, text)


def test_content_page_lists_its_child_pages(client, home_page):
    parent = ContentPageFactory(parent=home_page, title="Early years")
    ContentPageFactory(parent=parent, title="Free childcare for 2 year olds")
    assertContains(client.get(parent.url), "Free childcare for 2 year olds")


def test_report_page_shows_comparison_beside_headline_figure(client, home_page):
    report = ReportPageFactory(
        parent=home_page,
        headline_figures=[
            {
                "type": "headline_figure",
                "value": {
                    "value": "89%",
                    "label": "children in good or outstanding schools",
                    "comparison": "against 86.5% nationally",
                },
            }
        ],
    )
    response = client.get(report.url)
    assertContains(response, "89%")
    assertContains(response, "against 86.5% nationally")
    assertContains(response, "Children and Young People Scrutiny Committee")
    assertContains(response, "5 February 2024")


def test_report_headline_figures_use_the_styled_figure_grid(client, home_page):
    """The figures are a grid of boxes, not a bulleted list: the class the stylesheet styles."""
    report = ReportPageFactory(
        parent=home_page,
        headline_figures=[
            {"type": "headline_figure", "value": {"value": v, "label": "schools", "comparison": ""}}
            for v in ("89%", "33%")
        ],
    )
    html = client.get(report.url).content.decode()
    figures = html.split('id="headline-figures-heading"', 1)[1]
    assert '<ul class="app-headline-figures" role="list">' in figures
    assert figures.index("89%") < figures.index("33%") < figures.index("</ul>")
    stylesheet = (settings.BASE_DIR / "static_src" / "scss" / "_content.scss").read_text()
    grid = stylesheet.split(".app-headline-figures {", 1)[1].split("}", 1)[0]
    assert "display: grid" in grid
    assert "list-style: none" in grid


@pytest.fixture
def policy_index(home_page):
    return PolicyIndexPageFactory(parent=home_page)


def test_policy_page_shows_metadata_and_review_dates(client, policy_index):
    policy = PolicyPageFactory(
        parent=policy_index,
        title="Partnership with parents policy",
        first_released=datetime.date(2010, 4, 1),
        last_reviewed=datetime.date(2026, 4, 1),
        next_review_due=datetime.date(2027, 4, 1),
        legislation=[
            {"type": "reference", "value": {"title": "Children Act 1989", "url": "", "note": ""}}
        ],
    )
    response = client.get(policy.url)
    for text in ["Centre Manager", "Adopted", "1 April 2010", "1 April 2027", "Children Act 1989"]:
        assertContains(response, text)
    assertContains(response, "Comment on this policy")


def test_policy_sidebar_names_only_headings_that_are_there(client, policy_index):
    alone = PolicyPageFactory(parent=policy_index, title="Food and drink policy")
    html = client.get(alone.url).content.decode()
    assert "Related policies" not in html
    _labels_point_at_headings(html)
    other = PolicyPageFactory(parent=policy_index, title="Hygiene policy")
    alone.related_policies.create(related=other)
    alone.save_revision().publish()
    html = client.get(alone.url).content.decode()
    assert 'aria-labelledby="related-heading"' in html
    _labels_point_at_headings(html)


def test_related_policies_link_both_ways(client, policy_index):
    first = PolicyPageFactory(parent=policy_index, title="Behaviour policy")
    second = PolicyPageFactory(parent=policy_index, title="Complaints policy")
    first.related_policies.create(related=second)
    first.save_revision().publish()
    assertContains(client.get(first.url), "Complaints policy")
    assertContains(client.get(second.url), "Behaviour policy")


def _history(response):
    html = response.content.decode().split('id="history-heading"', 1)[1].split("</ol>", 1)[0]
    return [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"</time>([^<]*)", html)]


def test_policy_version_history_shows_each_note_once_on_its_own_version(client, policy_index):
    policy = PolicyPageFactory(parent=policy_index)
    policy.change_note = "First adopted version"
    policy.save_revision().publish()
    policy.change_note = "Updated the complaints contact"
    policy.save_revision().publish()
    policy.summary = "A corrected summary."  # the note field still holds the last note
    policy.save_revision().publish()
    # Newest first.
    assert _history(client.get(policy.url)) == [
        "",
        ": Updated the complaints contact",
        ": First adopted version",
    ]


def test_policy_change_note_starts_blank_after_publishing(client, policy_index, superuser):
    policy = PolicyPageFactory(parent=policy_index)
    policy.change_note = "First adopted version"
    policy.save_revision().publish()
    client.force_login(superuser)
    form = client.get(f"/admin/pages/{policy.pk}/edit/").context["form"]
    assert form["change_note"].value() in ("", None)

    policy.change_note = "Draft: new complaints contact"
    policy.save_revision()  # saved, not yet published: the editor's note is kept
    form = client.get(f"/admin/pages/{policy.pk}/edit/").context["form"]
    assert form["change_note"].value() == "Draft: new complaints contact"


def test_policy_index_filters_by_topic_and_status(client, policy_index):
    topic = PolicyTopicFactory(name="Safeguarding", slug="safeguarding")
    safeguarding = PolicyPageFactory(
        parent=policy_index, title="Child protection policy", status="adopted"
    )
    safeguarding.topics.add(topic)
    safeguarding.save_revision().publish()
    PolicyPageFactory(parent=policy_index, title="Food and drink policy", status="under_review")

    response = client.get(policy_index.url, {"topic": "safeguarding"})
    assertContains(response, "Child protection policy")
    assertNotContains(response, "Food and drink policy")

    response = client.get(policy_index.url, {"status": "under_review"})
    assertContains(response, "Food and drink policy")
    assertNotContains(response, "Child protection policy")


def test_policy_index_lists_each_topic_separately(client, policy_index):
    """Readers, and screen readers, get "Children's centres" and "Early years" as two items."""
    policy = PolicyPageFactory(parent=policy_index, title="Partnership with parents policy")
    policy.topics.add(
        PolicyTopicFactory(name="Children's centres", slug="childrens-centres"),
        PolicyTopicFactory(name="Early years", slug="early-years"),
    )
    policy.save_revision().publish()
    html = client.get(policy_index.url).content.decode()
    assert "Children&#x27;s centresEarly years" not in html
    topics = html.split('class="app-topic-list"', 1)[1].split("</ul>", 1)[0]
    assert 'aria-label="Topics"' in topics
    assert re.findall(r"<li[^>]*>([^<]*)</li>", topics) == [
        "Children&#x27;s centres",
        "Early years",
    ]


def _assert_not_reflected_as_markup(response, value):
    if "<" in value or ">" in value:
        assertNotContains(response, value)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("name", ["topic", "status"])
def test_policy_index_answers_hostile_filters_with_a_message(client, policy_index, name, value):
    PolicyPageFactory(parent=policy_index, title="Hygiene policy")
    response = client.get(policy_index.url, {name: value})
    assert response.status_code == 200
    assertContains(response, "There is a problem")
    assertContains(response, "Select a valid choice.")
    assertContains(response, "0 policies")
    _assert_not_reflected_as_markup(response, value)


@pytest.mark.parametrize("value", [*HOSTILE_VALUES, "0", "2.5", "99999999999999999999", "last"])
def test_policy_index_shows_a_page_of_policies_whatever_the_page_number(
    client, policy_index, value
):
    PolicyPageFactory(parent=policy_index, title="Hygiene policy")
    response = client.get(policy_index.url, {"page": value})
    assert response.status_code == 200
    assertContains(response, "Hygiene policy")
    assertNotContains(response, "There is a problem")
    _assert_not_reflected_as_markup(response, value)


@pytest.mark.parametrize(
    "query",
    [
        "topic=safeguarding&topic=%3Cscript%3Ealert(1)%3C/script%3E",
        "status=adopted&status=draft&status=%22%3E%3Cimg%20src=x%3E",
        "topic[]=safeguarding&status[]=adopted&page[]=2",
        "topic=1&status=1&page=1",
        "page=1&page=%3Cb%3E&page=2",
        "status=ADOPTED",
        "topic=%E2%80%AE%E2%80%8B&status=%00",
    ],
)
def test_policy_index_survives_repeated_and_wrongly_typed_parameters(client, policy_index, query):
    PolicyTopicFactory(name="Safeguarding", slug="safeguarding")
    PolicyPageFactory(parent=policy_index, title="Hygiene policy")
    response = client.get(f"{policy_index.url}?{query}")
    assert 200 <= response.status_code < 500
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert '"><img src=x>' not in html
    assert "<b>" not in html.split("<main", 1)[1]
    assert "There is a problem" in html or "Hygiene policy" in html


def test_overdue_policy_is_marked_for_readers(client, policy_index):
    policy = PolicyPageFactory(parent=policy_index, next_review_due=datetime.date(2020, 1, 1))
    assertContains(client.get(policy.url), "Review overdue")
