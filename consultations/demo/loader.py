"""Load the demo consultations: the pledge's closed consultation and an open one on a policy.

Idempotent, as the other demo loaders are. Pages have fixed translation keys derived from their
data (uuid5), ideas and comments fixed submission keys ("demo-<consultation>-<board>-<n>"), and
supporters fixed hashes, so a second run finds what the first made and saves only what differs.

The admin wins. A consultation or board an editor has changed is left as it is, with everything
on it; an idea or comment a moderator has dealt with is left as the moderator left it; and names
and email addresses are only ever written when an idea is first made, so personal details that
were erased stay erased. A consultation, board or the consultations page an editor deleted is not
made again (foundation.demo), with nothing under it.

The pages it links to (the policy, the pledge) are home's, found in the page tree by slug: home's
loader makes them first, and a link to one that is not there is left out.
"""

import datetime
import hashlib
import json
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from consultations.flagging import flags_for
from consultations.models import (
    BoardTheme,
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationRelatedPage,
    Contributor,
    Idea,
    IdeasBoardPage,
    ModerationMode,
    ModerationStatus,
    RejectionReason,
    RespondentType,
    ResponseStatus,
    Support,
)
from foundation.bulk_tasks import tasks_run_once
from foundation.demo import DemoRecords, changed_in_admin_by, kept_for_editor
from home.models import HomePage, PolicyPage, PolicyTopic

from . import best_start_in_life, partnership_with_parents

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:consultations:demo")
INDEX = {
    "title": "Have your say",
    "slug": "consultations",
    "listing_summary": "Share your ideas on our services and policies, and see what changed.",
    "introduction": (
        "Tell us what you think about our services and policies. Share an idea, support other "
        "people's, and see what we did with what you told us."
    ),
}
# An open demo consultation keeps its dates while it stays open at least this much longer;
# otherwise its dates move on to the current months.
STILL_OPEN_FOR = datetime.timedelta(days=90)


def demo_uuid(kind, key):
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def uk_time(day, time_text):
    """An aware datetime for a date (or ISO date text) and "HH:MM" in the council's time zone."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(
        day, datetime.time.fromisoformat(time_text), tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def open_period(now):
    """Opens at the start of last month, closes at the end of the month six months on.

    The same all month, so loading the demo again in the same month changes nothing.
    """
    this_month = timezone.localtime(now).date().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    years, month = divmod(this_month.month - 1 + 7, 12)
    seventh_month_on = datetime.date(this_month.year + years, month + 1, 1)
    return (
        uk_time(last_month, "09:00"),
        uk_time(seventh_month_on - datetime.timedelta(days=1), "23:59"),
    )


def supporter_hash(submission_key, number):
    """A made-up supporter, the same on every run, shaped like the site's keyed hashes."""
    return hashlib.sha256(f"demo-supporter:{submission_key}:{number}".encode()).hexdigest()


def as_json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


