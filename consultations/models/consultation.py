"""A consultation's page and its ideas boards' pages, which share a module as each reads the
other: a consultation lists its boards, and a board takes its status from its consultation."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from consultations.blocks import ConsultationResourcesBlock
from consultations.identity import visitor_id, visitor_key
from home.models import BasePage, PolicyTopic
from home.models.base import promote_panels_with_earlier_summary
from home.queries import public

from .board_languages import board_languages
from .choices import ConsultationStatus, ModerationMode, ResponseStatus
from .contributions import Idea, Support
from .status import status_between

# The privacy notice promises two years after a consultation closes.
DEFAULT_RETENTION_DAYS = 730
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "document-link"]
# The first path segments of consultations/urls.py, which share /<language>/consultations/ with
# the page tree: a consultation with one of these slugs could be hidden by them.
RESERVED_SLUGS = frozenset({"boards", "ideas", "comments", "confirm"})


class ConsultationPage(BasePage):
    """One consultation: why we are asking, who can take part, its dates and its ideas boards."""

    summary = models.TextField(
        max_length=600, help_text=_("What we are asking about, in a sentence or two.")
    )
    why_we_are_asking = RichTextField(features=TEXT_FEATURES, blank=True)
    who_can_take_part = RichTextField(features=TEXT_FEATURES, blank=True)
    opens_at = models.DateTimeField(
        _("opens"), help_text=_("Boards accept ideas from this time (UK time).")
    )
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("Boards become read-only at this time (UK time).")
    )
    topics = ParentalManyToManyField(PolicyTopic, blank=True, related_name="consultations")
    resources = StreamField(
        ConsultationResourcesBlock(),
        blank=True,
        verbose_name=_("documents and events"),
    )
    closing_message = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Shown at the top once the consultation has closed, such as a thank you."),
    )
    findings_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The published findings, linked from the closed consultation."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal details for (days)"),
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Names and email addresses are removed this many days after the consultation "
            "closes. The privacy notice says two years (730 days)."
        ),
    )

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = ["consultations.IdeasBoardPage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        # Holds the list text that the consultation's listing summary held before decision 0011.
        index.SearchField("search_description"),
        index.SearchField("why_we_are_asking"),
        index.SearchField("who_can_take_part"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    # The consultation's one summary: BasePage's listing summary is left off its form
    # (decision 0011).
    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "summary",
            help_text=_(
                "What we are asking about, in a sentence or two. Shown under the title, and in "
                "lists of consultations and search results unless the page has a meta "
                "description (Promote tab)."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("topics")],
            _("Dates and topics"),
        ),
        FieldPanel("why_we_are_asking"),
        FieldPanel("who_can_take_part"),
        FieldPanel("resources"),
        InlinePanel("related_pages", label=_("Related pages and policies")),
        FieldPanel("closing_message"),
        FieldPanel("findings_page"),
        FieldPanel("retention_days"),
    ]
    # The earlier list summary shows only on consultations whose text could not move to the
    # meta description.
    promote_panels = promote_panels_with_earlier_summary(
        _(
            "Written before consultations had one summary. While this holds text, lists "
            "and search results show it instead of the meta description or the summary. "
            "Clear it to use those."
        )
    )
    override_translatable_fields = [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("retention_days"),
        SynchronizedField("findings_page"),
    ]

    class Meta:
        verbose_name = _("consultation page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after it opens.")})
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the ideas boards. Choose another slug.")}
            )

    def get_summary(self):
        return super().get_summary() or self.summary

    def status_at(self, now=None):
        return status_between(self.opens_at, self.closes_at, now)

    @property
    def status(self):
        return self.status_at()

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    @property
    def is_closed(self):
        return self.status == ConsultationStatus.CLOSED

    def seconds_until_next_change(self, now=None):
        """Until it opens or closes, so a cached copy never outlives its status."""
        now = now or timezone.now()
        upcoming = [moment for moment in (self.opens_at, self.closes_at) if moment > now]
        return (min(upcoming) - now).total_seconds() if upcoming else None

    @property
    def retention_ends_on(self):
        return (self.closes_at + datetime.timedelta(days=self.retention_days)).date()

    def boards(self):
        return public(IdeasBoardPage.objects.child_of(self).live()).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        seconds = self.seconds_until_next_change()
        if seconds is not None:
            request.page_cache_max_seconds = seconds
        context.update(
            status=self.status,
            boards=list(self.boards()),
            related=[
                related.page.localized
                for related in self.related_pages.select_related("page").all()
                if related.page.live
            ],
        )
        return context


class IdeasBoardPage(BasePage):
    """One question or theme of a consultation, where residents post and support ideas."""

    question = models.CharField(
        max_length=250, help_text=_("What the board asks, such as 'How can we help dads?'")
    )
    introduction = models.TextField(blank=True, max_length=1200)
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=ModerationMode.choices,
        default=ModerationMode.PRE,
        help_text=_("Ideas from young people are always checked before they are published."),
    )
    closing_message = models.TextField(
        blank=True,
        max_length=1200,
        help_text=_("Shown once the board has closed. Leave blank to use the consultation's."),
    )

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("question"),
        index.SearchField("introduction"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("question"),
        FieldPanel("introduction"),
        InlinePanel("themes", label=_("Themes people choose from"), min_num=1),
        FieldPanel("moderation"),
        FieldPanel("closing_message"),
    ]
    override_translatable_fields = [SynchronizedField("moderation")]

    class Meta:
        verbose_name = _("ideas board page")

    def get_summary(self):
        return super().get_summary() or self.question

    @property
    def post_moderated(self):
        return self.moderation == ModerationMode.POST

    per_page = 20
    SORTS = {
        "popular": ("-support_count", "-published_at", "-pk"),
        "newest": ("-published_at", "-pk"),
    }

    def consultation(self):
        return (
            ConsultationPage.objects.live()
            .filter(path=self.path[: -self.steplen], depth=self.depth - 1)
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultation = self.consultation()
        status = consultation.status if consultation else ConsultationStatus.CLOSED
        if consultation and consultation.seconds_until_next_change() is not None:
            request.page_cache_max_seconds = consultation.seconds_until_next_change()
        themes = list(self.themes.all())
        sort = request.GET.get("sort", "")
        sort = sort if sort in self.SORTS else "popular"
        wanted_theme = str(request.GET.get("theme", ""))[:40]
        theme = next((t for t in themes if str(t.translation_key) == wanted_theme), None)
        ideas = Idea.objects.on_board(self).published().select_related("theme")
        if theme is not None:
            ideas = ideas.filter(theme__translation_key=theme.translation_key)
        languages, language = board_languages(ideas, str(request.GET.get("language", ""))[:12])
        if language:
            ideas = ideas.filter(language=language)
        paginator = Paginator(ideas.order_by(*self.SORTS[sort]), self.per_page)
        page = paginator.get_page(request.GET.get("page"))
        names = {t.translation_key: t.name for t in themes}
        for idea in page:
            idea.theme_name = (
                names.get(idea.theme.translation_key, idea.theme.name) if idea.theme else ""
            )
        visitor = visitor_id(request)
        supported = Support.objects.supported_by(
            list(page), visitor_key(visitor) if visitor else ""
        )
        context.update(
            consultation=consultation,
            status=status,
            is_open=status == ConsultationStatus.OPEN,
            themes=themes,
            chosen_theme=theme,
            languages=languages,
            chosen_language=language,
            sort=sort,
            ideas=page,
            paginator=paginator,
            supported=supported,
            response_statuses=dict(ResponseStatus.choices),
            closing_message=self.closing_message,
        )
        return context
