"""Store what residents post: one idea or comment per submitted form, moderated as set."""

import hashlib
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations.flagging import flags_for
from consultations.models import Comment, Contributor, Idea, ModerationStatus, RespondentType
from council_site.page_cache import invalidate

from . import notifications

logger = logging.getLogger(__name__)


def _submission_key(form_key, *parts):
    """The form's own token, or (a form without one) a fingerprint of what was sent, by whom."""
    if form_key:
        return form_key
    text = "\x1f".join(str(part) for part in parts)
    return "h" + hashlib.sha256(text.encode()).hexdigest()[:63]


def _publishes_at_once(board, respondent_type, flags):
    # Young people's words are always read first (safeguarding), and so is anything flagged.
    return board.post_moderated and respondent_type != RespondentType.YOUNG_PERSON and not flags


def _contributor(data):
    name, email = data.get("name", ""), (data.get("email") or "").strip()
    if not (name or email):
        return None
    return Contributor.objects.create(name=name, email=email.lower())


def submit_idea(board, data, *, language, client, request=None):
    """Store an idea from a valid IdeaForm's cleaned data. Returns (idea, created).

    Sending the same form twice (a double click, "back" and send again, twenty requests at
    once) stores one idea: the second finds the first by its submission key.
    """
    key = _submission_key(
        data.get("submission_key"), board.pk, data["title"], data["description"], client
    )
    existing = Idea.objects.filter(board=board, submission_key=key).first()
    if existing:
        return existing, False
    flags = flags_for(data["title"], data["description"])
    now = timezone.now()
    at_once = _publishes_at_once(board, data["respondent_type"], flags)
    try:
        with transaction.atomic():
            contributor = _contributor(data)
            idea = Idea.objects.create(
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
    except IntegrityError:
        # Another request with the same form won the race: theirs is the one idea.
        existing = Idea.objects.filter(board=board, submission_key=key).first()
        if existing is None:
            raise
        return existing, False
    if contributor and contributor.email:
        notifications.ask_to_confirm_email(contributor, request)
    if at_once:
        invalidate()
    return idea, True


def submit_comment(idea, data, *, language, client):
    """Store a comment from a valid CommentForm's cleaned data. Returns (comment, created)."""
    key = _submission_key(data.get("submission_key"), idea.pk, data["body"], client)
    existing = Comment.objects.filter(idea=idea, submission_key=key).first()
    if existing:
        return existing, False
    flags = flags_for(data["body"])
    now = timezone.now()
    at_once = _publishes_at_once(idea.board, data["respondent_type"], flags)
    try:
        with transaction.atomic():
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
    except IntegrityError:
        existing = Comment.objects.filter(idea=idea, submission_key=key).first()
        if existing is None:
            raise
        return existing, False
    if at_once:
        invalidate()
    return comment, True
