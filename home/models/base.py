"""The abstract page every concrete page of the site inherits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index


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
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Find a deep page in one lookup by its URL path instead of one per level.

        Wagtail walks the tree a level at a time (two queries per level); looking the page up
        by ``url_path`` keeps a page's query count the same however deep it sits. When nothing
        has that URL (a 404, or a sub-path a routable page answers), Wagtail's walk decides.
        """
        if len(path_components) > 1:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            match = (
                Page.objects.filter(url_path=url_path, path__startswith=self.path)
                .only("id", "content_type")
                .first()
            )
            if match is not None:
                return match.specific.route(request, [])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        # council_site.routing found the page and asked, in the same query, whether any
        # restriction (or an alias) could apply: when none can, Wagtail's two queries are spared.
        if getattr(self, "_view_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        # The furniture context processor reads this for breadcrumbs and language links.
        request.furniture_page = self
        return super().get_context(request, *args, **kwargs)

    def get_summary(self):
        """What lists and search results show under the title."""
        return self.listing_summary or self.search_description or ""
