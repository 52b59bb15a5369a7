"""What moderation did with a consultation's ideas and comments: the transparency figures."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext

from consultations.models import ModerationStatus, RejectionReason

PUBLISHED = Q(status=ModerationStatus.PUBLISHED)
NOT_PUBLISHED = Q(status__in=[ModerationStatus.REJECTED, ModerationStatus.HIDDEN])


@dataclass(frozen=True)
class ReasonCount:
    """Contributions not published for one reason."""

    reason: str
    label: str
    count: int


@dataclass(frozen=True)
class ModerationFigures:
    """What happened to contributions of one kind: the moderation transparency figures."""

    received: int = 0
    published: int = 0
    pending: int = 0
    not_published: int = 0
    by_reason: list[ReasonCount] = field(default_factory=list)


def _moderation_figures(rows):
    """Fold (status, rejection_reason, count) rows into the transparency figures."""
    by_status = defaultdict(int)
    by_reason = defaultdict(int)
    for status, reason, count in rows:
        by_status[status] += count
        if status in (ModerationStatus.REJECTED, ModerationStatus.HIDDEN):
            by_reason[reason or ""] += count
    labels = dict(RejectionReason.choices)
    reasons = [
        ReasonCount(value, str(label), by_reason[value])
        for value, label in RejectionReason.choices
        if by_reason.get(value)
    ]
    if by_reason.get(""):
        # Hidden after residents' reports, before a moderator gave a reason.
        reasons.append(ReasonCount("", gettext("Hidden, no reason recorded"), by_reason[""]))
    unknown = set(by_reason) - set(labels) - {""}
    reasons += [ReasonCount(value, value, by_reason[value]) for value in sorted(unknown)]
    return ModerationFigures(
        received=sum(by_status.values()),
        published=by_status[ModerationStatus.PUBLISHED],
        pending=by_status[ModerationStatus.PENDING],
        not_published=by_status[ModerationStatus.REJECTED] + by_status[ModerationStatus.HIDDEN],
        by_reason=reasons,
    )


def moderation_counts(scope):
    """Ideas and comments by status and reason, and the supports on published ideas."""
    status_rows = list(
        scope.ideas.values("status", "rejection_reason")
        .annotate(count=Count("pk"), supports=Sum("support_count"))
        .values_list("status", "rejection_reason", "count", "supports")
    )
    idea_figures = _moderation_figures((s, r, c) for s, r, c, _supports in status_rows)
    supports = sum(
        supports or 0 for s, _r, _c, supports in status_rows if s == ModerationStatus.PUBLISHED
    )
    comment_figures = _moderation_figures(
        scope.comments.values("status", "rejection_reason")
        .annotate(count=Count("pk"))
        .values_list("status", "rejection_reason", "count")
    )
    return idea_figures, comment_figures, supports
