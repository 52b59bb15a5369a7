"""The block templates: what a reader sees for each StreamField block an editor adds."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import (
    AccordionBlock,
    BodyBlock,
    CallToActionBlock,
    CardsBlock,
    DetailsBlock,
    DocumentBlock,
    HeadingBlock,
    HeadlineFiguresBlock,
    ImageBlock,
    InsetTextBlock,
    LinkListBlock,
    ListBlock,
    QuoteBlock,
    ReferenceBlock,
    TableBlock,
    WarningTextBlock,
)

from .support import normalise


def render_block(block, raw_value, context=None):
    html = block.render(block.to_python(raw_value), context=context)
    normalise(html)  # well-formed, or this raises
    return html


def render_body(stream_data):
    """Render a page body the way {% include_block page.body %} does, with block ids."""
    body = BodyBlock()
    return "".join(child.render() for child in body.to_python(stream_data))


def test_heading_uses_the_chosen_level_and_an_id_for_in_page_links():
    h2 = render_block(HeadingBlock(), {"text": "Who can apply", "level": "h2"})
    h3 = render_block(HeadingBlock(), {"text": "Before you apply", "level": "h3"})

    assert '<h2 class="govuk-heading-l" id="who-can-apply">Who can apply</h2>' in h2
    assert '<h3 class="govuk-heading-m" id="before-you-apply">Before you apply</h3>' in h3


def test_heading_in_a_script_slugify_cannot_spell_falls_back_to_the_block_id():
    html = render_body(
        [{"type": "heading", "value": {"text": "من يمكنه التقديم", "level": "h2"}, "id": "b7d1"}]
    )

    assert '<h2 class="govuk-heading-l" id="section-b7d1">من يمكنه التقديم</h2>' in html


def test_paragraph_rich_text_is_styled_as_prose():
    html = render_body([{"type": "paragraph", "value": "<p>Call us <b>today</b>.</p>", "id": "p1"}])

    assert '<div class="govuk-body app-prose"><p>Call us <b>today</b>.</p></div>' in html


def test_inset_warning_and_details_blocks_use_the_gov_uk_components():
    inset = render_block(InsetTextBlock(), "<p>It can take up to 8 weeks.</p>")
    warning = render_block(WarningTextBlock(), {"text": "You can be fined up to £5,000."})
    details = render_block(
        DetailsBlock(), {"summary": "Help with nationality", "body": "<p>Ask us.</p>"}
    )

    assert re.search(
        r'<div class="govuk-inset-text app-prose">\s*<p>It can take up to 8 weeks.</p>', inset
    )
    assert '<span class="govuk-visually-hidden">Warning</span>' in warning
    assert "You can be fined up to £5,000." in warning
    assert re.search(
        r'<span class="govuk-details__summary-text">\s*Help with nationality\s*</span>', details
    )
    assert re.search(r'<div class="govuk-details__text">\s*<p>Ask us.</p>', details)


def test_accordion_sections_take_their_ids_from_the_block_and_nest_under_its_heading():
    html = render_body(
        [
            {
                "type": "accordion",
                "id": "3f2a",
                "value": {
                    "heading": "Questions",
                    "items": [
                        {
                            "heading": "Who is eligible?",
                            "summary": "Age and address",
                            "body": "<p>Anyone.</p>",
                        },
                        {
                            "heading": "How long does it take?",
                            "summary": "",
                            "body": "<p>Two weeks.</p>",
                        },
                    ],
                },
            }
        ]
    )

    assert '<h2 class="govuk-heading-l">Questions</h2>' in html
    assert 'data-module="govuk-accordion" id="accordion-3f2a"' in html
    assert re.search(
        r'<h3 class="govuk-accordion__section-heading">\s*'
        r'<span class="govuk-accordion__section-button" id="accordion-3f2a-heading-1">\s*'
        r"Who is eligible\?",
        html,
    )
    assert re.search(r'id="accordion-3f2a-summary-1">\s*Age and address', html)
    assert "accordion-3f2a-summary-2" not in html
    assert '<div class="app-prose"><p>Two weeks.</p></div>' in html


def test_list_block_is_bulleted_or_numbered():
    bullets = render_block(ListBlock(), {"style": "bullet", "items": ["Milk", "Bread"]})
    numbers = render_block(ListBlock(), {"style": "number", "items": ["Apply", "Wait"]})

    assert '<ul class="govuk-list govuk-list--bullet">' in bullets
    assert "<li>Milk</li><li>Bread</li>" in bullets
    assert '<ol class="govuk-list govuk-list--number">' in numbers


@pytest.mark.django_db
def test_image_has_its_alt_text_and_caption_and_decorative_images_are_silent():
    image = Image.objects.create(title="Family", file=get_test_image_file())

    described = render_block(
        ImageBlock(),
        {
            "image": image.pk,
            "alt_text": "A family at the park",
            "decorative": False,
            "caption": "Summer",
        },
    )
    decorative = render_block(
        ImageBlock(), {"image": image.pk, "alt_text": "", "decorative": True, "caption": ""}
    )

    assert re.search(r'<figure class="app-figure">\s*<img alt="A family at the park"', described)
    assert '<figcaption class="app-figure__caption">Summer</figcaption>' in described
    assert '<img alt=""' in decorative
    assert "figcaption" not in decorative


@pytest.mark.django_db
def test_document_shows_its_title_type_and_size():
    document = Document.objects.create(
        title="Annual report", file=ContentFile(b"x" * 2048, name="report.pdf")
    )
    document.file_size = 2048
    document.save()

    titled = render_block(DocumentBlock(), {"document": document.pk, "title": ""})
    retitled = render_block(DocumentBlock(), {"document": document.pk, "title": "Report 2025"})

    assert f'<a class="govuk-link" href="{document.url}">Annual report</a>' in titled
    assert re.search(r"PDF, 2.0\xa0KB", titled)
    assert ">Report 2025</a>" in retitled


def test_table_block_marks_header_row_and_column_with_scope():
    html = render_block(
        TableBlock(),
        {
            "data": [["Area", "Places"], ["North", "12"], ["South", None]],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "Childcare places",
        },
    )

    assert (
        '<caption class="govuk-table__caption govuk-table__caption--m">Childcare places</caption>'
        in html
    )
    assert '<th scope="col" class="govuk-table__header">Places</th>' in html
    assert '<th scope="row" class="govuk-table__header">North</th>' in html
    assert '<td class="govuk-table__cell">12</td>' in html
    assert '<td class="govuk-table__cell"></td>' in html  # an empty cell, not "None"


def test_quote_keeps_line_breaks_and_names_the_speaker():
    html = render_block(
        QuoteBlock(), {"quote": "We felt listened to.\nThank you.", "attribution": "A parent"}
    )

    assert "<p>We felt listened to.<br>Thank you.</p>" in html
    assert '<figcaption class="app-quote__attribution">A parent</figcaption>' in html


def test_headline_figures_show_each_value_label_and_comparison_in_a_grid():
    html = render_block(
        HeadlineFiguresBlock(),
        {
            "heading": "At a glance",
            "figures": [
                {
                    "value": "89%",
                    "label": "of families satisfied",
                    "comparison": "against 86.5% nationally",
                },
                {"value": "1,204", "label": "children supported", "comparison": ""},
            ],
        },
    )

    assert '<ul class="app-headline-figures" role="list">' in html
    assert '<p class="app-headline-figure__value">89%</p>' in html
    assert '<p class="app-headline-figure__comparison">against 86.5% nationally</p>' in html
    assert html.count("app-headline-figure__comparison") == 1


@pytest.mark.django_db
def test_call_to_action_is_a_start_button_to_the_chosen_page(home_page):
    to_page = render_block(
        CallToActionBlock(),
        {"heading": "Find support", "text": "", "link_text": "Start now", "page": home_page.pk},
    )
    to_address = render_block(
        CallToActionBlock(),
        {
            "heading": "Report a concern",
            "link_text": "Report",
            "external_url": "https://example.gov.uk/report",
        },
    )

    assert re.search(
        rf'<a href="{home_page.url}" role="button" draggable="false" '
        r'class="govuk-button govuk-button--start"',
        to_page,
    )
    assert "govuk-button__start-icon" in to_page
    assert 'href="https://example.gov.uk/report" role="button"' in to_address


@pytest.mark.django_db
def test_cards_link_their_headings_only_when_there_is_somewhere_to_go(home_page):
    html = render_block(
        CardsBlock(),
        {
            "heading": "Our ambitions",
            "cards": [
                {"heading": "Safe at home", "text": "Children live safely.", "page": home_page.pk},
                {"heading": "Healthy", "text": "", "external_url": "https://example.org/health"},
                {"heading": "Heard", "text": "Young people shape services."},
            ],
        },
    )

    assert f'<a class="app-card__link" href="{home_page.url}">Safe at home</a>' in html
    assert '<a class="app-card__link" href="https://example.org/health">Healthy</a>' in html
    assert re.search(r'<h3 class="app-card__heading">\s*Heard\s*</h3>', html)


def test_featured_links_show_their_descriptions():
    html = render_block(
        LinkListBlock(),
        {
            "links": [
                {
                    "text": "Free childcare",
                    "description": "For 2 to 4 year olds",
                    "external_url": "https://example.org/cc",
                }
            ]
        },
    )

    assert '<a class="app-link-list__link" href="https://example.org/cc">Free childcare</a>' in html
    assert '<p class="app-link-list__description">For 2 to 4 year olds</p>' in html


def test_reference_links_its_title_when_it_has_an_address():
    linked = render_block(
        ReferenceBlock(),
        {
            "title": "Children Act 1989",
            "url": "https://www.legislation.gov.uk/ukpga/1989/41",
            "note": "Section 17",
        },
    )
    plain = render_block(ReferenceBlock(), {"title": "Local guidance", "url": "", "note": ""})

    assert (
        '<a class="govuk-link" href="https://www.legislation.gov.uk/ukpga/1989/41">'
        "Children Act 1989</a>" in linked
    )
    assert '<p class="app-reference__note">Section 17</p>' in linked
    assert "<a " not in plain


@pytest.mark.parametrize(
    ("block", "raw_value"),
    [
        (HeadingBlock(), {"text": "<img src=x onerror=alert(1)>", "level": "h2"}),
        (WarningTextBlock(), {"text": "<img src=x onerror=alert(1)>"}),
        (ListBlock(), {"style": "bullet", "items": ["<img src=x onerror=alert(1)>"]}),
        (
            QuoteBlock(),
            {
                "quote": "<img src=x onerror=alert(1)>",
                "attribution": "<img src=x onerror=alert(1)>",
            },
        ),
        (
            AccordionBlock(),
            {
                "heading": "",
                "items": [{"heading": "<img src=x onerror=alert(1)>", "summary": "", "body": ""}],
            },
        ),
        (ReferenceBlock(), {"title": "<img src=x onerror=alert(1)>", "url": "", "note": ""}),
    ],
    ids=["heading", "warning", "list", "quote", "accordion", "reference"],
)
def test_plain_text_fields_never_become_markup(block, raw_value):
    html = render_block(block, raw_value)

    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
