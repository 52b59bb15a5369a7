"""Worded text that repeats on every page, translated with wagtail-localize."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
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
