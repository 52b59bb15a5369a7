"""Consultation pages: the index, one page per consultation, and its ideas boards."""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from consultations.blocks import ConsultationResourcesBlock
from consultations.identity import visitor_id, visitor_key
from consultations.languages import language_name, site_language_codes
from home.models import BasePage, PolicyTopic
from home.models.base import promote_panels_with_earlier_summary
from home.queries import public

from .choices import ConsultationStatus, ModerationMode, ResponseStatus
from .contributions import Idea, Support

# The privacy notice promises two years after a consultation closes.
DEFAULT_RETENTION_DAYS = 730
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "document-link"]
# The first path segments of consultations/urls.py, which share /<language>/consultations/ with
# the page tree: a consultation with one of these slugs could be hidden by them.
RESERVED_SLUGS = frozenset({"boards", "ideas", "comments", "confirm"})


def status_between(opens_at, closes_at, now=None):
    """Upcoming, open or closed at `now`: worked out from the dates, so no job has to run."""
    now = now or timezone.now()
    if opens_at and now < opens_at:
        return ConsultationStatus.UPCOMING
    if closes_at and now >= closes_at:
        return ConsultationStatus.CLOSED
    return ConsultationStatus.OPEN


class ConsultationIndexPage(BasePage):
    """Lists the council's consultations: open, upcoming and closed, filtered by topic."""

    introduction = models.TextField(blank=True, max_length=600)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage", "home.ReportPage"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("consultation index page")

    def get_summary(self):
        return super().get_summary() or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        consultations = list(
            public(ConsultationPage.objects.child_of(self).live())
            .prefetch_related("topics")
            .order_by("-opens_at")
        )
        topics = list(PolicyTopic.objects.filter(locale_id=self.locale_id).order_by("name"))
        wanted_status = request.GET.get("status", "")
        wanted_topic = request.GET.get("topic", "")
        statuses = {value for value, _label in ConsultationStatus.choices}
        chosen_topic = next((t for t in topics if t.slug == wanted_topic), None)
        invalid = (wanted_status and wanted_status not in statuses) or (
            wanted_topic and chosen_topic is None
        )
        groups = {value: [] for value in (ConsultationStatus.OPEN, ConsultationStatus.UPCOMING)}
        groups[ConsultationStatus.CLOSED] = []
        for consultation in consultations:
            status = consultation.status_at(now)
            if wanted_status in statuses and status != wanted_status:
                continue
            keys = {topic.translation_key for topic in consultation.topics.all()}
            if chosen_topic and chosen_topic.translation_key not in keys:
                continue
            groups[status].append(consultation)
        # Closed consultations newest-closed first; open ones closing soonest first.
        groups[ConsultationStatus.OPEN].sort(key=lambda c: c.closes_at)
        groups[ConsultationStatus.UPCOMING].sort(key=lambda c: c.opens_at)
        groups[ConsultationStatus.CLOSED].sort(key=lambda c: c.closes_at, reverse=True)
        upcoming_changes = [
            seconds
            for seconds in (c.seconds_until_next_change(now) for c in consultations)
            if seconds is not None
        ]
        if upcoming_changes:
            request.page_cache_max_seconds = min(upcoming_changes)
        context.update(
            groups=[
                (value, label, groups[value])
                for value, label in (
                    (ConsultationStatus.OPEN, _("Open consultations")),
                    (ConsultationStatus.UPCOMING, _("Upcoming consultations")),
                    (ConsultationStatus.CLOSED, _("Closed consultations")),
                )
            ],
            topics=topics,
            statuses=ConsultationStatus.choices,
            chosen_status=wanted_status if wanted_status in statuses else "",
            chosen_topic=chosen_topic,
            filter_invalid=bool(invalid),
            found=sum(len(group) for group in groups.values()),
        )
        return context


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


class ConsultationRelatedPage(Orderable):
    """A page or policy the consultation is about; a policy links back to an open one."""

    consultation = ParentalKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="related_pages"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")


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
        languages, language = self._languages(ideas, str(request.GET.get("language", ""))[:12])
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

    @staticmethod
    def _languages(ideas, wanted):
        """The languages the board's ideas are written in, with counts (the site's first), and
        `wanted` if it is one of them."""
        counts = dict(
            ideas.order_by().values("language").annotate(n=Count("pk")).values_list("language", "n")
        )
        site = site_language_codes()
        languages = [
            {"code": code, "name": language_name(code), "count": count}
            for code, count in counts.items()
        ]
        languages.sort(key=lambda row: (row["code"] not in site, row["name"].casefold()))
        return languages, wanted if wanted in counts else ""


class BoardTheme(TranslatableMixin, Orderable):
    """A theme an idea on the board is filed under, such as 'Health' or 'Play'."""

    board = ParentalKey(IdeasBoardPage, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name
