"""Site-wide values editors change in Settings: contact numbers, email and social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The council's contact numbers, email and social media: the same in every language.

    The words around them (the site's and council's names, the address, the footer links) are
    in the Site text snippet, one per language.
    """

    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    childrens_services_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Shown in the safeguarding notice on every page."),
    )
    out_of_hours_phone = models.CharField(max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice people agree to when they post an idea or comment."),
    )

    panels = [
        HelpPanel(
            content=_(
                "The site's name, the council's name and address and the footer links are "
                "in Snippets, Site text, one for each language."
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("childrens_services_phone"),
                FieldPanel("out_of_hours_phone"),
            ],
            _("Contact details"),
        ),
        FieldPanel("privacy_page"),
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
