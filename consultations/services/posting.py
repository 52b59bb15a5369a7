"""Store what residents post: one idea or comment per submitted form, moderated as set."""

import logging

from django.utils import timezone

from consultations.flagging import flags_for
from consultations.models import Comment, Contributor, Idea, ModerationStatus, RespondentType
from foundation.idempotency import store_once, submission_key
from foundation.page_cache import invalidate

from . import notifications

logger = logging.getLogger(__name__)


def _publishes_at_once(board, respondent_type, flags):
    # Young people's words are always read first (safeguarding), and so is anything flagged.
    return board.post_moderated and respondent_type != RespondentType.YOUNG_PERSON and not flags


def _contributor(data):
    name, email = data.get("name", ""), (data.get("email") or "").strip()
    if not (name or email):
        return None
    return Contributor.objects.create(name=name, email=email.lower())


def submit_idea(board, data, *, language, request=None):
    """Store an idea from a valid IdeaForm's cleaned data. Returns (idea, created).

    Sending the same form twice (a double click, "back" and send again, twenty requests at
    once) stores one idea: the repeats find the first by its submission key
    (foundation.idempotency).
    """
    key = submission_key(
        data["submission_key"],
        board.pk,
        data["title"],
        data["description"],
        data["theme"].pk,
        data.get("area", ""),
        data["respondent_type"],
        data.get("name", ""),
        data.get("email", ""),
    )
    flags = flags_for(data["title"], data["description"])
    at_once = _publishes_at_once(board, data["respondent_type"], flags)
    stored = {}

    def create():
        now = timezone.now()
        stored["contributor"] = contributor = _contributor(data)
        return Idea.objects.create(
            board=board,
            theme=data["theme"],
            title=data["title"],
            description=data["description"],
            area=data.get("area", ""),
            respondent_type=data["respondent_type"],
            language=language,
            contributor=contributor,
            flags=flags,
            submission_key=key,
            status=ModerationStatus.PUBLISHED if at_once else ModerationStatus.PENDING,
            published_at=now if at_once else None,
        )

    idea, created = store_once(Idea, {"board": board, "submission_key": key}, create)
    if not created:
        return idea, False
    contributor = stored["contributor"]
    if contributor and contributor.email:
        notifications.ask_to_confirm_email(contributor, request)
    if at_once:
        invalidate()
    return idea, True


def submit_comment(idea, data, *, language):
    """Store a comment from a valid CommentForm's cleaned data. Returns (comment, created)."""
    key = submission_key(data["submission_key"], idea.pk, data["body"], data["respondent_type"])
    flags = flags_for(data["body"])
    at_once = _publishes_at_once(idea.board, data["respondent_type"], flags)

    def create():
        now = timezone.now()
        comment = Comment.objects.create(
            idea=idea,
            body=data["body"],
            respondent_type=data["respondent_type"],
            language=language,
            flags=flags,
            submission_key=key,
            status=ModerationStatus.PUBLISHED if at_once else ModerationStatus.PENDING,
            published_at=now if at_once else None,
        )
        if at_once:
            Idea.objects.filter(pk=idea.pk).recount_comments()
        return comment

    comment, created = store_once(Comment, {"idea": idea, "submission_key": key}, create)
    if created and at_once:
        invalidate()
    return comment, created
