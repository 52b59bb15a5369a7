"""'Create findings report': a draft report page with the consultation's figures and themes."""

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertRedirects
from wagtail.models import PageLogEntry

from home.models import ReportPage

pytestmark = pytest.mark.django_db


def findings_url(consultation):
    return reverse("consultation_findings", args=[consultation.pk])


def test_editor_creates_a_draft_report_under_the_consultation_index(
    client, feedback, consultation, consultation_index, editor
):
    client.force_login(editor)

    response = client.post(findings_url(consultation))

    report = ReportPage.objects.get()
    assertRedirects(
        response,
        reverse("wagtailadmin_pages:edit", args=[report.pk]),
        fetch_redirect_response=False,
    )
    assert report.title == "What you told us: Supporting families early"
    assert not report.live
    assert report.has_unpublished_changes
    assert report.get_parent().pk == consultation_index.pk
    assert report.date == timezone.localdate()
    assert "received 10 ideas and published 6" in report.summary


def test_draft_report_carries_the_headline_figures_and_a_section_per_theme(
    client, feedback, consultation, editor
):
    client.force_login(editor)
    client.post(findings_url(consultation))

    report = ReportPage.objects.get()
    figures = [(block.value["value"], block.value["label"]) for block in report.headline_figures]
    assert figures == [
        ("10", "ideas received"),
        ("6", "ideas published"),
        ("7", "supports for published ideas"),
        ("3", "themes"),
    ]
    headings = [block.value["text"] for block in report.body if block.block_type == "heading"]
    assert headings[:2] == ["Health", "You said, we did"]
    assert "Play and learning" in headings
    assert "Parks" in headings
    assert headings[-1] == "Ideas we did not publish"
    items = [
        item for block in report.body if block.block_type == "list" for item in block.value["items"]
    ]
    assert (
        "Evening baby clinic (Taken forward): We will open the clinic on Tuesday evenings from May."
        in items
    )
    assert not any("Never shown" in item for item in items)  # a rejected idea's response
    assert "Spam or advertising: 1" in items


def test_creating_the_report_is_in_its_history(client, feedback, consultation, editor):
    client.force_login(editor)
    client.post(findings_url(consultation))

    report = ReportPage.objects.get()
    actions = set(
        PageLogEntry.objects.filter(page=report, user=editor).values_list("action", flat=True)
    )
    assert "wagtail.create" in actions
    assert report.latest_revision.user == editor


def test_the_draft_opens_in_the_page_editor(client, feedback, consultation, editor):
    client.force_login(editor)

    response = client.post(findings_url(consultation), follow=True)

    assert response.status_code == 200
    assertContains(response, "What you told us: Supporting families early")


def test_a_second_report_gets_its_own_address(client, feedback, consultation, editor):
    client.force_login(editor)
    client.post(findings_url(consultation))
    client.post(findings_url(consultation))

    slugs = list(ReportPage.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 2


def test_a_plain_link_asks_to_confirm_and_creates_nothing(client, feedback, consultation, editor):
    client.force_login(editor)

    response = client.get(findings_url(consultation))

    assertContains(response, "Create findings report")
    assert not ReportPage.objects.exists()


def test_moderators_who_cannot_add_pages_cannot_create_the_report(
    client, feedback, consultation, community_moderator
):
    client.force_login(community_moderator)

    response = client.post(findings_url(consultation), follow=True)

    assertContains(response, "Sorry, you do not have permission to access this area.")
    assert not ReportPage.objects.exists()


def test_the_report_keeps_hostile_titles_as_plain_text_within_limits(
    client, boards, consultation, editor
):
    from tests.factories.consultations import IdeaFactory

    IdeaFactory(
        board=boards.early,
        title="<script>alert(1)</script>",
        response_status="taken_forward",
        public_response="x" * 2000,
    )
    boards.early.themes.filter(name="Health").update(name="<b>Health</b>")
    client.force_login(editor)
    client.post(findings_url(consultation))

    report = ReportPage.objects.get()
    items = [
        item for block in report.body if block.block_type == "list" for item in block.value["items"]
    ]
    assert items[0].startswith("<script>alert(1)</script> (Taken forward): xxx")  # plain text
    assert all(len(item) <= 500 for item in items)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[report.pk]))
    assert draft.status_code == 200
    assert b"<script>alert(1)</script>" not in draft.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in draft.content
