"""Flagging: what a moderator is shown first, and how matched words are marked."""

import pytest

from consultations.flagging import flags_for, highlight
from tests.hostile import HOSTILE_VALUES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call me on 07700 900123", ["07700 900123"]),
        ("Ring (020) 7946 0100 after six", ["(020) 7946 0100"]),
        ("My mobile is +44 7700 900123", ["+44 7700 900123"]),
        ("Office +44 (0)20 7946 0100", ["+44 (0)20 7946 0100"]),
        ("Email jo.bloggs+news@example.co.uk please", ["jo.bloggs+news@example.co.uk"]),
        ("We live at 12 Acacia Avenue", ["12 Acacia Avenue"]),
        ("Come to 4 Mill Close", ["4 Mill Close"]),
        ("near 27b station road", ["27b station road"]),
        ("Our postcode is CR0 1AB", ["CR0 1AB"]),
        ("My son is at St Mary's Primary School", ["St Mary's Primary School"]),
        ("She goes to Northbrook Academy", ["Northbrook Academy"]),
        ("Sometimes I self-harm", ["self-harm"]),
        ("I have had suicidal thoughts", ["suicidal"]),
        ("My stepdad hurts me", ["hurts me"]),
        ("There is abuse at home", ["abuse"]),
        ("I'm scared to go home", ["scared to go home"]),
    ],
)
def test_flags_find_safeguarding_words_and_personal_details(text, expected):
    assert flags_for(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "More evening sessions so working parents can come.",
        "We have 2 kids close by and it is on the way",
        "Our School is great and the Nursery too",
        "Stay and play twice a week, 10 till 12, for 2023 and 2024",
        "Rapeseed oil and groceries at the food bank",
        "Primary school places for everyone",
    ],
)
def test_everyday_posts_are_not_flagged(text):
    assert flags_for(text) == []


def test_flags_from_several_texts_come_once_each_in_order():
    flags = flags_for("Call 07700 900123", "Really, call 07700 900123 or email a@b.org")
    assert flags == ["07700 900123", "a@b.org"]


def test_highlight_escapes_the_text_and_marks_each_match():
    html = highlight("<b>Call</b> 07700 900123 & hurt me", ["07700 900123", "hurt me"])
    assert html == ("&lt;b&gt;Call&lt;/b&gt; <mark>07700 900123</mark> &amp; <mark>hurt me</mark>")


def test_highlight_without_flags_only_escapes():
    assert highlight("<script>x</script>", []) == "&lt;script&gt;x&lt;/script&gt;"


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_text_is_never_marked_up(value):
    html = highlight(value, [*flags_for(value), value[:10]])
    assert "<script" not in html
    assert "<img" not in html
