"""The parity tests are only as good as their comparison: it must ignore formatting, not content."""

import pytest

from .support import normalise


def test_formatting_and_attribute_order_do_not_matter():
    assert normalise('<p  class="b a" id="x">\n  Some   text\n</p>') == normalise(
        '<p id="x" class="a b">Some text</p>'
    )


def test_entities_and_boolean_attribute_spellings_compare_equal():
    assert normalise('<input disabled="disabled" value="It&#39;s">') == normalise(
        '<input disabled value="It\'s">'
    )


@pytest.mark.parametrize(
    ("expected", "rendered"),
    [
        ("<p>Text</p>", "<p>Other text</p>"),
        ('<p class="govuk-body">Text</p>', '<p class="govuk-body-s">Text</p>'),
        ('<input aria-describedby="a b">', '<input aria-describedby="b a">'),
        ("<div><p>Text</p></div>", "<div></div><p>Text</p>"),
        ("<strong>Warning</strong>", "&lt;strong&gt;Warning&lt;/strong&gt;"),
        ('<a href="/a">Link</a>', '<a href="/b">Link</a>'),
    ],
    ids=["text", "class", "describedby-order", "nesting", "escaping", "attribute-value"],
)
def test_differences_a_reader_would_notice_are_reported(expected, rendered):
    assert normalise(expected) != normalise(rendered)


def test_unclosed_markup_is_an_error():
    with pytest.raises(AssertionError, match="Unclosed"):
        normalise("<div><p>Text</p>")
