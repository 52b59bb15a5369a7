"""The admin's policy review report: who sees it, what it lists, its chart and its export."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories.home import PolicyIndexPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/policies-due-for-review/"


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def policies(home_page, arabic_home_page, locales):
    index = PolicyIndexPageFactory(parent=home_page)
    overdue = PolicyPageFactory(parent=index, title="Hygiene policy", next_review_due=_days(-3))
    due_soon = PolicyPageFactory(parent=index, title="Medication policy", next_review_due=_days(10))
    PolicyPageFactory(parent=index, title="Complaints policy", next_review_due=_days(200))
    PolicyPageFactory(parent=index, title="Behaviour policy", next_review_due=None)
    arabic_index = index.copy_for_translation(locales["ar"])
    arabic_index.save_revision().publish()
    for policy in (overdue, due_soon):
        copy = policy.copy_for_translation(locales["ar"])
        copy.title = f"{policy.title} (العربية)"
        copy.save_revision().publish()
    return {"overdue": overdue, "due_soon": due_soon}


@pytest.fixture
def admin_only_user(django_user_model):
    """Signs in to the admin but looks after no pages (say, someone who reads the directory)."""
    user = django_user_model.objects.create_user("reader", "reader@example.gov.uk", "pw-reader-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_signed_out_visitors_are_sent_to_sign_in(client, policies):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_people_who_look_after_no_pages_cannot_see_the_report(client, policies, admin_only_user):
    client.force_login(admin_only_user)
    response = client.get(REPORT, follow=True)
    assertContains(response, "Sorry, you do not have permission to access this area.")
    assertNotContains(response, "Hygiene policy")
    assertNotContains(client.get("/admin/"), REPORT)  # nor is it offered in the menu


def test_editors_find_the_report_in_the_admin_menu(client, policies, editor):
    client.force_login(editor)
    assertContains(client.get("/admin/"), REPORT)


def test_editor_sees_overdue_and_due_policies_once_each_with_their_languages(
    client, policies, editor
):
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Hygiene policy") == 1
    assert html.count("Medication policy") == 1
    assertNotContains(response, "(العربية)")  # the Arabic copies are the same policies
    assertNotContains(response, "Complaints policy")  # due in 200 days
    assertContains(response, "Arabic, English", count=2)
    assert html.index("Hygiene policy") < html.index("Medication policy")  # soonest first


def test_report_chart_counts_each_policy_once_without_script_or_inline_style(
    client, policies, editor
):
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    chart = html.split('id="review-summary-heading"', 1)[1].split("</table>", 1)[0]
    counts = {
        status: chart.split(f'data-review-status="{status}"', 1)[1].split("<td>", 1)[1]
        for status in ("overdue", "due_soon", "up_to_date", "no_date")
    }
    assert {status: text.split("<", 1)[0].strip() for status, text in counts.items()} == {
        "overdue": "1",
        "due_soon": "1",
        "up_to_date": "1",
        "no_date": "1",
    }
    assert "Due within 30 days" in chart
    assert "<script" not in chart
    assert "style=" not in chart
    assert '<rect x="0" y="0" width="240"' in chart  # the largest count fills the bar


def test_report_exports_a_spreadsheet_with_a_language_column(client, policies, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Policy"] for row in rows] == ["Hygiene policy", "Medication policy"]
    assert [row["Languages"] for row in rows] == ["Arabic, English", "Arabic, English"]
    assert rows[0]["Next review due"] == _days(-3).isoformat()
