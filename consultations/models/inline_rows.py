"""Rows editors add inline on a consultation's page and on a board's page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin


class ConsultationRelatedPage(Orderable):
    """A page or policy the consultation is about; a policy links back to an open one."""

    consultation = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="related_pages"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")


class BoardTheme(TranslatableMixin, Orderable):
    """A theme an idea on the board is filed under, such as 'Health' or 'Play'."""

    board = ParentalKey(
        "consultations.IdeasBoardPage", on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name
