"""One block per GOV.UK component; templates in templates/blocks/ call the components."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Paragraph-level rich text: headings are separate blocks so the page outline stays valid.
INLINE_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; only the levels a page body's outline allows (the title is h1)."""

    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Use level 2 for sections and level 3 for parts of a section."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class InsetTextBlock(blocks.RichTextBlock):
    """Text set apart from the content around it, such as a quotation or an example."""

    def __init__(self, **kwargs):
        super().__init__(features=INLINE_FEATURES, **kwargs)

    class Meta:
        icon = "openquote"
        label = _("Inset text")
        template = "blocks/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    """An important warning, such as a legal consequence or a safety message."""

    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        label = _("Warning text")
        template = "blocks/warning_text.html"


class DetailsBlock(blocks.StructBlock):
    """A short expandable section for information only some readers need."""

    summary = blocks.CharBlock(max_length=120, help_text=_("The link text readers click."))
    body = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "collapse-down"
        label = _("Details")
        template = "blocks/details.html"


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    summary = blocks.CharBlock(max_length=200, required=False)
    body = blocks.RichTextBlock(features=INLINE_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Several related sections that readers open one at a time."""

    heading = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "blocks/accordion.html"


class ListBlock(blocks.StructBlock):
    """A bulleted or numbered list of short plain items."""

    style = blocks.ChoiceBlock(
        choices=[("bullet", _("Bulleted")), ("number", _("Numbered"))], default="bullet"
    )
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("List")
        template = "blocks/list.html"


class ImageBlock(blocks.StructBlock):
    """An image that describes itself: alt text is required unless it is decorative."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text=_("Tick only if the image adds nothing to the text.")
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("decorative") and not (cleaned.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Add alt text, or tick 'decorative' if the image adds nothing.")
                    )
                }
            )
        return cleaned


class DocumentBlock(blocks.StructBlock):
    """A downloadable document, shown with its type and size."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Leave blank to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document.html"


class TableBlock(WagtailTableBlock):
    """A table of data with a caption and header row."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"


class QuoteBlock(blocks.StructBlock):
    """Someone's words, with who said them."""

    quote = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class HeadlineFigureBlock(blocks.StructBlock):
    """One statistic with an optional comparison, as shown in committee reports."""

    value = blocks.CharBlock(max_length=20, help_text=_("As readers should see it, e.g. 89%."))
    label = blocks.CharBlock(max_length=120, help_text=_("What the figure counts."))
    comparison = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional, e.g. 'against 86.5% nationally'."),
    )

    class Meta:
        icon = "pick"
        group = _("Figures")
        label = _("Headline figure")
        template = "blocks/headline_figure.html"


class HeadlineFiguresBlock(blocks.StructBlock):
    """A row of headline figures."""

    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(HeadlineFigureBlock(), min_num=1)

    class Meta:
        icon = "pick"
        group = _("Figures")
        label = _("Headline figures")
        template = "blocks/headline_figures.html"


class LinkFieldsMixin:
    """Validation shared by blocks that link to a page or an external address."""

    def clean(self, value):
        cleaned = super().clean(value)
        if cleaned.get("page") and cleaned.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "external_url": ValidationError(
                        _("Choose a page or enter an address, not both.")
                    )
                }
            )
        return cleaned


class CallToActionBlock(LinkFieldsMixin, blocks.StructBlock):
    """A prominent invitation to act, such as 'Find a service'."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link_text = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return cleaned


class CardBlock(LinkFieldsMixin, blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=600)
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)


class CardsBlock(blocks.StructBlock):
    """A grid of short cards, such as the family vision's ambitions."""

    heading = blocks.CharBlock(required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), min_num=1)

    class Meta:
        icon = "grip"
        label = _("Cards")
        template = "blocks/cards.html"


class LinkBlock(LinkFieldsMixin, blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    description = blocks.CharBlock(required=False, max_length=250)
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)


class LinkListBlock(blocks.StructBlock):
    """A list of links with short descriptions."""

    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "link"
        label = _("Featured links")
        template = "blocks/link_list.html"


class ReferenceBlock(blocks.StructBlock):
    """One piece of legislation, guidance or other reference."""

    title = blocks.CharBlock(max_length=250)
    url = blocks.URLBlock(required=False)
    note = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Reference")
        template = "blocks/reference.html"
