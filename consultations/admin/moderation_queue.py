"""What waits for a moderator: pending ideas and comments, unchecked posts and open reports.

Ideas and comments are two tables, so the queue is a UNION of the two, sorted and paginated by
the database (flagged first, then whatever has waited longest), and only the rows on the page
being shown are then read in full.
"""

from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateTimeField,
    Exists,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from consultations.flagging import flags_for, highlight
from consultations.models import (
    AbuseReport,
    Comment,
    Idea,
    ModerationMode,
    ModerationStatus,
    ReportReason,
)

# Moderators change ideas and comments; neither permission alone is enough to work the queue.
MODERATION_PERMISSIONS = ("consultations.change_idea", "consultations.change_comment")
KINDS = {"idea": Idea, "comment": Comment}


def can_moderate(user):
    """Whether `user` may see the queue and act on it (superusers always may)."""
    return bool(user and user.is_active and user.has_perms(MODERATION_PERMISSIONS))


def _open_reports(kind):
    return AbuseReport.objects.filter(**{kind: OuterRef("pk")}, resolved_at__isnull=True)


def _waiting(model, kind, *, board=None, why=None):
    """One side of the queue: rows of `model` that need a moderator, as plain values."""
    reported = Exists(_open_reports(kind))
    board_path = "board" if model is Idea else "idea__board"
    unchecked = Q(
        status=ModerationStatus.PUBLISHED,
        moderated_at__isnull=True,
        **{f"{board_path}__moderation": ModerationMode.POST},
    )
    flagged = ~Q(flags=[]) | Exists(_open_reports(kind).filter(reason=ReportReason.SAFEGUARDING))
    queryset = model.objects.annotate(reported=reported).filter(
        Q(status=ModerationStatus.PENDING) | unchecked | Q(reported=True)
    )
    if board is not None:
        queryset = queryset.filter(**{f"{board_path}__translation_key": board.translation_key})
    if why == "flagged":
        queryset = queryset.filter(flagged)
    elif why == "reported":
        queryset = queryset.filter(reported=True)
    elif why == "pending":
        queryset = queryset.filter(status=ModerationStatus.PENDING)
    first_report = Subquery(
        _open_reports(kind)
        .order_by()
        .values(kind)
        .annotate(first=Min("created_at"))
        .values("first")
    )
    return (
        queryset.annotate(
            kind=Value(kind, output_field=CharField()),
            is_flagged=Case(
                When(flagged, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            # A reported item has waited since its first open report, not since it was posted.
            waiting_since=Coalesce(first_report, "created_at", output_field=DateTimeField()),
        )
        .order_by()
        .values("pk", "kind", "is_flagged", "waiting_since")
    )


def queue_rows(*, kind=None, board=None, why=None):
    """The queue as {pk, kind, is_flagged, waiting_since} rows, in the order to work through."""
    sides = [
        _waiting(model, name, board=board, why=why)
        for name, model in KINDS.items()
        if kind in (None, "", name)
    ]
    rows = sides[0].union(*sides[1:], all=True) if len(sides) > 1 else sides[0]
    return rows.order_by("-is_flagged", "waiting_since", "kind", "pk")


def pending_count():
    """How many items wait for a moderator, for the menu and the dashboard."""
    return queue_rows().count()


@dataclass
class QueueItem:
    """One idea or comment as the queue shows it, with matched words marked."""

    kind: str
    item: object
    waiting_since: object
    is_flagged: bool
    reports: list = field(default_factory=list)

    @property
    def key(self):
        return f"{self.kind}:{self.item.pk}"

    @property
    def flags(self):
        texts = (
            [self.item.title, self.item.description] if self.kind == "idea" else [self.item.body]
        )
        return flags_for(*texts)

    @property
    def title_html(self):
        return highlight(self.item.title, self.flags) if self.kind == "idea" else ""

    @property
    def text_html(self):
        text = self.item.description if self.kind == "idea" else self.item.body
        return highlight(text, self.flags)

    @property
    def board(self):
        return self.item.board if self.kind == "idea" else self.item.idea.board

    @property
    def idea_title(self):
        return self.item.idea.title if self.kind == "comment" else ""

    @property
    def edit_url(self):
        return reverse(
            f"wagtailsnippets_consultations_{self.kind}:edit", args=[quote(self.item.pk)]
        )

    @property
    def reject_url(self):
        return reverse("consultations_moderation_reject", args=[self.kind, self.item.pk])

    @property
    def is_pending(self):
        return self.item.status == ModerationStatus.PENDING


@dataclass
class QueueReport:
    reason: str
    details_html: str
    created_at: object


def queue_items(rows):
    """The page's rows read in full: two queries per kind, whatever the page size."""
    rows = list(rows)
    wanted = {name: [row["pk"] for row in rows if row["kind"] == name] for name in KINDS}
    loaded = {
        "idea": Idea.objects.select_related("board", "theme").in_bulk(wanted["idea"]),
        "comment": Comment.objects.select_related("idea__board").in_bulk(wanted["comment"]),
    }
    reports = {}
    for report in AbuseReport.objects.filter(
        Q(idea_id__in=wanted["idea"]) | Q(comment_id__in=wanted["comment"]),
        resolved_at__isnull=True,
    ).order_by("created_at"):
        key = ("idea", report.idea_id) if report.idea_id else ("comment", report.comment_id)
        reports.setdefault(key, []).append(
            QueueReport(
                reason=report.get_reason_display(),
                details_html=highlight(report.details, flags_for(report.details)),
                created_at=report.created_at,
            )
        )
    items = []
    for row in rows:
        item = loaded[row["kind"]].get(row["pk"])
        if item is None:  # acted on by another moderator since the page was counted
            continue
        items.append(
            QueueItem(
                kind=row["kind"],
                item=item,
                waiting_since=row["waiting_since"],
                is_flagged=bool(row["is_flagged"]),
                reports=reports.get((row["kind"], item.pk), []),
            )
        )
    return items


def find_item(kind, pk):
    """The idea or comment a form names as kind and id, or None."""
    model = KINDS.get(kind)
    if model is None:
        return None
    return model.objects.filter(pk=pk).first()
