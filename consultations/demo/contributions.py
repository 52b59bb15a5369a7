"""What residents posted on the demo boards: ideas, their comments and supports, and the few
people who left their details.

Ideas and comments have fixed submission keys ("demo-<consultation>-<board>-<n>", "<idea>-c<n>")
and supporters fixed hashes, so a second load finds what the first made. Each is sent, checked
and answered at a time worked out from the data's days, the same on every run. Anything a
moderator dealt with is left as they left it, and names and email addresses are written only
when an idea is first made, so personal details that were erased stay erased.
"""

import datetime

from consultations.flagging import flags_for
from consultations.models import (
    Comment,
    Contributor,
    Idea,
    ModerationStatus,
    RejectionReason,
    RespondentType,
    Support,
)
from foundation.demo import changed_in_admin_by

from .ids import as_json, board_key, demo_uuid, supporter_hash


class ContributionLoading:
    """The ideas part of ConsultationDemoLoader: needs self.now, self.log and self.changed."""

    def load_ideas(self, board, consultation_data, data, contributors, dates):
        """The board's ideas, their comments and supports.

        dates: when the consultation opened, when the council answered (None: a week after
        each idea was checked) and when its retention period ended (None: not yet).
        """
        opens_at, responded, erased_at = dates
        themes = {theme.translation_key: theme for theme in board.themes.all()}
        theme_key = board_key(consultation_data, data)
        counts = {"created": 0, "updated": 0}
        for number, idea_data in enumerate(data["ideas"], start=1):
            key = f"demo-{consultation_data['key']}-{data['slug']}-{number}"
            theme = themes.get(demo_uuid("theme", f"{theme_key}:{idea_data['theme']}"))
            fields = self.idea_fields(board, idea_data, number, opens_at, responded)
            if fields["created_at"] > self.now:
                continue  # not yet sent: a later run adds it
            fields["theme"] = theme
            self.load_idea(board, key, fields, idea_data, contributors, counts, erased_at)
        self.log(
            f"  ideas on '{board.title}': {counts['created']} created, {counts['updated']} updated"
        )

    def idea_fields(self, board, data, number, opens_at, responded):
        status = ModerationStatus(data.get("status", ModerationStatus.PUBLISHED))
        by = RespondentType(data["by"])
        # Sent during the day, at a different hour for each idea.
        created = opens_at + datetime.timedelta(days=data["day"], hours=(number * 3) % 10)
        checked = created + datetime.timedelta(days=1)
        published = None
        if status == ModerationStatus.PUBLISHED:
            first_checked = board.post_moderated and by != RespondentType.YOUNG_PERSON
            published = created if first_checked else checked
        response_status, public_response = data.get("response", ("", ""))
        return {
            "title": data["title"],
            "description": data["description"],
            "area": data["area"],
            "respondent_type": by,
            "language": "en",
            "status": status,
            "rejection_reason": RejectionReason(data["reason"]) if "reason" in data else "",
            "moderation_note": data.get("note", ""),
            "flags": as_json(flags_for(data["title"], data["description"])),
            "created_at": created,
            "published_at": published,
            "moderated_at": checked if status != ModerationStatus.PENDING else None,
            "response_status": response_status,
            "public_response": public_response,
            "responded_at": (responded or checked + datetime.timedelta(days=7))
            if response_status
            else None,
        }

    def load_idea(self, board, key, fields, data, contributors, counts, erased_at):
        idea = Idea.objects.filter(board=board, submission_key=key).first()
        if idea is None:
            idea = Idea(board=board, submission_key=key, **fields)
            idea.contributor, confirmed = self.contributor(data, contributors, fields, erased_at)
            if confirmed:
                idea.author_told_published_at = fields["published_at"]
                idea.author_told_response_at = fields["responded_at"]
            idea.save()
            # The sent time is set on creation: put the demo's own back.
            Idea.objects.filter(pk=idea.pk).update(created_at=fields["created_at"])
            counts["created"] += 1
            self.changed += 1
        elif self._kept_contribution(idea, f"idea '{idea.title}'"):
            return
        else:
            changed = [name for name, value in fields.items() if getattr(idea, name) != value]
            if changed:
                for name in changed:
                    setattr(idea, name, fields[name])
                idea.save(update_fields=changed)
                counts["updated"] += 1
                self.changed += 1
        self.load_comments(idea, key, data.get("comments", []), fields)
        self.count(idea, data.get("supports", 0) if idea.is_published else 0, key)

    def contributor(self, data, contributors, fields, erased_at):
        """The person behind an idea who asked for updates, and whether they confirmed their
        address: made once, with the idea."""
        if "contributor" not in data:
            return None, False
        name, email, confirmed = contributors[data["contributor"]]
        if erased_at is not None:
            # Past the consultation's retention period: as the anonymising command leaves people.
            return Contributor.objects.create(anonymised_at=erased_at), confirmed
        if data["by"] == RespondentType.YOUNG_PERSON:
            name = ""  # a young person's name is never kept
        confirmed_at = fields["created_at"] + datetime.timedelta(hours=1) if confirmed else None
        contributor = Contributor.objects.create(
            name=name, email=email, email_confirmed_at=confirmed_at
        )
        return contributor, confirmed

    def _kept_contribution(self, item, label):
        """A moderator dealt with it (their name is on it, or on a log entry): leave it."""
        person = item.moderated_by if item.moderated_by_id else changed_in_admin_by(item)
        if person is None:
            return False
        self.log(f"  kept {label}: changed in the admin by {person.get_username()}")
        return True

    def load_comments(self, idea, idea_key, comments, idea_fields):
        if idea_fields["status"] != ModerationStatus.PUBLISHED:
            return
        for number, row in enumerate(comments, start=1):
            by, body, *rest = row
            status = ModerationStatus(rest[0]) if rest else ModerationStatus.PUBLISHED
            created = idea_fields["published_at"] + datetime.timedelta(days=number, hours=2)
            if created > self.now:
                continue
            checked = created + datetime.timedelta(hours=20)
            fields = {
                "body": body,
                "respondent_type": RespondentType(by),
                "language": "en",
                "status": status,
                "rejection_reason": RejectionReason(rest[1]) if len(rest) > 1 else "",
                "flags": as_json(flags_for(body)),
                "created_at": created,
                "published_at": checked if status == ModerationStatus.PUBLISHED else None,
                "moderated_at": checked,
            }
            key = f"{idea_key}-c{number}"
            comment = Comment.objects.filter(idea=idea, submission_key=key).first()
            if comment is None:
                comment = Comment.objects.create(idea=idea, submission_key=key, **fields)
                Comment.objects.filter(pk=comment.pk).update(created_at=created)
                self.changed += 1
            elif not self._kept_contribution(comment, f"a comment on '{idea.title}'"):
                changed = [
                    name for name, value in fields.items() if getattr(comment, name) != value
                ]
                if changed:
                    for name in changed:
                        setattr(comment, name, fields[name])
                    comment.save(update_fields=changed)
                    self.changed += 1

    def count(self, idea, supports, key):
        """Add the demo's supporters, then make the idea's counts match its rows."""
        wanted = [supporter_hash(key, number) for number in range(supports)]
        have = set(
            Support.objects.filter(idea=idea, supporter__in=wanted).values_list(
                "supporter", flat=True
            )
        )
        missing = [supporter for supporter in wanted if supporter not in have]
        if missing:
            made = Support.objects.bulk_create(
                [Support(idea=idea, supporter=supporter) for supporter in missing]
            )
            # Spread over the weeks after publication, the same on every run.
            start = idea.published_at or idea.created_at
            for support in made:
                number = wanted.index(support.supporter)
                support.created_at = min(start + datetime.timedelta(hours=5 + number * 7), self.now)
            Support.objects.bulk_update(made, ["created_at"])
            self.changed += 1
        counts = {
            "support_count": Support.objects.filter(idea=idea).count(),
            "comment_count": idea.comments.filter(status=ModerationStatus.PUBLISHED).count(),
        }
        changed = [name for name, value in counts.items() if getattr(idea, name) != value]
        if changed:
            Idea.objects.filter(pk=idea.pk).update(**counts)
            self.changed += 1
