"""Named stream blocks, each defined once and reused by the pages that share it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .content import (
    INLINE_FEATURES,
    AccordionBlock,
    CallToActionBlock,
    CardsBlock,
    DetailsBlock,
    DocumentBlock,
    HeadingBlock,
    HeadlineFigureBlock,
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


class BodyBlock(blocks.StreamBlock):
    """The body of content, report and policy pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=INLINE_FEATURES, icon="pilcrow", label=_("Text"), template="blocks/paragraph.html"
    )
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    accordion = AccordionBlock()
    list = ListBlock()
    image = ImageBlock()
    document = DocumentBlock()
    table = TableBlock()
    quote = QuoteBlock()
    headline_figures = HeadlineFiguresBlock()
    call_to_action = CallToActionBlock()
    cards = CardsBlock()

    class Meta:
        block_counts = {}


class HeadlineFiguresStreamBlock(blocks.StreamBlock):
    """The figures shown at the top of a report."""

    headline_figure = HeadlineFigureBlock()


class FeaturedLinksBlock(blocks.StreamBlock):
    """The home page's featured links and cards."""

    cards = CardsBlock()
    links = LinkListBlock()
    call_to_action = CallToActionBlock()


class ReferencesBlock(blocks.StreamBlock):
    """Legislation and references listed on a policy."""

    reference = ReferenceBlock()
