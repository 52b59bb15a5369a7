"""Moderators' actions on ideas and comments: approve, reject, hide, fix a typo, respond.

Every action runs in a transaction on a locked copy of the row, so two moderators (or a double
click) acting on the same item at once do it once; calling an action again when there is nothing
left to do changes nothing and logs nothing. Each action is written to Wagtail's audit log with
the moderator, and the log's data never holds what a resident typed or who they are.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from consultations.flagging import flags_for
from consultations.models import (
    AbuseReport,
    Comment,
    Idea,
    ModerationStatus,
    RejectionReason,
    ResponseStatus,
)
from consultations.services import notifications
from foundation import page_cache

APPROVE = "consultations.approve"
REJECT = "consultations.reject"
HIDE = "consultations.hide"
EDIT_TEXT = "consultations.edit_text"
RESPOND = "consultations.respond"
EDIT = "consultations.edit"
ACTIONS = (APPROVE, REJECT, HIDE, EDIT_TEXT, RESPOND, EDIT)

# The fields a moderator may correct: a typo, or a phone number to redact before publishing.
TEXT_FIELDS = {Idea: ("title", "description"), Comment: ("body",)}
NOTE_MAX_LENGTH = 1000


class ModerationError(ValueError):
    """An action asked with values it cannot take, such as an unknown reason."""


def kind_of(item):
    """ "idea" or "comment": how the queue, the forms and the log name the item's type."""
    return item._meta.model_name


def log_title(item):
    """A neutral label for the audit log: what residents typed can hold personal details."""
    if isinstance(item, Idea):
        return gettext("Idea %(id)s") % {"id": item.pk}
    return gettext("Comment %(id)s") % {"id": item.pk}


def approve(item, user):
    """Publish `item`, or keep it published after reports. True when something changed."""
    with transaction.atomic():
        locked = _locked(item)
        previous = locked.status
        resolved = _resolve_reports(locked, user)
        if previous == ModerationStatus.PUBLISHED and locked.moderated_at and not resolved:
            return _done(item, changed=False)
        now = timezone.now()
        locked.status = ModerationStatus.PUBLISHED
        locked.published_at = locked.published_at or now
        locked.rejection_reason = ""
        _stamp(locked, user, now)
        locked.save(
            update_fields=[
                "status",
                "published_at",
                "rejection_reason",
                "moderated_at",
                "moderated_by",
            ]
        )
        _count_comments(locked)
        _log(locked, APPROVE, user, previous_status=previous, reports_resolved=resolved)
    if previous != ModerationStatus.PUBLISHED:
        _public_view_changed()
        if isinstance(locked, Idea):
            notifications.tell_author_published(locked)
    return _done(item, changed=True)


def reject(item, user, reason, note=""):
    """Keep `item` off the site, for one of the RejectionReason reasons, with a private note."""
    if reason not in RejectionReason.values:
        raise ModerationError(gettext("Choose a reason from the list."))
    note = _checked_note(note)
    with transaction.atomic():
        locked = _locked(item)
        previous = locked.status
        resolved = _resolve_reports(locked, user)
        if (
            previous == ModerationStatus.REJECTED
            and locked.rejection_reason == reason
            and (not note or note == locked.moderation_note)
        ):
            if resolved:
                _log(
                    locked,
                    REJECT,
                    user,
                    previous_status=previous,
                    reason=reason,
                    reports_resolved=resolved,
                )
            return _done(item, changed=bool(resolved))
        locked.status = ModerationStatus.REJECTED
        locked.rejection_reason = reason
        if note:
            locked.moderation_note = note
        _stamp(locked, user, timezone.now())
        locked.save(
            update_fields=[
                "status",
                "rejection_reason",
                "moderation_note",
                "moderated_at",
                "moderated_by",
            ]
        )
        _count_comments(locked)
        # The reason is a code from a fixed list; the note stays out of the log (it may name
        # the person a safeguarding worry is about).
        _log(
            locked, REJECT, user, previous_status=previous, reason=reason, reports_resolved=resolved
        )
    if previous == ModerationStatus.PUBLISHED:
        _public_view_changed()
    return _done(item, changed=True)


