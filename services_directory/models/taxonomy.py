"""Categories of services: Open Referral UK taxonomies and their terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Taxonomy(TranslatableMixin, models.Model):
    """A list of categories (ORUK ``taxonomy``), such as the council's own or the LGA's."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(
        _("URI"),
        max_length=500,
        blank=True,
        help_text=_("Where the taxonomy is published, if it is."),
    )
    version = models.CharField(_("version"), max_length=50, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def oruk_id(self):
        """The ORUK ``id``: shared by every translation of the taxonomy."""
        return self.translation_key


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A category families can filter by (ORUK ``taxonomy_term``), optionally under a parent."""

    taxonomy = models.ForeignKey(
        Taxonomy,
        on_delete=models.PROTECT,
        related_name="terms",
        null=True,
        blank=True,
        verbose_name=_("taxonomy"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        related_name="children",
        null=True,
        blank=True,
        verbose_name=_("parent category"),
        help_text=_("Leave blank for a top-level category."),
    )
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_(
            "Used in links to filtered results. Change the name freely, but changing the slug "
            "breaks links people have saved."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    code = models.CharField(
        _("code"),
        max_length=100,
        blank=True,
        help_text=_("The term's code in its taxonomy, if it has one."),
    )
    term_uri = models.URLField(_("term URI"), max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    # Editors translate a category's name and description in wagtail-localize's editor; its
    # slug and code stay the same in every language (links to filtered results and the Open
    # Referral id must not change with the reader's language), and a subcategory's copy points
    # at its parent's copy in the same language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("parent"),
        SynchronizedField("taxonomy", overridable=False),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("code", overridable=False),
        SynchronizedField("term_uri", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("taxonomy"),
        FieldPanel("code"),
        FieldPanel("term_uri"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_taxonomy_term_slug_per_locale"
            ),
        ]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} {self.name}"
        return self.name

    @property
    def oruk_id(self):
        """The ORUK ``id``: shared by every translation of the term."""
        return self.translation_key
