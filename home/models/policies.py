"""The policy library: an index that filters by topic and status, and policy pages."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageLogEntry, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, ReferencesBlock
from home.queries import public

from .base import BasePage

REVIEW_WARNING_DAYS = 30


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    UNDER_REVIEW = "under_review", _("Under review")


class PolicyTopic(TranslatableMixin, models.Model):
    """A subject policies are grouped by, such as 'Safeguarding'."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, help_text=_("Used in filter links; keep it short."))

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("policy topic")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class PolicyIndexPage(BasePage):
    """The policy library: lists policies, filtered by topic and status."""

    introduction = models.TextField(blank=True, max_length=600)
    per_page = 20

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.PolicyPage"]

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("policy index page")

    def get_context(self, request, *args, **kwargs):
        from home.forms import PolicyFilterForm

        context = super().get_context(request, *args, **kwargs)
        policies = public(
            PolicyPage.objects.child_of(self).live().prefetch_related("topics").order_by("title")
        )
        topics = list(PolicyTopic.objects.filter(locale_id=self.locale_id))
        form = PolicyFilterForm(request.GET or None, topics=topics)
        if form.is_valid():
            if form.cleaned_data["topic"]:
                policies = policies.filter(topics__slug=form.cleaned_data["topic"])
            if form.cleaned_data["status"]:
                policies = policies.filter(status=form.cleaned_data["status"])
        else:
            policies = policies.none() if form.is_bound and form.errors else policies
        paginator = Paginator(policies, self.per_page)
        context.update(
            filter_form=form,
            policies=paginator.get_page(request.GET.get("page")),
            paginator=paginator,
        )
        return context


class PolicyPage(BasePage):
    """One policy with its status, owner, review dates, references and version history."""

    summary = models.TextField(max_length=1200, help_text=_("What the policy is for, in brief."))
    introduction = models.TextField(
        blank=True,
        max_length=600,
        help_text=_(
            "The policy's opening paragraph in plain text, shown before its sections. "
            "Leave blank if the policy starts with its first section."
        ),
    )
    owner_role = models.CharField(
        max_length=120, help_text=_("A role, not a person's name, e.g. 'Centre Manager'.")
    )
    status = models.CharField(
        max_length=20, choices=PolicyStatus.choices, default=PolicyStatus.DRAFT
    )
    first_released = models.DateField(null=True, blank=True)
    last_reviewed = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    topics = ParentalManyToManyField(PolicyTopic, blank=True, related_name="policies")
    body = StreamField(BodyBlock(), blank=True)
    legislation = StreamField(
        ReferencesBlock(), blank=True, verbose_name=_("legislation and references")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed or printable version, if there is one."),
    )
    comment_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where 'Comment on this policy' leads, such as a consultation. "
            "Leave blank to invite comments by email."
        ),
    )
    change_note = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("What changed in this version; shown in the version history when published."),
    )

    parent_page_types = ["home.PolicyIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("owner_role"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("next_review_due"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("owner_role"),
                FieldPanel("status"),
                FieldPanel("topics"),
                FieldPanel("first_released"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
            ],
            _("Status and review"),
        ),
        FieldPanel("body"),
        FieldPanel("legislation"),
        FieldPanel("document"),
        InlinePanel("related_policies", label=_("Related policies")),
        FieldPanel("comment_page"),
        FieldPanel("change_note"),
    ]
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("first_released"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("next_review_due"),
        SynchronizedField("document"),
    ]

    class Meta:
        verbose_name = _("policy page")

    def get_summary(self):
        return super().get_summary() or self.summary

    @property
    def review_state(self):
        """'overdue', 'due_soon' or '' for the review badge and the admin report."""
        if not self.next_review_due:
            return ""
        today = timezone.localdate()
        if self.next_review_due < today:
            return "overdue"
        if self.next_review_due <= today + datetime.timedelta(days=REVIEW_WARNING_DAYS):
            return "due_soon"
        return ""

    def get_related_policies(self):
        """Policies linked from here or linking here: the link works both ways for readers."""
        linked = PolicyPage.objects.filter(
            models.Q(policy_relations_in__page=self) | models.Q(related_policies__related=self)
        )
        return public(linked.exclude(pk=self.pk).live()).distinct().order_by("title")

    def get_version_history(self):
        """Each publication of this policy, newest first, with the editor's change note."""
        entries = (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .select_related("revision")
            .order_by("-timestamp")
        )
        return [
            {
                "published_at": entry.timestamp,
                "note": (entry.revision.content.get("change_note") if entry.revision else "") or "",
            }
            for entry in entries
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        comment_page = self.comment_page.localized if self.comment_page else None
        context.update(
            related_policies=self.get_related_policies(),
            version_history=self.get_version_history(),
            comment_page=comment_page if comment_page and comment_page.live else None,
        )
        return context


class PolicyRelation(Orderable):
    """A link from one policy to another; shown on both."""

    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="related_policies")
    related = models.ForeignKey(
        PolicyPage, on_delete=models.CASCADE, related_name="policy_relations_in"
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related policy")
