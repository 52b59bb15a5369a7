"""The abstract page every concrete page of the site inherits."""

from django.db import models
from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from foundation.site_paths import page_url, url_of

# How each other format is named to readers, in the order the link block lists them.
OTHER_FORMAT_LABELS = {
    "easy_read": _("Easy Read version"),
    "large_print": _("Large print version"),
}


class ShownWhileFilledPanel(FieldPanel):
    """A field shown on the edit form only while it holds text: for a field being retired.

    Pages that still hold an editor's text keep it visible, clearly labelled, until someone
    clears it; new pages never show the field (docs/decisions/0011-one-summary-per-page.md).
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            value = getattr(self.instance, self.field_name, "")
            return bool(value and value.strip()) and super().is_shown()


class BasePage(Page):
    """Shared fields and behaviour: a listing summary, search fields and the common panels.

    Wagtail's own ``Page`` stays the base model: wagtail-localize does not yet support Wagtail 8's
    swappable page model (issue 3).
    """

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name=_("summary"),
        help_text=_(
            "One or two plain sentences shown in lists, search results and link previews. "
            "Leave blank to use the page's own introduction."
        ),
    )

    # "Also known as": residents' words a page does not use itself (issue 9). Indexed like a
    # category name (the 1.5 boost is already in use, so PostgreSQL's four weights stay as they
    # are) and never put in a template.
    search_keywords = models.TextField(
        blank=True,
        verbose_name=_("other words for this page"),
        help_text=_(
            "Other words people use for this, separated by commas. Searched, never shown. "
            "For example: nursery funding, free childcare."
        ),
    )

    # Other formats (issue 10): a document, or for Easy Read also a page. wagtail-localize makes
    # these overridable synchronised fields, so a translation can point at its own language's
    # version; a linked page is shown in the reader's language where it is translated.
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Easy Read page"),
        help_text=_("A page on this site that says the same in Easy Read."),
    )
    easy_read_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Easy Read document"),
        help_text=_("An Easy Read document. Used only when no Easy Read page is chosen."),
    )
    large_print_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("large print document"),
        help_text=_("A large print version of this page, such as a PDF in 16 point type."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("search_keywords", boost=1.5),
    ]
    content_panels = [*Page.content_panels, FieldPanel("listing_summary")]
    # Wagtail's "For search engines" panel, then ours, then "For site menus".
    promote_panels = [
        Page.promote_panels[0],
        MultiFieldPanel([FieldPanel("search_keywords")], heading=_("For this site's search")),
        *Page.promote_panels[1:],
        MultiFieldPanel(
            [
                FieldPanel("easy_read_page"),
                FieldPanel("easy_read_document"),
                FieldPanel("large_print_document"),
            ],
            heading=_("Other formats"),
            help_text=_("Shown as links under the page's title."),
        ),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # foundation.routing found the page and asked, in the same query, whether any
        # restriction (or an alias) could apply: when none can, Wagtail's two queries are spared.
        from foundation.routing import MAY_BE_RESTRICTED  # it loads Wagtail's URLs: not at startup

        if getattr(self, MAY_BE_RESTRICTED, True) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_url(self, request=None, current_site=None):
        # Wagtail's answer costs two queries a request (the site, and its root paths from the
        # cache); foundation.site_paths answers the same from the memo.
        if request is not None and current_site is None:
            url = url_of(request, self)
            if url is not None:
                return url
        return super().get_url(request=request, current_site=current_site)

    def get_context(self, request, *args, **kwargs):
        # The furniture context processor reads this for breadcrumbs and language links.
        request.furniture_page = self
        context = super().get_context(request, *args, **kwargs)
        context["other_formats"] = self.other_formats(request)
        return context

    def other_formats(self, request=None):
        """The other formats readers can choose, as links for includes/other_formats.html."""
        formats = []
        easy_read_page = self._easy_read_page_in_language() if self.easy_read_page_id else None
        if easy_read_page is not None:
            url = page_url(request, easy_read_page) if request is not None else easy_read_page.url
            formats.append({"kind": "easy_read", "url": url})
        elif self.easy_read_document_id:
            formats.append(_document_link("easy_read", self.easy_read_document))
        if self.large_print_document_id:
            formats.append(_document_link("large_print", self.large_print_document))
        for link in formats:
            link["label"] = OTHER_FORMAT_LABELS[link["kind"]]
        return formats

    def _easy_read_page_in_language(self):
        """The live easy read page in this page's language, else the one chosen if live; None
        when neither is (what ``easy_read_page.localized`` and ``.live`` say, in one query)."""
        chosen = Page.objects.filter(pk=self.easy_read_page_id).values("translation_key")[:1]
        candidates = Page.objects.live().filter(
            Q(pk=self.easy_read_page_id)
            | Q(translation_key=Subquery(chosen), locale_id=self.locale_id)
        )
        found = {page.locale_id: page for page in candidates.only("id", "url_path", "locale_id")}
        return found.get(self.locale_id) or next(
            (page for page in found.values() if page.pk == self.easy_read_page_id), None
        )

    def get_summary(self):
        """What lists and search results show under the title."""
        return self.listing_summary or self.search_description or ""


def _document_link(kind, document):
    return {
        "kind": kind,
        "url": document.url,
        "extension": document.file_extension.upper(),
        "size": document.file_size,  # recorded on upload; never read from storage here
    }


def promote_panels_with_earlier_summary(help_text):
    """BasePage's promote panels with the retired listing summary after the meta description,
    shown only while it holds text: for page types whose own summary replaced it (decision
    0011). `help_text` says, for that type, what the earlier text still does."""
    return [
        BasePage.promote_panels[0],  # Wagtail's "For search engines": the meta description
        ShownWhileFilledPanel(
            "listing_summary", heading=_("Earlier list summary"), help_text=help_text
        ),
        *BasePage.promote_panels[1:],
    ]
