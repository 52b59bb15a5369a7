"""The search terms report: who may read it, its three tables, its chart and its spreadsheet."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from search.models import SearchQueryDay
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-terms/"
RESULTS = "/admin/reports/search-terms/results/"


def _count(query, days_ago=0, language="en", searches=1, nothing=0, opened=0):
    return SearchQueryDay.objects.create(
        day=timezone.localdate() - datetime.timedelta(days=days_ago),
        language=language,
        query=query,
        searches=searches,
        zero_result_searches=nothing,
        opened=opened,
    )


def _section(html, name):
    return html.split(f'data-table="{name}"', 1)[1].split("</section>", 1)[0]


def _rows(table_html):
    """[(first cell, other cells…)] of a table's body, as text."""
    body = table_html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        tuple(
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        )
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def counts():
    _count("nursery funding", searches=12, opened=5)
    _count("nursery funding", days_ago=3, searches=8, opened=2)
    _count("kids activities weekend", searches=6, nothing=6)
    _count("swiming lessons", days_ago=1, searches=4, nothing=1)  # 3 found results, none opened
    _count("dad support group", searches=3, opened=1)
    _count("żłobek", language="pl", searches=7, nothing=2)
    _count("holiday club", days_ago=20, searches=9, opened=1)
    _count("send", days_ago=60, searches=30, opened=4)


@pytest.fixture
def no_report_user(django_user_model):
    """Signs in to the admin (a consultation moderator) but may not read the search report."""
    user = django_user_model.objects.create_user("reader", "reader@example.gov.uk", "pw-reader-1")
    user.groups.add(Group.objects.get(name="Consultation moderators"))
    return user


def test_signed_out_visitors_are_sent_to_sign_in(client, counts):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_people_without_the_report_permission_are_refused(client, counts, no_report_user):
    client.force_login(no_report_user)
    response = client.get(REPORT, follow=True)
    assertContains(response, "Sorry, you do not have permission to access this area.")
    assertNotContains(response, "nursery funding")
    assert client.get(RESULTS).status_code in (302, 403)
    assert client.get(REPORT, {"export": "csv"}).status_code in (302, 403)
    assertNotContains(client.get("/admin/"), REPORT)


def test_the_report_replaces_wagtails_superuser_only_search_terms(client, superuser):
    client.force_login(superuser)
    home = client.get("/admin/").content.decode()
    assert "/admin/searchpicks/reports/search-terms/" not in home
    assert home.count('"label": "Search terms"') == 1


def test_editors_see_the_most_frequent_searches_first(client, counts, editor):
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    listing = _rows(response.content.decode().split('id="frequent-heading"', 1)[1])
    assert listing == [
        ("nursery funding", "20", "0", "7"),
        ("holiday club", "9", "0", "1"),  # 20 days ago: inside the default 30 days
        ("żłobek", "7", "2", "0"),
        ("kids activities weekend", "6", "6", "0"),
        ("swiming lessons", "4", "1", "0"),
        ("dad support group", "3", "0", "1"),
    ]  # "send", 60 days ago, is not there


def test_the_tables_of_searches_that_found_nothing_and_that_nobody_opened(client, counts, editor):
    client.force_login(editor)
    html = client.get(REPORT, {"language": "en"}).content.decode()
    assert _rows(_section(html, "no-results")) == [
        ("kids activities weekend", "6", "6"),
        ("swiming lessons", "1", "4"),
    ]
    # Found results three times, none opened; "kids activities weekend" had nothing to open.
    assert _rows(_section(html, "unopened")) == [("swiming lessons", "4", "1", "0")]


def test_the_summary_gives_the_share_of_searches_that_found_nothing(client, counts, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"language": "en"})
    assertContains(response, "42 searches in English in the last 30 days.")
    assertContains(response, "7 found nothing (17%); results were opened 9 times.")


def test_the_language_filter_keeps_to_one_language(client, counts, editor):
    client.force_login(editor)
    polish = client.get(REPORT, {"language": "pl"})
    assertContains(polish, "żłobek")
    assertNotContains(polish, "nursery funding")
    every = client.get(REPORT)
    assertContains(every, "żłobek")
    assertContains(every, "nursery funding")


