"""Site-wide values editors change in Settings: names, contact details, footer and social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False)
    text = blocks.CharBlock(
        required=False, max_length=80, help_text=_("Leave blank to use the page's title.")
    )


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The site's name, the council's contact details and the footer."""

    site_name = models.CharField(max_length=80, default="Family services")
    organisation_name = models.CharField(max_length=120, default="Your council")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, max_length=400)
    childrens_services_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Shown in the safeguarding notice on every page."),
    )
    out_of_hours_phone = models.CharField(max_length=40, blank=True)
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("organisation_name")], _("Names")),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("childrens_services_phone"),
                FieldPanel("out_of_hours_phone"),
            ],
            _("Contact details"),
        ),
        FieldPanel("footer_links"),
        InlinePanel("social_links", label=_("Social media links")),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    """A link to one of the council's social media accounts."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(max_length=60, help_text=_("For example 'Facebook'."))
    url = models.URLField()

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
