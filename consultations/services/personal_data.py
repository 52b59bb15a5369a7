"""Removing names and email addresses: when a consultation's retention ends, or on request.

Ideas and comments themselves are the public record of a consultation and stay after the
retention period, without names. A person who asks to be erased has their contributions
withdrawn too, because an idea's text can identify its author as surely as a name.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from consultations.models import (
    Comment,
    ConsultationPage,
    Contributor,
    Idea,
    IdeasBoardPage,
)
from foundation.page_cache import invalidate

ANONYMISE_ACTION = "consultations.anonymise_personal_data"
ERASE_ACTION = "consultations.erase_person"


def retention_ends_at(consultation):
    return consultation.closes_at + datetime.timedelta(days=consultation.retention_days)


def _boards_of(consultation):
    return IdeasBoardPage.objects.descendant_of(consultation)


def contributors_of(consultation):
    """Everyone who posted an idea or comment on the consultation's boards, named or not."""
    boards = _boards_of(consultation)
    idea_authors = Idea.objects.filter(board__in=boards, contributor__isnull=False).values(
        "contributor_id"
    )
    comment_authors = Comment.objects.filter(
        idea__board__in=boards, contributor__isnull=False
    ).values("contributor_id")
    return Contributor.objects.filter(Q(pk__in=idea_authors) | Q(pk__in=comment_authors))


def anonymise_expired(now=None, progress=None, dry_run=False):
    """Blank the names and emails of contributors to consultations past their retention period.

    Safe to rerun: people already anonymised are not counted again. `progress`, when given, is
    called with (consultation, count, retention_ends_at) once per expired consultation. Returns
    how many consultations were past their retention and how many people were anonymised.
    """
    now = now or timezone.now()
    counts = {"consultations": 0, "contributors": 0}
    # Retention differs per consultation, so the date sum is done here rather than in SQL (where
    # SQLite and PostgreSQL add days to a date differently); consultations are few.
    closed = ConsultationPage.objects.filter(closes_at__lte=now).order_by("closes_at", "pk")
    for consultation in closed:
        ends_at = retention_ends_at(consultation)
        if ends_at > now:
            continue
        pending = contributors_of(consultation).filter(anonymised_at__isnull=True)
        if dry_run:
            count = pending.count()
        else:
            with transaction.atomic():
                count = pending.update(
                    name="", email="", email_confirmed_at=None, anonymised_at=now
                )
                if count:
                    log(consultation, ANONYMISE_ACTION, data={"contributors": count})
        counts["consultations"] += 1
        counts["contributors"] += count
        if progress:
            progress(consultation, count, ends_at)
    return counts


def _normalise(email):
    return (email or "").strip()


def find_person(email):
    """What is held about whoever gave this address: their contributions and consultations.

    The match ignores case (people type their address differently each time). An empty address
    matches nobody: anonymised contributors all have one.
    """
    email = _normalise(email)
    if not email:
        contributors = Contributor.objects.none()
    else:
        contributors = Contributor.objects.filter(email__iexact=email)
    ideas = (
        Idea.objects.filter(contributor__in=contributors)
        .select_related("board")
        .order_by("created_at")
    )
    comments = (
        Comment.objects.filter(contributor__in=contributors)
        .select_related("idea__board")
        .order_by("created_at")
    )
    boards = {idea.board for idea in ideas} | {comment.idea.board for comment in comments}
    # A board's parent is its consultation: its path is the board's, one step shorter.
    parent_paths = {board.path[: -board.steplen] for board in boards}
    consultations = ConsultationPage.objects.filter(path__in=parent_paths).order_by("title")
    return {
        "contributors": list(contributors),
        "ideas": list(ideas),
        "comments": list(comments),
        "consultations": list(consultations),
    }


def _recount_comments(idea_ids):
    """Keep the published-comment counts right on other people's ideas that lost a comment."""
    Idea.objects.filter(pk__in=idea_ids).recount_comments()


def erase_person(email, user):
    """Erase everyone who gave this address, and withdraw their ideas and comments.

    Deleting an idea also deletes the supports and comments on it. One audit entry records who
    erased how much, with counts only: the address itself is what was asked to be forgotten.
    """
    found = find_person(email)
    contributors = found["contributors"]
    counts = {
        "contributors": len(contributors),
        "ideas": len(found["ideas"]),
        "comments": len(found["comments"]),
    }
    if not contributors:
        return counts
    contributor_ids = [contributor.pk for contributor in contributors]
    with transaction.atomic():
        comments = Comment.objects.filter(contributor_id__in=contributor_ids)
        others_ideas = set(
            comments.exclude(idea__contributor_id__in=contributor_ids).values_list(
                "idea_id", flat=True
            )
        )
        comments.delete()
        Idea.objects.filter(contributor_id__in=contributor_ids).delete()
        _recount_comments(others_ideas)
        # Logged against the first contributor before it goes: the entry keeps its label
        # ("Contributor 12") and the counts, and Wagtail's site history shows who did it.
        log(contributors[0], ERASE_ACTION, user=user, data=counts)
        Contributor.objects.filter(pk__in=contributor_ids).delete()
        # Withdrawn ideas must not linger in cached board pages.
        transaction.on_commit(invalidate)
    return counts