def hide(item, user, note=""):
    """Take `item` off the site without a rejection reason, such as after reports."""
    note = _checked_note(note)
    with transaction.atomic():
        locked = _locked(item)
        previous = locked.status
        resolved = _resolve_reports(locked, user)
        if previous == ModerationStatus.HIDDEN and (not note or note == locked.moderation_note):
            if resolved:
                _log(locked, HIDE, user, previous_status=previous, reports_resolved=resolved)
            return _done(item, changed=bool(resolved))
        locked.status = ModerationStatus.HIDDEN
        if note:
            locked.moderation_note = note
        _stamp(locked, user, timezone.now())
        locked.save(update_fields=["status", "moderation_note", "moderated_at", "moderated_by"])
        _count_comments(locked)
        _log(locked, HIDE, user, previous_status=previous, reports_resolved=resolved)
    if previous == ModerationStatus.PUBLISHED:
        _public_view_changed()
    return _done(item, changed=True)


def edit_text(item, user, **fields):
    """Correct what a resident wrote (a typo, a redacted phone number), and flag it again."""
    allowed = TEXT_FIELDS[type(item)]
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ModerationError(f"Cannot edit {', '.join(sorted(unknown))} of a {kind_of(item)}.")
    with transaction.atomic():
        locked = _locked(item)
        changed = [name for name, value in fields.items() if getattr(locked, name) != value]
        if not changed:
            return _done(item, changed=False)
        for name in changed:
            setattr(locked, name, fields[name])
        locked.full_clean(exclude=[f.name for f in locked._meta.fields if f.name not in changed])
        locked.flags = flags_for(*(getattr(locked, name) for name in allowed))
        locked.save(update_fields=[*changed, "flags"])
        # Field names only: the old and new words may be the very details being removed.
        _log(locked, EDIT_TEXT, user, fields=changed, flags_left=len(locked.flags))
    if locked.status == ModerationStatus.PUBLISHED:
        _public_view_changed()
    return _done(item, changed=True)


def respond(idea, user, response_status, public_response):
    """Give an idea the council's status and public response ("You said, we did")."""
    if response_status not in ["", *ResponseStatus.values]:
        raise ModerationError(gettext("Choose what happened from the list."))
    public_response = str(public_response or "").strip()
    limit = Idea._meta.get_field("public_response").max_length
    if len(public_response) > limit:
        raise ModerationError(
            gettext("The response must be %(max)s characters or fewer.") % {"max": limit}
        )
    with transaction.atomic():
        locked = _locked(idea)
        if (locked.response_status, locked.public_response) == (response_status, public_response):
            return _done(idea, changed=False)
        locked.response_status = response_status
        locked.public_response = public_response
        locked.responded_at = timezone.now() if (response_status or public_response) else None
        locked.save(update_fields=["response_status", "public_response", "responded_at"])
        _log(locked, RESPOND, user, response_status=response_status)
    if locked.status == ModerationStatus.PUBLISHED:
        _public_view_changed()
    if response_status or public_response:
        notifications.tell_author_answered(locked)
    return _done(idea, changed=True)


def log_edit(item, user, fields):
    """Record an admin edit of fields other than the resident's words (a theme, a note)."""
    _log(item, EDIT, user, fields=sorted(fields))


def _checked_note(note):
    note = str(note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ModerationError(
            gettext("The note must be %(max)s characters or fewer.") % {"max": NOTE_MAX_LENGTH}
        )
    return note


def _locked(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


def _stamp(item, user, now):
    item.moderated_at = now
    item.moderated_by = user


def _resolve_reports(item, user):
    """Close the open reports of `item`: a moderator has now looked at it."""
    target = {"idea": item} if isinstance(item, Idea) else {"comment": item}
    return AbuseReport.objects.filter(resolved_at__isnull=True, **target).update(
        resolved_at=timezone.now(), resolved_by=user
    )


def _count_comments(item):
    """Keep an idea's comment count equal to its published comments, counted again."""
    if isinstance(item, Comment):
        Idea.objects.filter(pk=item.idea_id).recount_comments()


def _log(item, action, user, **data):
    log(instance=item, action=action, user=user, title=log_title(item), data=data)


def _invalidate_once_committed():
    page_cache.invalidate()


def _public_view_changed():
    """Move the page cache on now, and again once committed (a page rebuilt in between would
    otherwise keep the old state); once per transaction is enough for a bulk action."""
    page_cache.invalidate()
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", [])
    if not any(entry[1] is _invalidate_once_committed for entry in pending):
        transaction.on_commit(_invalidate_once_committed)


def _done(item, *, changed):
    item.refresh_from_db()
    return changed
