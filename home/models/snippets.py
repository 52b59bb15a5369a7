"""Worded text that repeats on every page, translated with wagtail-localize."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin


class SafeguardingNotice(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The 'child in danger' notice shown at the top of every page."""

    heading = models.CharField(
        max_length=120, default="If a child is in immediate danger, call 999"
    )
    body = RichTextField(features=["bold", "link"], blank=True)

    panels = [FieldPanel("heading"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("safeguarding notice")

    def __str__(self):
        return self.heading


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)
    text = blocks.CharBlock(
        required=False, max_length=80, help_text=_("Leave blank to use the page's title.")
    )


class SiteText(TranslatableMixin, models.Model):
    """The words every page shows around its content: names, address and footer links.

    One per language, translated like any snippet; the numbers and addresses that are the same
    in every language (phones, email, social media) stay in the site settings.
    """

    site_name = models.CharField(
        _("site name"),
        max_length=80,
        default="Family services",
        help_text=_("Shown in the header of every page and in browser tabs."),
    )
    organisation_name = models.CharField(
        _("council's name"),
        max_length=120,
        blank=True,
        help_text=_("Shown in the footer's copyright line."),
    )
    address = models.TextField(
        _("address"), blank=True, max_length=400, help_text=_("One part of the address a line.")
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("footer links")
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("organisation_name")], _("Names")),
        FieldPanel("address"),
        FieldPanel("footer_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site text")

    def __str__(self):
        return f"{self.site_name} ({self.locale.get_display_name()})"
