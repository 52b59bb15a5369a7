"""Policy pages: status, owner, review dates, topics, related policies and version history."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageLogEntry
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, ReferencesBlock
from home.queries import public

from .base import BasePage, promote_panels_with_earlier_summary
from .policy_topics import PolicyTopic, in_language

REVIEW_WARNING_DAYS = 30


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    UNDER_REVIEW = "under_review", _("Under review")


class PolicyPageForm(WagtailAdminPageForm):
    """The policy edit form: topics offered in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
            self.fields["topics"].queryset = PolicyTopic.objects.filter(locale_id=locale_id)
            if self.instance.pk and not self.is_bound:
                # A translated copy may hold the original's topics: tick their translations.
                current = self.instance.topics.all()
                local = self.fields["topics"].queryset.filter(
                    translation_key__in=[topic.translation_key for topic in current]
                )
                self.initial["topics"] = [topic.pk for topic in in_language(current, local)]
        if self.instance.pk and not self.is_bound and "change_note" in self.fields:
            # The note describes one version: once published, the next version starts blank,
            # or publishing again would repeat it. A draft's own note is kept.
            history = self.instance.get_version_history()
            if history and self.instance.change_note == history[0]["revision_note"]:
                self.initial["change_note"] = ""


class PolicyPage(BasePage):
    """One policy with its status, owner, review dates, references and version history."""

    base_form_class = PolicyPageForm

    # The policy's one summary: BasePage's listing summary is left off its form (decision 0011).
    summary = models.TextField(
        max_length=1200,
        help_text=_(
            "What the policy is for, in one or two plain sentences. Shown under the title, and "
            "in the policy library unless the page has a meta description (Promote tab)."
        ),
    )
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
        # Holds the list text that the policy's listing summary held before decision 0011.
        index.SearchField("search_description"),
        index.SearchField("introduction"),
        index.SearchField("owner_role"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("next_review_due"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    content_panels = [
        *Page.content_panels,
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
    # The earlier list summary shows only on policies whose text could not move to the
    # meta description.
    promote_panels = promote_panels_with_earlier_summary(
        _(
            "Written before policies had one summary. While this holds text, lists and "
            "search results show it instead of the meta description or the summary. "
            "Clear it to use those."
        )
    )
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

    def get_topics(self):
        """This policy's topics in its own language."""
        topics = list(self.topics.all())
        if all(topic.locale_id == self.locale_id for topic in topics):
            return in_language(topics, [])
        local = PolicyTopic.objects.filter(
            translation_key__in=[topic.translation_key for topic in topics],
            locale_id=self.locale_id,
        )
        return in_language(topics, local)

    def get_related_policies(self):
        """Policies linked from or to this one, each once, in this page's language.

        A link belongs to the policy, not to one language's copy of it: wagtail-localize copies
        the links as they are (to the original language's pages), and an editor may add one in
        any language. So links are matched by translation key both ways, and each related
        policy is shown in this page's language, else the default language, else any.
        """
        keys = self.translation_key
        # The keys first, as a list: PostgreSQL answers "IN (subquery) OR IN (subquery)" by
        # scanning every page, and a list by the translation key's index.
        related_keys = {
            key
            for pair in PolicyRelation.objects.filter(
                Q(page__translation_key=keys) | Q(related__translation_key=keys)
            ).values_list("page__translation_key", "related__translation_key")
            for key in pair
        } - {keys}
        if not related_keys:
            return []
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        candidates = (
            public(PolicyPage.objects.live())
            .filter(translation_key__in=related_keys)
            .annotate(
                preference=Case(
                    When(locale_id=self.locale_id, then=0),
                    When(locale__language_code=default_language, then=1),
                    default=2,
                )
            )
            .order_by("translation_key", "preference")
        )
        chosen = {}
        for policy in candidates:
            chosen.setdefault(policy.translation_key, policy)
        return sorted(chosen.values(), key=lambda policy: policy.title)

    def get_version_history(self):
        """Each publication of this policy, newest first, with the note of its own revision.

        The note is read from the published revision. A note carried over unchanged from the
        version before (the field keeps its value, for instance when a page is published from
        code) is not shown again: each note appears once, on the version it describes.
        """
        entries = list(
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .select_related("revision")
            .order_by("timestamp", "pk")
        )
        history = []
        previous = ""
        for entry in entries:
            note = (
                (entry.revision.content.get("change_note") if entry.revision else "") or ""
            ).strip()
            history.append(
                {
                    "published_at": entry.timestamp,
                    "note": note if note != previous else "",
                    "revision_note": note,
                }
            )
            previous = note
        return history[::-1]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        comment_page = self.comment_page.localized if self.comment_page else None
        context.update(
            topics=self.get_topics(),
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
