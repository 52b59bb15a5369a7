"""The base every public form shares: words kept, hidden controls dropped, errors linked."""

import pytest
from django import forms

from foundation.public_forms import PublicForm
from foundation.text_cleaning import clean_line, clean_text
from services_directory.forms import ProblemReportForm
from tests.submissions import with_token


class NoteForm(PublicForm):
    typed_fields = ("note",)
    error_targets = {"choice": "choice"}

    note = forms.CharField(max_length=20)
    choice = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)


def test_bidirectional_overrides_and_control_characters_are_dropped_but_lines_kept():
    assert (
        clean_text("Call\u202e us\x00 now\r\n\r\n\r\n\r\nThanks\t!") == "Call us now\n\nThanks\t!"
    )
    assert clean_line("  two\nlines\u2066 ") == "two lines"


@pytest.mark.parametrize(
    "control", [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
)
def test_every_embedding_override_and_isolate_is_dropped(control):
    assert clean_text(f"Pay {control}5000‬ now") == "Pay 5000 now"
    assert clean_line(f"{control}Amina") == "Amina"


def test_direction_marks_stay_inside_a_line_and_go_at_its_ends():
    arabic = "‏‏الموعد يوم 12.‏‏ الساعة 5‎\n‏سطر ثان‏ "
    assert clean_text(arabic) == "الموعد يوم 12.‏ الساعة 5\nسطر ثان"
    assert clean_line("‎؜CR0 1AB‏") == "CR0 1AB"


def test_a_problem_report_loses_a_right_to_left_override_not_its_words():
    form = ProblemReportForm(with_token(kind="times", details="Moved to \u202eTuesday"))
    assert form.is_valid()
    assert form.cleaned_data["details"] == "Moved to Tuesday"


def test_errors_link_to_their_fields_and_the_words_stay():
    form = NoteForm({"note": "x" * 30 + "\x00", "choice": "z"}, prefix_id="n-")
    assert not form.is_valid()
    links = {item["href"] for item in form.error_list()}
    assert links == {"#n-note", "#choice"}
    assert form.typed["note"] == "x" * 30


def test_a_nul_byte_is_not_a_refusal_on_its_own():
    form = NoteForm({"note": "a\x00b", "choice": "a"})
    assert form.is_valid()
