"""What residents post: ideas on a board and comments on ideas, both moderated."""

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from home.queries import public_q

from .choices import ModerationStatus, RejectionReason, RespondentType, ResponseStatus

TITLE_MAX_LENGTH = 150
DESCRIPTION_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 1000


class Contribution(models.Model):
    """What ideas and comments share: what kind of person sent it, its moderation and flags."""

    contributor = models.ForeignKey(
        "consultations.Contributor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contributor"),
    )
    respondent_type = models.CharField(
        _("I am"), max_length=20, choices=RespondentType.choices, default=RespondentType.OTHER
    )
    language = models.CharField(_("language"), max_length=12, default="en")
    status = models.CharField(
        _("moderation status"),
        max_length=12,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    rejection_reason = models.CharField(
        _("reason not published"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    moderation_note = models.TextField(
        _("moderator's note"), blank=True, help_text=_("Never shown to the public.")
    )
    flags = models.JSONField(
        _("flagged words"),
        default=list,
        blank=True,
        help_text=_("Safeguarding words and personal details found when it was sent."),
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    # One idea per submitted form: a double click or a resubmission after "back" sends it again.
    submission_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    # Set when the moderators' digest email has listed it, so each item is sent once.
    moderators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == ModerationStatus.PUBLISHED

    @property
    def is_young_person(self):
        return self.respondent_type == RespondentType.YOUNG_PERSON

    @property
    def needs_moderation(self):
        return self.status == ModerationStatus.PENDING


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModerationStatus.PUBLISHED)

    def on_board(self, board):
        """Ideas posted on the board in any of its languages."""
        copies = Page.objects.filter(translation_key=board.translation_key).values("pk")
        return self.filter(board_id__in=copies)

    def recount_comments(self):
        """Set each idea's comment count to its published comments, counted in the database."""
        published = (
            Comment.objects.filter(idea=OuterRef("pk"), status=ModerationStatus.PUBLISHED)
            .order_by()
            .values("idea")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.update(
            comment_count=Coalesce(Subquery(published, output_field=IntegerField()), 0)
        )


class Idea(index.Indexed, Contribution):
    """An idea a resident posted on an ideas board, with the council's response."""

    # Residents' posts link to nothing editors need to track; indexing each save cost 14 ms.
    wagtail_reference_index_ignore = True

    # Site search finds published ideas by what the public already sees of them: the title, the
    # description and the theme. Nothing about the person who sent it (contributor, respondent
    # type, moderation notes, flags) is indexed. "id" only lets a search be narrowed to ideas
    # that are published on a live public board.
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.RelatedFields("theme", [index.SearchField("name")]),
        index.FilterField("id"),
    ]

    board = models.ForeignKey(
        "consultations.IdeasBoardPage",
        on_delete=models.PROTECT,
        related_name="ideas",
        verbose_name=_("board"),
    )
    theme = models.ForeignKey(
        "consultations.BoardTheme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("theme"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    area = models.CharField(
        _("area"), max_length=4, blank=True, help_text=_("A postcode district, such as CR0.")
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("published comments"), default=0)
    response_status = models.CharField(
        _("what happened"), max_length=24, choices=ResponseStatus.choices, blank=True
    )
    public_response = models.TextField(
        _("our response"),
        blank=True,
        max_length=2000,
        help_text=_("Shown under the idea as 'You said, we did'. Plain text."),
    )
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    author_told_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    author_told_response_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "submission_key"], name="one_idea_per_submission"
            )
        ]
        indexes = [
            models.Index(fields=["board", "status", "-support_count"], name="idea_board_popular"),
            models.Index(fields=["board", "status", "-published_at"], name="idea_board_newest"),
        ]

    def __str__(self):
        return self.title

    @property
    def closing_theme_name(self):
        return self.theme.name if self.theme else ""

    @classmethod
    def get_indexed_objects(cls):
        """Only published ideas on live, public boards enter the search index.

        Waiting or rejected ideas may hold a phone number or a child's school that moderators
        have not yet removed (see update_index and modelsearch's signal handlers, which ask this).
        """
        return (
            super()
            .get_indexed_objects()
            .filter(status=ModerationStatus.PUBLISHED, board__live=True)
            .filter(board_id__in=Page.objects.filter(public_q()).values("pk"))
        )


def _drop_unpublished_idea_from_search(sender, instance, raw=False, **kwargs):
    # modelsearch adds what get_indexed_objects() allows but never removes what it no longer
    # allows: an idea rejected or hidden after publishing would stay in the index.
    if not raw and instance.status != ModerationStatus.PUBLISHED:
        index.remove_object(instance)


post_save.connect(
    _drop_unpublished_idea_from_search, sender=Idea, dispatch_uid="idea-search-index-drop"
)


class Comment(Contribution):
    """A resident's comment on a published idea."""

    # Residents' posts link to nothing editors need to track; indexing each save cost 14 ms.
    wagtail_reference_index_ignore = True

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idea")
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "submission_key"], name="one_comment_per_submission"
            )
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def title(self):
        return self.body[:60]


class SupportQuerySet(models.QuerySet):
    def supported_by(self, ideas, supporter):
        """Ids of `ideas` this supporter has supported, in one query (none without a key)."""
        if not supporter or not ideas:
            return set()
        return set(
            self.filter(idea__in=[idea.pk for idea in ideas], supporter=supporter).values_list(
                "idea_id", flat=True
            )
        )


class Support(models.Model):
    """One person's support for an idea, counted once per supporter."""

    # Residents' posts link to nothing editors need to track; indexing each save cost 14 ms.
    wagtail_reference_index_ignore = True

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    # A keyed hash of the supporter's signed cookie: not personal, and never reversible.
    supporter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["idea", "supporter"], name="one_support_per_person")
        ]

    def __str__(self):
        return f"{self.idea_id}: {self.supporter[:8]}"
