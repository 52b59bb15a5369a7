"""The feedback dashboard: who may see it, where it is linked from, and its charts and tables."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories.home import ContentPageFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def dashboard(consultation):
    return reverse("consultation_feedback", args=[consultation.pk])


def section(html, start, end="</figure>"):
    return html.split(start, 1)[1].split(end, 1)[0]


def test_signed_out_visitors_are_sent_to_sign_in(client, feedback, consultation):
    response = client.get(dashboard(consultation))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_people_who_neither_edit_nor_moderate_are_refused(
    client, feedback, consultation, admin_only_user
):
    client.force_login(admin_only_user)

    response = client.get(dashboard(consultation), follow=True)

    assertContains(response, "Sorry, you do not have permission to access this area.")
    assertNotContains(response, "Ideas by theme")
    export = reverse("consultation_feedback_export", args=[consultation.pk])
    assert client.get(export).status_code == 302  # refused the same way, with no file
    assertNotContains(client.get("/admin/"), "/admin/reports/consultation-feedback/")


def test_moderators_who_edit_no_pages_see_the_dashboard(
    client, feedback, consultation, community_moderator
):
    client.force_login(community_moderator)

    response = client.get(dashboard(consultation))

    assert response.status_code == 200
    assertContains(response, "Ideas by theme")
    assertNotContains(response, "Create findings report")  # they may not add pages


def test_editors_see_the_dashboard_and_the_findings_action(client, feedback, consultation, editor):
    client.force_login(editor)

    response = client.get(dashboard(consultation))

    assert response.status_code == 200
    assertContains(response, "Create findings report")


def test_an_unknown_page_is_not_found(admin_client, feedback, home_page):
    url = reverse("consultation_feedback", args=[home_page.pk])

    assert admin_client.get(url, follow=True).status_code == 404


def test_charts_show_ideas_by_theme_with_the_same_numbers_in_a_table(
    admin_client, feedback, consultation
):
    html = admin_client.get(dashboard(consultation)).content.decode()

    theme_chart = section(html, 'id="chart-theme-heading"')
    assert '<th scope="row">Health</th><td>3</td>' in theme_chart
    assert '<th scope="row">Play and learning</th><td>2</td>' in theme_chart
    assert '<th scope="row">Parks</th><td>5</td>' in theme_chart
    # Parks, the third bar, fills the chart; Health's is 3/5 of it. Screen readers skip the SVG
    # and read the table.
    assert '<rect x="0" y="76" width="360" height="28"' in theme_chart
    assert '<rect x="0" y="0" width="216" height="28"' in theme_chart
    assert 'aria-hidden="true"' in theme_chart
    for chart_id in ("chart-respondent", "chart-theme-respondent", "chart-area", "chart-day"):
        chart = section(html, f'id="{chart_id}-heading"')
        assert "<svg" in chart
        assert "<table" in chart
        assert "<script" not in chart
        assert "style=" not in chart


def test_charts_count_respondent_types_areas_and_theme_by_respondent_type(
    admin_client, feedback, consultation
):
    html = admin_client.get(dashboard(consultation)).content.decode()

    respondents = section(html, 'id="chart-respondent-heading"')
    assert '<th scope="row">A parent or carer</th><td>7</td>' in respondents
    assert '<th scope="row">A young person</th><td>1</td>' in respondents
    areas = section(html, 'id="chart-area-heading"')
    assert '<th scope="row">CR0</th><td>8</td>' in areas
    assert '<th scope="row">Not given</th><td>1</td>' in areas
    crosstab = section(html, 'id="chart-theme-respondent-heading"')
    # Parents, young people, professionals, others, then the total.
    assert (
        '<th scope="row">Health</th><td>2</td><td>1</td><td>0</td><td>0</td><td>3</td>' in crosstab
    )
    assert (
        '<th scope="row">Parks</th><td>4</td><td>0</td><td>0</td><td>1</td><td>5</td>' in crosstab
    )


def test_dashboard_shows_what_happened_to_contributions(admin_client, feedback, consultation):
    response = admin_client.get(dashboard(consultation))

    assertContains(
        response,
        '<tr data-figures="ideas"><th scope="row">Ideas</th>'
        "<td>10</td><td>6</td><td>1</td><td>3</td></tr>",
    )
    assertContains(response, '<th scope="row">Spam or advertising</th><td>1</td><td>1</td>')
    assertContains(response, "Published ideas were supported 7 times.")


def test_counting_published_ideas_only_changes_the_charts(admin_client, feedback, consultation):
    html = admin_client.get(dashboard(consultation), {"count": "published"}).content.decode()

    theme_chart = section(html, 'id="chart-theme-heading"')
    assert '<th scope="row">Parks</th><td>2</td>' in theme_chart
    assert '<th scope="row">Play and learning</th><td>1</td>' in theme_chart


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_hostile_count_parameter_counts_everything(admin_client, feedback, consultation, value):
    response = admin_client.get(dashboard(consultation), {"count": value})

    assert response.status_code == 200
    assertContains(response, '<th scope="row">Parks</th><td>5</td>')
    assertNotContains(response, "<script>alert(1)</script>")


def test_a_consultation_page_links_to_its_dashboard_from_its_header(
    admin_client, feedback, consultation
):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))

    assertContains(response, dashboard(consultation))


def test_consultation_listings_offer_the_dashboard_in_the_more_menu(
    admin_client, feedback, consultation, consultation_index
):
    response = admin_client.get(reverse("wagtailadmin_explore", args=[consultation_index.pk]))

    assertContains(response, dashboard(consultation))


def test_other_pages_offer_no_feedback_link(admin_client, home_page):
    page = ContentPageFactory(parent=home_page)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assertNotContains(response, "/feedback/")


def test_reports_menu_lists_consultations_with_a_link_to_each_dashboard(
    client, feedback, consultation, community_moderator
):
    client.force_login(community_moderator)
    assertContains(client.get("/admin/"), "/admin/reports/consultation-feedback/")

    response = client.get(reverse("consultation_feedback_index"))

    assert response.status_code == 200
    assertContains(response, "Supporting families early")
    assertContains(response, dashboard(consultation))