def test_the_period_is_7_30_or_90_days(client, counts, editor):
    client.force_login(editor)
    week = client.get(REPORT, {"period": "7"})
    assertContains(week, "nursery funding")
    assertNotContains(week, "holiday club")
    quarter = client.get(REPORT, {"period": "90"})
    listing = _rows(quarter.content.decode().split('id="frequent-heading"', 1)[1])
    assert listing[0] == ("send", "30", "0", "4")
    assertContains(quarter, "Week from")  # 90 days are drawn a week to a bar


def test_the_chart_counts_searches_per_day_with_those_that_found_nothing(client, counts, editor):
    client.force_login(editor)
    html = client.get(REPORT, {"period": "7", "language": "en"}).content.decode()
    chart = html.split('id="searches-over-time-heading"', 1)[1].split("</figure>", 1)[0]
    rows = _rows(chart.split("<table", 1)[1])
    assert len(rows) == 7  # every day, quiet ones too
    today = rows[-1]
    # Found results, found nothing, all searches: today's 12 + 6 + 3 searches, 6 found nothing.
    assert today[1:] == ("15", "6", "21")
    assert rows[-2][1:] == ("3", "1", "4")
    assert rows[0][1:] == ("0", "0", "0")
    assert "<svg" in chart
    assert "<script" not in chart
    assert "style=" not in chart


def test_filtering_redraws_the_chart_and_tables_with_the_results(client, counts, editor):
    client.force_login(editor)
    response = client.get(RESULTS, {"language": "pl"})
    assertContains(response, 'id="searches-over-time-heading"')
    assertContains(response, 'data-table="no-results"')
    assertContains(response, "żłobek")
    assertNotContains(response, "nursery funding")


def test_a_period_with_no_searches_says_so(client, editor):
    client.force_login(editor)
    response = client.get(REPORT)
    assertContains(response, "No searches were counted in this period.")
    assertContains(response, "None in this period.", count=2)


def test_searching_the_report_narrows_every_table(client, counts, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"q": "swim"})
    assertContains(response, "swiming lessons")
    assertNotContains(response, "nursery funding")


def test_the_report_downloads_as_a_spreadsheet_with_formulas_made_harmless(client, editor):
    _count('=HYPERLINK("http://evil.example","help")', searches=5)
    _count("adhd", searches=2, nothing=1, opened=1)
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Search term"] == '\'=HYPERLINK("http://evil.example","help")'
    assert rows[1] == {
        "Search term": "adhd",
        "Searches": "2",
        "Found nothing": "1",
        "Results opened": "1",
    }
    xlsx = client.get(REPORT, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet["A2"].value.startswith("'=")
    assert sheet["A2"].data_type == "s"


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_give_a_normal_page(client, counts, editor, value):
    client.force_login(editor)
    for name in ("language", "period", "ordering", "q", "p"):
        response = client.get(REPORT, {name: value})
        assert response.status_code == 200, name
        assert b"<script>alert(1)</script>" not in response.content


def test_stored_markup_in_a_query_is_shown_as_text(client, editor):
    _count("<img src=x onerror=alert(1)>", searches=3, nothing=3)
    client.force_login(editor)
    response = client.get(REPORT)
    assertNotContains(response, "<img src=x")
    assertContains(response, "&lt;img src=x onerror=alert(1)&gt;")


@pytest.mark.parametrize("queries", [5, 60])
def test_the_report_reads_a_fixed_number_of_queries(
    client, editor, queries, django_assert_max_num_queries
):
    for number in range(queries):
        _count(f"query {number}", days_ago=number % 30, searches=number % 7 + 1, nothing=number % 2)
    client.force_login(editor)
    client.get(REPORT)  # the session and permissions, read once
    with django_assert_max_num_queries(16):
        assert client.get(REPORT).status_code == 200


def test_the_dashboard_counts_this_weeks_searches_that_found_nothing(client, counts, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assertContains(response, "9 searches found nothing in the last 7 days")
    assertContains(response, f"{REPORT}?period=7")


def test_the_dashboard_count_is_only_for_people_who_may_read_the_report(
    client, counts, no_report_user
):
    client.force_login(no_report_user)
    assertNotContains(client.get("/admin/"), "found nothing in the last")
