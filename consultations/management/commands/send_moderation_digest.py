"""Email the consultation moderators one message listing what has arrived since the last one.

Run every few minutes, as scheduled publishing is: `make run` loops it locally with the console
mail backend; production can call it from cron without --interval. Each item is listed once
(its moderators_notified_at is set after a successful send). The email names no resident and
quotes nothing they wrote (their words may hold the very details a moderator must redact):
it says what kind of item, on which board, whether it was flagged, with links to the queue.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.db import close_old_connections, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from consultations.models import AbuseReport, Comment, Idea, ModerationMode, ModerationStatus
from foundation.job_lock import job_lock

logger = logging.getLogger(__name__)

GROUP_NAME = "Consultation moderators"


def moderator_addresses():
    """The addresses of active members of the moderators group, each once."""
    users = (
        get_user_model().objects.filter(groups__name=GROUP_NAME, is_active=True).exclude(email="")
    )
    return sorted({user.email for user in users})


def _needs_a_moderator(board_path):
    # Pending, or published at once on a post-moderated board and not yet checked.
    return Q(status=ModerationStatus.PENDING) | Q(
        status=ModerationStatus.PUBLISHED,
        moderated_at__isnull=True,
        **{f"{board_path}__moderation": ModerationMode.POST},
    )


def new_items():
    """What no digest has listed yet: ideas, comments and open reports."""
    ideas = (
        Idea.objects.filter(_needs_a_moderator("board"), moderators_notified_at__isnull=True)
        .select_related("board")
        .order_by("created_at")
    )
    comments = (
        Comment.objects.filter(
            _needs_a_moderator("idea__board"), moderators_notified_at__isnull=True
        )
        .select_related("idea__board")
        .order_by("created_at")
    )
    reports = (
        AbuseReport.objects.filter(resolved_at__isnull=True, moderators_notified_at__isnull=True)
        .select_related("idea__board", "comment__idea__board")
        .order_by("created_at")
    )
    return list(ideas), list(comments), list(reports)


def _admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _edit_url(kind, pk):
    return _admin_url(reverse(f"wagtailsnippets_consultations_{kind}:edit", args=[pk]))


def _lines(ideas, comments, reports):
    """One line per item: kind, number, board and flags, never the resident's words."""
    lines = []
    for idea in ideas:
        lines.append(
            {
                "label": gettext("Idea %(id)s") % {"id": idea.pk},
                "board": idea.board.title,
                "flagged": bool(idea.flags),
                "young_person": idea.is_young_person,
                "url": _edit_url("idea", idea.pk),
            }
        )
    for comment in comments:
        lines.append(
            {
                "label": gettext("Comment %(id)s") % {"id": comment.pk},
                "board": comment.idea.board.title,
                "flagged": bool(comment.flags),
                "young_person": comment.is_young_person,
                "url": _edit_url("comment", comment.pk),
            }
        )
    for report in reports:
        item = report.item
        kind = "idea" if report.idea_id else "comment"
        board = item.board if kind == "idea" else item.idea.board
        lines.append(
            {
                "label": gettext("Report of %(kind)s %(id)s: %(reason)s")
                % {
                    "kind": gettext("idea") if kind == "idea" else gettext("comment"),
                    "id": item.pk,
                    "reason": report.get_reason_display(),
                },
                "board": board.title,
                "flagged": report.reason == "safeguarding",
                "young_person": False,
                "url": _edit_url(kind, item.pk),
            }
        )
    return lines


def send_digest():
    """Send one digest to each moderator. Returns (items listed, moderators emailed)."""
    ideas, comments, reports = new_items()
    total = len(ideas) + len(comments) + len(reports)
    if not total:
        return 0, 0
    recipients = moderator_addresses()
    if not recipients:
        # Kept for the digest once someone joins the group, rather than marked as told.
        logger.warning("No consultation moderators with an email address to tell")
        return total, 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "Consultations: %(count)s new item to moderate",
            "Consultations: %(count)s new items to moderate",
            total,
        ) % {"count": total}
        body = render_to_string(
            "consultations/email/moderation_digest.txt",
            {
                "lines": _lines(ideas, comments, reports),
                "count": total,
                "queue_url": _admin_url(reverse("consultations_moderation_queue")),
            },
        )
    # One message per moderator, so nobody sees the others' addresses.
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    )
    now = timezone.now()
    with transaction.atomic():
        Idea.objects.filter(pk__in=[idea.pk for idea in ideas]).update(moderators_notified_at=now)
        Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(
            moderators_notified_at=now
        )
        AbuseReport.objects.filter(pk__in=[report.pk for report in reports]).update(
            moderators_notified_at=now
        )
    return total, len(recipients)


class Command(BaseCommand):
    help = "Email consultation moderators a digest of new ideas, comments and reports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=0,
            help="Seconds between runs (at least 5); without it, run once and stop.",
        )

    def handle(self, *args, interval, **options):
        while True:
            self.run_once()
            if not interval:
                return
            time.sleep(max(interval, 5))
            # A long-running loop must not hold a connection the database has since dropped.
            close_old_connections()

    def run_once(self):
        # Two servers sending at the same minute would list every item twice.
        with job_lock("send_moderation_digest", expires_after=timedelta(minutes=30)) as acquired:
            if acquired:
                self._send()
            else:
                self.stdout.write("Another server is sending the digest: skipped.")

    def _send(self):
        try:
            items, moderators = send_digest()
        except Exception as error:  # a mail server that is down is tried again next time
            logger.exception("Moderation digest not sent")
            self.stderr.write(f"Moderation digest not sent: {error}")
            return
        if not items:
            self.stdout.write("Nothing new for moderators.")
        elif not moderators:
            self.stdout.write(
                f"{items} new item(s), but no active moderator has an email address: "
                "kept for the next digest."
            )
        else:
            self.stdout.write(f"Sent a digest of {items} item(s) to {moderators} moderator(s).")
