"""StreamField blocks shared by the site's pages, one per GOV.UK component."""

from .content import (
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
from .streams import BodyBlock, FeaturedLinksBlock, HeadlineFiguresStreamBlock, ReferencesBlock

__all__ = [
    "AccordionBlock",
    "BodyBlock",
    "CallToActionBlock",
    "CardsBlock",
    "DetailsBlock",
    "DocumentBlock",
    "FeaturedLinksBlock",
    "HeadingBlock",
    "HeadlineFigureBlock",
    "HeadlineFiguresBlock",
    "HeadlineFiguresStreamBlock",
    "ImageBlock",
    "InsetTextBlock",
    "LinkListBlock",
    "ListBlock",
    "QuoteBlock",
    "ReferenceBlock",
    "ReferencesBlock",
    "TableBlock",
    "WarningTextBlock",
]
