"""Organisations that run services (ORUK ``organization``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class Organisation(TranslatableMixin, models.Model):
    """A council team, NHS trust, charity or business that runs services in the directory."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A short summary of who they are and what they do."),
    )
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    # ORUK v3 calls this ``website`` (v1 called it ``url``).
    website = models.URLField(_("website"), max_length=500, blank=True)
    logo = models.URLField(
        _("logo URL"),
        max_length=500,
        blank=True,
        help_text=_("The address of an image of the organisation's logo, if it has one."),
    )
    uri = models.URLField(
        _("persistent identifier"),
        max_length=500,
        blank=True,
        help_text=_(
            "A lasting link that identifies the organisation, such as its Companies House or "
            "Charity Commission page."
        ),
    )
    legal_status = models.CharField(
        _("legal status"),
        max_length=120,
        blank=True,
        help_text=_(
            "For example: local authority, NHS trust, registered charity, community interest "
            "company."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("logo")],
            _("Contact and website"),
        ),
        MultiFieldPanel([FieldPanel("legal_status"), FieldPanel("uri")], _("Identity")),
    ]
    override_translatable_fields = [
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("uri"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def oruk_id(self):
        """The ORUK ``id``: shared by every translation of the organisation."""
        return self.translation_key
