"""Blocks for consultation pages: the documents and events that go with a consultation."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentBlock


class EventBlock(blocks.StructBlock):
    """A drop-in session, workshop or online meeting where people can give their views."""

    title = blocks.CharBlock(max_length=120)
    starts_at = blocks.DateTimeBlock(label=_("Starts"))
    ends_at = blocks.DateTimeBlock(required=False, label=_("Ends"))
    place = blocks.CharBlock(
        max_length=200, help_text=_("The address, or 'Online' with how to join.")
    )
    description = blocks.TextBlock(required=False, max_length=600)
    booking_url = blocks.URLBlock(required=False, label=_("Booking link"))

    class Meta:
        icon = "date"
        template = "consultations/blocks/event.html"


class ConsultationResourcesBlock(blocks.StreamBlock):
    """Papers to read and events to come to, listed on the consultation page."""

    document = DocumentBlock()
    event = EventBlock()

    class Meta:
        block_counts = {}
