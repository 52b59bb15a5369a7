"""The base every public form shares: words kept, hidden controls dropped, errors linked."""

from django import forms

from council_site.public_forms import PublicForm
from council_site.text_cleaning import clean_line, clean_text
from services_directory.forms import ProblemReportForm


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


def test_a_problem_report_loses_a_right_to_left_override_not_its_words():
    form = ProblemReportForm({"kind": "times", "details": "Moved to \u202eTuesday"})
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