class ConsultationDemoLoader:
    """Upserts the demo consultations under the home page; `log` gets a line per step."""

    def __init__(self, home, log=None, now=None):
        self.home = home
        self.locale = home.locale
        self.log = log or (lambda line: None)
        self.now = now or timezone.now()
        self.changed = 0
        self.records = DemoRecords()

    @transaction.atomic
    @tasks_run_once()  # each page is indexed once, when the load ends
    def load(self):
        index = self.load_index()
        if index is None:
            return None, None
        self.link_home(index)
        closed_data = best_start_in_life.CONSULTATION
        closed = self.load_consultation(
            index,
            closed_data,
            best_start_in_life.CONTRIBUTORS,
            uk_time(*closed_data["opens"]),
            uk_time(*closed_data["closes"]),
        )
        open_data = partnership_with_parents.CONSULTATION
        opens_at, closes_at = self.open_dates(open_data)
        consultation = self.load_consultation(
            index, open_data, partnership_with_parents.CONTRIBUTORS, opens_at, closes_at
        )
        self.link_policy(consultation)
        return closed, consultation

    # --- pages -------------------------------------------------------------------------------
    def upsert_page(self, parent, model, key, fields, children=None):
        """Create or update a published page; returns (page, kept by an editor).

        children maps a child relation to a function that says whether the page's rows differ
        from the data and another that sets them: (differs(page), set(page)). A page an editor
        deleted stays deleted: (None, True).
        """
        children = children or {}
        label = f"{model._meta.verbose_name} '{fields['title']}'"
        record_key = f"consultations:page:{key}"
        if self.records.deleted(record_key, self.log, label):
            return None, True
        page = model.objects.filter(translation_key=key, locale=self.locale).first()
        if page is not None:
            self.records.remember(record_key, page)
        if page is None:
            page = model(translation_key=key, locale=self.locale, **fields)
            for _differs, set_rows in children.values():
                set_rows(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  created {label}")
            self.records.remember(record_key, page)
            return page, False
        if kept_for_editor(page, self.log, f"{model._meta.verbose_name} '{page.title}'"):
            return page, True
        changed = [name for name, value in fields.items() if self._differs(page, name, value)]
        rows_changed = [name for name, (differs, _set) in children.items() if differs(page)]
        if changed or rows_changed or not page.live or page.has_unpublished_changes:
            for name in changed:
                setattr(page, name, fields[name])
            for name in rows_changed:
                children[name][1](page)
            page.save_revision().publish()
            self.changed += 1
            self.log(f"  updated {label}")
        return page, False

    @staticmethod
    def _differs(page, name, value):
        current = getattr(page, name)
        if hasattr(current, "raw_data"):
            current = [{"type": b["type"], "value": b["value"]} for b in current.raw_data]
        return current != value

    def load_index(self):
        if self.records.deleted(
            f"consultations:page:{demo_uuid('page', 'index')}", self.log, "the consultations page"
        ):
            return None
        index = ConsultationIndexPage.objects.child_of(self.home).first()
        if index is not None and kept_for_editor(index, self.log, "the consultations page"):
            return index
        index, _kept = self.upsert_page(
            self.home,
            ConsultationIndexPage,
            index.translation_key if index else demo_uuid("page", "index"),
            {**INDEX, "show_in_menus": True},
        )
        return index

    def open_dates(self, data):
        """Keep an open demo consultation's dates while they still suit; else this month's."""
        page = ConsultationPage.objects.filter(
            translation_key=demo_uuid("page", data["key"]), locale=self.locale
        ).first()
        if (
            page is not None
            and page.opens_at <= self.now
            and page.closes_at >= self.now + STILL_OPEN_FOR
        ):
            return page.opens_at, page.closes_at
        return open_period(self.now)

    def load_consultation(self, index, data, contributors, opens_at, closes_at):
        self.log(f"Consultation: {data['title']}")
        fields = {
            "title": data["title"],
            "slug": data["slug"],
            "listing_summary": "",  # retired for consultations (decision 0011)
            "search_description": data["search_description"],
            "summary": data["summary"],
            "why_we_are_asking": data["why_we_are_asking"],
            "who_can_take_part": data["who_can_take_part"],
            "closing_message": data["closing_message"],
            "opens_at": opens_at,
            "closes_at": closes_at,
            "resources": self.events(data, closes_at),
        }
        topics = self.topics(data["topics"])
        related = [
            page.pk
            for slug in data["related_slugs"]
            for page in Page.objects.descendant_of(self.home)
            .filter(slug=slug, locale=self.locale)
            .only("pk")[:1]
        ]

        def set_topics(page):
            page.topics = topics

        def set_related(page):
            page.related_pages = [
                ConsultationRelatedPage(page_id=pk, sort_order=order)
                for order, pk in enumerate(related)
            ]

        consultation, kept = self.upsert_page(
            index,
            ConsultationPage,
            demo_uuid("page", data["key"]),
            fields,
            children={
                "topics": (
                    lambda page: (
                        sorted(page.topics.values_list("pk", flat=True))
                        != sorted(topic.pk for topic in topics)
                    ),
                    set_topics,
                ),
                "related_pages": (
                    lambda page: [row.page_id for row in page.related_pages.all()] != related,
                    set_related,
                ),
            },
        )
        if kept:
            return consultation
        # When the council answered: for a closed consultation, after it closed.
        responded = uk_time(*data["responded"]) if "responded" in data else None
        # Names and emails of a consultation past its retention period are made already erased.
        retention_ends = closes_at + datetime.timedelta(days=consultation.retention_days)
        erased_at = retention_ends if retention_ends <= self.now else None
        for board_data in data["boards"]:
            board, board_kept = self.load_board(consultation, data, board_data)
            if not board_kept:
                dates = (opens_at, responded, erased_at)
                self.load_ideas(board, data, board_data, contributors, dates)
        return consultation

    def events(self, data, closes_at):
        """The consultation's events as stream data, dated back from its closing day."""
        events = []
        for event in data.get("events", []):
            day = timezone.localtime(closes_at).date() - datetime.timedelta(
                weeks=event["weeks_before_close"]
            )
            day -= datetime.timedelta(days=(day.weekday() - 5) % 7)  # that Saturday or before
            value = {
                "title": event["title"],
                "starts_at": uk_time(day, event["starts"]),
                "ends_at": uk_time(day, event["ends"]),
                "place": event["place"],
                "description": event["description"],
                "booking_url": "",
            }
            events.append({"type": "event", "value": as_json(value)})
        return events

    def topics(self, names):
        topics = []
        for name in names:
            topic, created = PolicyTopic.objects.get_or_create(
                slug=slugify(name)[:100], locale=self.locale, defaults={"name": name}
            )
            self.changed += created
            topics.append(topic)
        return topics

    def load_board(self, consultation, consultation_data, data):
        board_key = f"{consultation_data['key']}:{data['slug']}"
        themes = [
            (demo_uuid("theme", f"{board_key}:{slug}"), name, description)
            for slug, name, description in data["themes"]
        ]

        def current_themes(page):
            return [(t.translation_key, t.name, t.description) for t in page.themes.all()]

        def set_themes(page):
            # Update the rows in place: a new row would take every idea's theme away.
            existing = {theme.translation_key: theme for theme in page.themes.all()}
            rows = []
            for order, (key, name, description) in enumerate(themes):
                theme = existing.get(key) or BoardTheme(translation_key=key, locale=self.locale)
                theme.name, theme.description, theme.sort_order = name, description, order
                rows.append(theme)
            page.themes = rows

        return self.upsert_page(
            consultation,
            IdeasBoardPage,
            demo_uuid("page", board_key),
            {
                "title": data["title"],
                "slug": data["slug"],
                "question": data["question"],
                "introduction": data["introduction"],
                "moderation": data.get("moderation", ModerationMode.PRE),
            },
            children={"themes": (lambda page: current_themes(page) != themes, set_themes)},
        )

    # --- what residents posted ---------------------------------------------------------------
    def load_ideas(self, board, consultation_data, data, contributors, dates):
        """The board's ideas, their comments and supports.

        dates: when the consultation opened, when the council answered (None: a week after
        each idea was checked) and when its retention period ended (None: not yet).
        """
        opens_at, responded, erased_at = dates
        themes = {theme.translation_key: theme for theme in board.themes.all()}
        board_key = f"{consultation_data['key']}:{data['slug']}"
        counts = {"created": 0, "updated": 0}
        for number, idea_data in enumerate(data["ideas"], start=1):
            key = f"demo-{consultation_data['key']}-{data['slug']}-{number}"
            theme = themes.get(demo_uuid("theme", f"{board_key}:{idea_data['theme']}"))
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
        if response_status:
            ResponseStatus(response_status)  # a typo in the data fails here, not on the page
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

    # --- links from other pages --------------------------------------------------------------
    def link_home(self, index):
        """Point the home page's consultations slot at the index."""
        home = HomePage.objects.get(pk=self.home.pk)
        if home.consultations_page_id == index.pk:
            return
        if not kept_for_editor(home, self.log, "the home page's link to consultations"):
            home.consultations_page = index
            home.save_revision().publish()
            self.changed += 1

    def link_policy(self, consultation):
        """Make the policy's "comment on this policy" lead to its open consultation."""
        policy = (
            PolicyPage.objects.descendant_of(self.home)
            .filter(slug=partnership_with_parents.POLICY_SLUG, locale=self.locale)
            .first()
        )
        if policy is None or consultation is None or policy.comment_page_id == consultation.pk:
            return
        if not kept_for_editor(policy, self.log, f"policy '{policy.title}'"):
            policy.comment_page = consultation
            # Not logged as a publication: the policy's public version history lists new
            # versions of the policy, and where comments go is not one.
            policy.save_revision().publish(log_action=False)
            self.changed += 1
            self.log(f"  linked '{policy.title}' to its consultation")


def load_demo(home, log=None):
    """Create or update the demo consultations under `home`; return how many objects changed.

    Called by `load_demo_content` through this app's AppConfig.
    """
    loader = ConsultationDemoLoader(home, log=log)
    loader.load()
    (log or (lambda line: None))(f"  consultations: {loader.changed} change(s)")
    return loader.changed
