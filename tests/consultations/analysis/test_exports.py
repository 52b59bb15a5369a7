"""Feedback exports: CSV and XLSX, formulas escaped, personal data only with permission."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from consultations.exports import FeedbackExport, safe_cell
from tests.factories.consultations import IdeaFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","Click")', "+1", "-2", "@SUM(A1:A2)", "\t=1", "\r=1"]


def export_url(consultation, **params):
    url = reverse("consultation_feedback_export", args=[consultation.pk])
    return url + "?" + "&".join(f"{key}={value}" for key, value in params.items())


def open_xlsx(response):
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content), read_only=True)


def sheet_rows(workbook, title):
    rows = list(workbook[title].iter_rows(values_only=True))
    header = rows[0]
    # Read-only mode leaves trailing empty cells off a row.
    return [dict(zip(header, [*row, *[None] * len(header)], strict=False)) for row in rows[1:]]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def by_title(rows, key="Title"):
    return {row[key]: row for row in rows}


def test_xlsx_has_a_sheet_each_for_ideas_comments_and_supports(
    client, feedback, consultation, community_moderator
):
    client.force_login(community_moderator)

    response = client.get(export_url(consultation, format="xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = open_xlsx(response)
    assert workbook.sheetnames == ["Ideas", "Comments", "Supports"]
    ideas = by_title(sheet_rows(workbook, "Ideas"))
    assert len(ideas) == 10
    dentist = ideas["Dentist visits at nursery"]
    assert dentist["Board"] == "Getting help early"
    assert dentist["Theme"] == "Health"
    assert dentist["Respondent type"] == "A young person"
    assert dentist["Language"] == "ar"
    assert dentist["Moderation status"] == "Published"
    assert dentist["Supports"] == 2
    assert dentist["Response status"] == "Under consideration"
    assert dentist["Our response"] == "We are talking to the dental service."
    assert dentist["Area"] == "CR2"
    assert dentist["Sent"] is not None
    assert ideas["Cheap watches"]["Reason not published"] == "Spam or advertising"
    assert ideas["Evening baby clinic"]["Published comments"] is not None
    comments = sheet_rows(workbook, "Comments")
    assert {row["Comment"] for row in comments} == {
        "Yes please, Tuesdays suit me.",
        "Waiting comment",
        "Buy now",
    }
    assert {row["Idea title"] for row in comments} >= {"Evening baby clinic"}
    supports = by_title(sheet_rows(workbook, "Supports"), key="Idea title")
    assert supports["Evening baby clinic"]["Supports"] == 5
    assert supports["Walk-in health visitor"]["Supports"] == 0


def test_exports_without_permission_leave_out_names_and_emails(
    client, feedback, consultation, community_moderator
):
    client.force_login(community_moderator)

    workbook = open_xlsx(client.get(export_url(consultation, format="xlsx")))
    ideas_csv = client.get(export_url(consultation, format="csv", sheet="ideas"))
    comments_csv = client.get(export_url(consultation, format="csv", sheet="comments"))

    for title in ("Ideas", "Comments"):
        header = next(workbook[title].iter_rows(values_only=True))
        assert "Name" not in header
        assert "Email address" not in header
    for response in (ideas_csv, comments_csv):
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        assert "Amina" not in text
        assert "amina.khan@example.com" not in text


def test_exports_with_permission_include_names_and_emails(
    client, feedback, consultation, data_officer
):
    client.force_login(data_officer)

    workbook = open_xlsx(client.get(export_url(consultation, format="xlsx")))
    comments = csv_rows(client.get(export_url(consultation, format="csv", sheet="comments")))

    clinic = by_title(sheet_rows(workbook, "Ideas"))["Evening baby clinic"]
    assert clinic["Name"] == "Amina Khan"
    assert clinic["Email address"] == "amina.khan@example.com"
    assert by_title(sheet_rows(workbook, "Ideas"))["Waiting idea"]["Email address"] in ("", None)
    tuesday = by_title(comments, key="Comment")["Yes please, Tuesdays suit me."]
    assert tuesday["Email address"] == "amina.khan@example.com"


def test_csv_of_each_sheet_has_headers_and_values(client, feedback, consultation, data_officer):
    client.force_login(data_officer)

    ideas = csv_rows(client.get(export_url(consultation, format="csv", sheet="ideas")))
    supports = csv_rows(client.get(export_url(consultation, format="csv", sheet="supports")))

    assert len(ideas) == 10
    benches = by_title(ideas)["More benches in parks"]
    assert benches["Board"] == "Places"
    assert benches["Response status"] == "Not taken forward"
    assert benches["Language"] == "en"
    assert by_title(supports, key="Idea title")["Evening baby clinic"]["Supports"] == "5"


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_like_text_is_escaped_in_csv_and_xlsx(
    client, boards, consultation, data_officer, value
):
    IdeaFactory(board=boards.early, title="Formula test", description=value, area="")
    client.force_login(data_officer)

    workbook = open_xlsx(client.get(export_url(consultation, format="xlsx")))
    csv_idea = by_title(csv_rows(client.get(export_url(consultation, format="csv"))))

    assert csv_idea["Formula test"]["Description"] == "'" + value
    cell = by_title(sheet_rows(workbook, "Ideas"))["Formula test"]["Description"]
    # A string, never a formula. (XML reads a carriage return back as a line feed.)
    assert cell == "'" + value.replace("\r", "\n")


def test_a_formula_in_a_contributors_name_is_escaped_too(
    client, boards, consultation, data_officer
):
    from tests.factories.consultations import ContributorFactory

    IdeaFactory(
        board=boards.early,
        title="Named idea",
        contributor=ContributorFactory(name="=cmd|' /C calc'!A0", email="x@example.com"),
    )
    client.force_login(data_officer)

    ideas = by_title(sheet_rows(open_xlsx(client.get(export_url(consultation))), "Ideas"))

    assert ideas["Named idea"]["Name"] == "'=cmd|' /C calc'!A0"


def test_safe_cell_leaves_ordinary_text_and_numbers_alone():
    assert safe_cell("Evening clinic - Tuesdays") == "Evening clinic - Tuesdays"
    assert safe_cell(-2) == -2
    assert safe_cell("a\x00b\x07c") == "abc"


def test_hostile_values_in_every_idea_field_survive_the_export(
    client, boards, consultation, data_officer
):
    # As the forms store them: PostgreSQL cannot hold a NUL byte, and the forms drop it.
    stored_values = [value.replace("\x00", "") for value in HOSTILE_VALUES]
    for index, value in enumerate(stored_values):
        IdeaFactory(
            board=boards.early,
            title=f"Hostile {index}",
            description=value,
            public_response=value,
            area=value[:4],
        )
    client.force_login(data_officer)

    workbook = open_xlsx(client.get(export_url(consultation, format="xlsx")))
    csv_ideas = by_title(csv_rows(client.get(export_url(consultation, format="csv"))))
    xlsx_ideas = by_title(sheet_rows(workbook, "Ideas"))

    for index, value in enumerate(stored_values):
        expected = safe_cell(value)
        for ideas in (csv_ideas, xlsx_ideas):
            idea = ideas[f"Hostile {index}"]
            assert (idea["Description"] or "") == expected
            assert (idea["Our response"] or "") == expected
    assert csv_ideas["Hostile 0"]["Description"] == "<script>alert(1)</script>"
    assert xlsx_ideas["Hostile 12"]["Description"] == "'-1"


@pytest.mark.parametrize(
    "params", [{"format": "pdf"}, {"format": "csv", "sheet": "contributors"}, {"format": "%00"}]
)
def test_an_unknown_format_or_sheet_is_a_bad_request(
    client, feedback, consultation, data_officer, params
):
    client.force_login(data_officer)

    assert client.get(export_url(consultation, **params)).status_code == 400


def test_export_reads_rows_in_a_fixed_number_of_queries(
    boards, consultation, django_assert_max_num_queries
):
    for n in range(30):
        IdeaFactory(board=boards.early, title=f"Idea {n}")
    export = FeedbackExport(consultation, personal_data=True)

    with django_assert_max_num_queries(8):
        export.write_xlsx(io.BytesIO())


def test_management_command_writes_the_workbook_and_reports_progress(
    tmp_path, feedback, consultation
):
    output = tmp_path / "feedback.xlsx"
    stdout = io.StringIO()

    call_command("export_feedback", consultation.pk, output=str(output), stdout=stdout)

    workbook = openpyxl.load_workbook(output, read_only=True)
    assert workbook.sheetnames == ["Ideas", "Comments", "Supports"]
    header = next(workbook["Ideas"].iter_rows(values_only=True))
    assert "Email address" not in header  # only with --personal-data
    assert "ideas: 10 rows" in stdout.getvalue()
    assert "comments: 3 rows" in stdout.getvalue()


def test_management_command_writes_csv_with_personal_data_when_asked(
    tmp_path, feedback, consultation
):
    output = tmp_path / "comments.csv"

    call_command(
        "export_feedback",
        consultation.pk,
        output=str(output),
        sheet="comments",
        personal_data=True,
        stdout=io.StringIO(),
    )

    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    assert {row["Email address"] for row in rows} >= {"amina.khan@example.com"}
