"""The "Translations to do" report and its dashboard panel: states, filters, chart, exports."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import SafeguardingNotice
from home.translation_report import translation_statuses
from tests.factories.home import ContentPageFactory
from tests.factories.services_directory import TaxonomyTermFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations-to-do/"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def polish_home_page(home_page, locales):
    polish = home_page.copy_for_translation(locales["pl"])
    polish.save_revision().publish()
    return polish


def _page(parent, title):
    page = ContentPageFactory(parent=parent, title=title, introduction=f"About {title.lower()}.")
    page.save_revision().publish()
    return page


def _start_translation(instance, locale, on_commit):
    """What "Translate" does: record the English strings and make a draft copy."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return translation


def _translate(translation, *, machine=(), skip=()):
    """Give every English string a translation, by machine for those named in `machine`."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in skip:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": f"PL {segment.string.data}",
                "translation_type": "machine" if segment.string.data in machine else "manual",
                "tool_name": "LibreTranslate" if segment.string.data in machine else "",
            },
        )


def _save(translation, on_commit):
    with on_commit(execute=True):
        translation.save_target(publish=True)


@pytest.fixture
def pages(home_page, polish_home_page, locales, django_capture_on_commit_callbacks):
    """One English page in each state in Polish, each step at its own time."""
    on_commit = django_capture_on_commit_callbacks
    with time_machine.travel(START, tick=False) as clock:
        missing = _page(home_page, "Nursery funding")
        incomplete = _page(home_page, "School transport")
        machine = _page(home_page, "Short breaks")
        current = _page(home_page, "Youth clubs")
        stale = _page(home_page, "Free school meals")
        clock.shift(60)
        translations = {}
        for page in (incomplete, machine, current, stale):
            translations[page.title] = _start_translation(page, locales["pl"], on_commit)
        clock.shift(60)
        _translate(translations["School transport"], skip={"About school transport."})
        _translate(translations["Short breaks"], machine={"About short breaks."})
        _translate(translations["Youth clubs"])
        _translate(translations["Free school meals"])
        for title in ("Short breaks", "Youth clubs", "Free school meals"):
            _save(translations[title], on_commit)
        clock.shift(60)
        # The English changes after its translation was published.
        stale.introduction = "About free school meals, now for every infant."
        stale.save_revision().publish()
    return {
        "missing": missing,
        "incomplete": incomplete,
        "machine": machine,
        "current": current,
        "stale": stale,
        "translations": translations,
    }


def _rows(client, **params):
    """The report's CSV export as dicts, one per page or snippet and language."""
    response = client.get(REPORT, {**params, "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _states(client, language="pl", **params):
    return {
        row["English title"]: row["State"]
        for row in _rows(client, language=language, **params)
        if row["Type"] == "Content page"
    }


@pytest.fixture
def admin_only_user(django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.gov.uk", "pw-reader-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_signed_out_visitors_are_sent_to_sign_in(client, pages):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_people_who_look_after_no_pages_cannot_see_the_report(client, pages, admin_only_user):
    client.force_login(admin_only_user)
    response = client.get(REPORT, follow=True)
    assertContains(response, "Sorry, you do not have permission to access this area.")
    assertNotContains(response, "Nursery funding")
    dashboard = client.get("/admin/")
    assertNotContains(dashboard, REPORT)
    assertNotContains(dashboard, "Translations to do")


def test_each_page_has_its_state_in_polish(client, pages, editor):
    client.force_login(editor)
    assert _states(client) == {
        "Nursery funding": "Not translated",
        "School transport": "Incomplete",
        "Short breaks": "Machine translated, not reviewed",
        "Youth clubs": "Up to date",
        "Free school meals": "Out of date",
    }
    # In Arabic nothing has been started.
    assert set(_states(client, language="ar").values()) == {"Not translated"}


def test_report_counts_strings_translated_and_machine_translated(client, pages, editor):
    client.force_login(editor)
    rows = {row["English title"]: row for row in _rows(client, language="pl")}
    # Title, address (slug) and introduction: three strings each.
    assert rows["School transport"]["Strings translated"] == "2"
    assert rows["School transport"]["Strings in all"] == "3"
    assert rows["Short breaks"]["Strings machine translated, not reviewed"] == "1"
    assert rows["Nursery funding"]["Strings in all"] == ""  # never submitted


def test_a_machine_translation_once_reviewed_is_up_to_date(client, pages, editor):
    client.force_login(editor)
    StringTranslation.objects.filter(translation_type="machine").update(
        translation_type="manual", tool_name=""
    )  # what saving it in the translation editor records
    assert _states(client)["Short breaks"] == "Up to date"


def test_a_translation_saved_as_a_draft_is_not_up_to_date_until_published(
    client, pages, editor, django_capture_on_commit_callbacks
):
    """The translation editor's "Save draft": every string is translated, but Polish readers
    still see the old page, so the report says so and points to publishing it."""
    client.force_login(editor)
    translation = pages["translations"]["Youth clubs"]
    StringTranslation.objects.filter(
        translation_of__data="About youth clubs.", locale=translation.target_locale
    ).update(data="O klubach młodzieżowych.")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)
    rows = {row["English title"]: row for row in _rows(client, language="pl")}
    assert rows["Youth clubs"]["State"] == "Translated, not published"
    html = client.get(REPORT, {"language": "pl", "state": "unpublished"}).content.decode()
    assert "Youth clubs" in html
    assert "Review and publish" in html
    polish = Page.objects.get(
        translation_key=pages["current"].translation_key, locale__language_code="pl"
    )
    polish.get_latest_revision().publish()
    assert _states(client)["Youth clubs"] == "Up to date"


def test_report_lists_the_most_urgent_first_and_links_each_next_step(client, pages, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"language": "pl"})
    html = response.content.decode()
    order = ["Nursery funding", "Free school meals", "School transport", "Short breaks"]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    submit = f"/admin/localize/submit/page/{pages['missing'].pk}/"
    assertContains(response, f'href="{submit}"')
    sync = f"/admin/localize/update/{pages['translations']['Free school meals'].source_id}/"
    assertContains(response, f'href="{sync}"')
    polish_transport = Page.objects.get(
        translation_key=pages["incomplete"].translation_key, locale__language_code="pl"
    )
    assertContains(response, f'href="/admin/pages/{polish_transport.pk}/edit/"')
    # Each "Translate" link says which page and language it is for.
    assertContains(
        response, f'<a href="{submit}">Translate<span class="w-sr-only"> Nursery funding (Polish)'
    )


def test_filter_by_state_and_needs_work(client, pages, editor):
    client.force_login(editor)
    assert _states(client, state="missing") == {"Nursery funding": "Not translated"}
    needs_work = _states(client, state="needs_work")
    assert "Youth clubs" not in needs_work
    assert set(needs_work) == {
        "Nursery funding",
        "School transport",
        "Short breaks",
        "Free school meals",
    }
    response = client.get(REPORT, {"language": "pl", "state": "out_of_date"})
    assertContains(response, "Free school meals")
    assertNotContains(response, "Nursery funding</a>")


def test_snippets_are_listed_with_pages(client, pages, editor, locales):
    notice = SafeguardingNotice.objects.create(
        locale=locales["en"], heading="If a child is in danger, call 999", live=True
    )
    notice.save_revision().publish()
    client.force_login(editor)
    rows = [row for row in _rows(client, language="pl") if row["Type"] == "Safeguarding notice"]
    assert [(row["English title"], row["State"]) for row in rows] == [
        ("If a child is in danger, call 999", "Not translated")
    ]
    response = client.get(REPORT, {"language": "pl", "state": "missing"})
    assertContains(
        response,
        f'href="/admin/localize/submit/snippet/home/safeguardingnotice/{notice.pk}/"',
    )


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_answer_without_error(client, polish_home_page, editor, value):
    client.force_login(editor)
    response = client.get(REPORT, {"language": value, "state": value})
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")


def test_chart_shows_each_language_by_state_with_a_table(client, pages, editor):
    client.force_login(editor)
    response = client.get(REPORT)
    html = response.content.decode()
    chart = html.split('id="translation-summary-heading"', 1)[1].split("</figure>", 1)[0]
    assert "Translation state by language" in chart
    assert "style=" not in chart  # the CSP allows no inline style
    polish_row = chart.split('<th scope="row">Polish</th>', 1)[1].split("</tr>", 1)[0]
    # Not translated, out of date, incomplete, machine, not published, up to date, total: the
    # five pages, the home page (copied, not translated: up to date by its dates) and the site
    # text snippet.
    cells = [cell.split("</td>")[0] for cell in polish_row.split("<td>")[1:]]
    assert cells == ["2", "1", "1", "1", "0", "2", "7"]


def test_exports_as_csv_and_xlsx(client, pages, editor):
    client.force_login(editor)
    rows = _rows(client)
    assert {row["Language"] for row in rows} == {"Polish", "Romanian", "Arabic", "Urdu", "Bengali"}
    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_dashboard_shows_per_language_how_many_items_need_work(client, pages, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assertContains(response, "Translations to do")
    assertContains(
        response,
        f'<a href="{REPORT}?language=pl&amp;state=needs_work">5 items need work'
        '<span class="w-sr-only"> (Polish)</span></a>',
        html=False,
    )
    assertContains(response, f'href="{REPORT}?language=ar&amp;state=needs_work">7 items need work')


def test_the_report_is_in_the_reports_menu(client, pages, editor):
    client.force_login(editor)
    assertContains(client.get("/admin/"), f'"url": "{REPORT}"')


def test_report_queries_stay_flat_as_pages_grow(home_page, polish_home_page, locales):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            statuses = translation_statuses()
        return len(captured), len(statuses)

    top = TaxonomyTermFactory(name="Childcare", locale=locales["en"])
    for n in range(3):
        _page(home_page, f"Page {n}")
        TaxonomyTermFactory(name=f"Term {n}", parent=top, locale=locales["en"])
    few, few_rows = queries()
    for n in range(3, 15):
        page = _page(home_page, f"Page {n}")
        source, _ = TranslationSource.get_or_create_from_instance(page)
        Translation.objects.create(source=source, target_locale=locales["pl"])
        # A subcategory's name in the report names its parent too.
        TaxonomyTermFactory(name=f"Term {n}", parent=top, locale=locales["en"])
    many, many_rows = queries()
    assert many_rows > few_rows
    assert many == few


def test_out_of_date_is_shown_once_the_english_changes_and_cleared_by_sync_and_publish(
    client, home_page, polish_home_page, locales, editor, django_capture_on_commit_callbacks
):
    on_commit = django_capture_on_commit_callbacks
    with time_machine.travel(START, tick=False) as clock:
        page = _page(home_page, "Parenting courses")
        clock.shift(60)
        translation = _start_translation(page, locales["pl"], on_commit)
        _translate(translation)
        _save(translation, on_commit)
        client.force_login(editor)
        assert _states(client)["Parenting courses"] == "Up to date"

        clock.shift(60)
        page.introduction = "About parenting courses, in the evenings too."
        page.save_revision().publish()
        assert _states(client)["Parenting courses"] == "Out of date"

        clock.shift(60)
        translation.source.update_from_db()  # "Sync translated pages", without publishing
        row = next(
            row
            for row in _rows(client, language="pl")
            if row["English title"] == "Parenting courses"
        )
        assert (row["State"], row["Strings translated"], row["Strings in all"]) == (
            "Out of date",
            "2",
            "3",
        )

        clock.shift(60)
        _translate(translation)
        _save(translation, on_commit)
        assert _states(client)["Parenting courses"] == "Up to date"
