"""The home page and the general content and report pages editors publish."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, CardsBlock, FeaturedLinksBlock, HeadlineFiguresStreamBlock
from home.queries import public

from .base import BasePage, promote_panels_with_earlier_summary

SECTION_PAGE_TYPES = ["home.ContentPage", "home.ReportPage", "home.PolicyIndexPage"]


class HomePage(BasePage):
    """The front page: introduction, the family vision's ambitions and ways in to the site."""

    introduction = RichTextField(features=["bold", "italic", "link"], blank=True)
    ambitions_heading = models.CharField(max_length=120, blank=True, default="")
    ambitions = StreamField(
        [("cards", CardsBlock())],
        blank=True,
        max_num=1,
        help_text=_("The family vision's ambitions, shown as cards."),
    )
    featured = StreamField(FeaturedLinksBlock(), blank=True, verbose_name=_("featured links"))
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the 'find a service' search box sends people."),
    )
    consultations_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page listing consultations; open ones are shown on the home page."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        *SECTION_PAGE_TYPES,
        "services_directory.DirectoryPage",
        "consultations.ConsultationIndexPage",
    ]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("ambitions_heading"), FieldPanel("ambitions")], _("Ambitions")),
        FieldPanel("featured"),
        MultiFieldPanel(
            [FieldPanel("directory_page"), FieldPanel("consultations_page")],
            _("Find a service and consultations"),
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = self.directory_page
        if directory is not None:
            directory = directory.localized
        context["directory_page"] = directory if directory and directory.live else None
        return context


class ContentPage(BasePage):
    """A standard page of guidance or information, built from GOV.UK-style blocks."""

    introduction = models.TextField(
        blank=True, max_length=600, help_text=_("A short lead paragraph in plain text.")
    )
    body = StreamField(BodyBlock(), blank=True)
    show_child_pages = models.BooleanField(
        default=True, help_text=_("List the pages below this one at the end of the page.")
    )

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = SECTION_PAGE_TYPES

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("show_child_pages"),
    ]

    class Meta:
        verbose_name = _("content page")

    def get_summary(self):
        return super().get_summary() or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = (
            public(self.get_children().live()).specific().order_by("path")
            if self.show_child_pages
            else []
        )
        return context


class ReportPage(BasePage):
    """Committee papers and presentations: a dated summary, headline figures and sections."""

    date = models.DateField(verbose_name=_("date"), help_text=_("When it was presented."))
    committee = models.CharField(
        max_length=200, blank=True, help_text=_("The committee or meeting it went to.")
    )
    audience = models.CharField(max_length=200, blank=True, help_text=_("Who it was written for."))
    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text=_(
            "A short lead paragraph in plain text: who presented it, and what it covers. "
            "Shown under the title."
        ),
    )
    summary = models.TextField(max_length=1200, help_text=_("What the report says, in brief."))
    headline_figures = StreamField(HeadlineFiguresStreamBlock(), blank=True)
    body = StreamField(BodyBlock(), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The original paper or slides, if published."),
    )

    parent_page_types = ["home.HomePage", "home.ContentPage", "consultations.ConsultationIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("summary"),
        # Holds the list text that the report's listing summary held before decision 0011.
        index.SearchField("search_description"),
        index.SearchField("committee"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # The report's one summary: BasePage's listing summary is left off its form (decision 0011).
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("committee"), FieldPanel("audience")], _("About")
        ),
        FieldPanel("introduction"),
        FieldPanel(
            "summary",
            help_text=_(
                "What the report says, in brief. Shown on the page under 'Summary', and in lists "
                "and search results unless the page has a meta description (Promote tab)."
            ),
        ),
        FieldPanel("headline_figures"),
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    # The earlier list summary shows only on reports whose text could not move to the
    # meta description.
    promote_panels = promote_panels_with_earlier_summary(
        _(
            "Written before reports had one summary. While this holds text, lists and "
            "search results show it instead of the meta description or the summary. "
            "Clear it to use those."
        )
    )
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("document")]

    class Meta:
        verbose_name = _("report page")

    def get_summary(self):
        return super().get_summary() or self.summary
