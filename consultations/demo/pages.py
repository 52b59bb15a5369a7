"""The demo consultations' pages: the consultations page, each consultation and its boards, and
the links to them from home's pages. A page is saved and published only when it differs."""

from django.utils.text import slugify
from wagtail.models import Page

from consultations.models import (
    BoardTheme,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationRelatedPage,
    IdeasBoardPage,
    ModerationMode,
)
from foundation.demo import kept_for_editor
from home.models import HomePage, PolicyPage, PolicyTopic

from . import content
from .dates import event_day, uk_time
from .ids import as_json, board_key, demo_uuid


class PageLoading:
    """The pages part of ConsultationDemoLoader: needs self.home, self.locale, self.log,
    self.changed and self.records."""

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
            {**content.index_page(), "show_in_menus": True},
        )
        return index

    def upsert_consultation(self, index, data, opens_at, closes_at):
        """The consultation's page, its topics and related pages; returns (page, kept)."""
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

        return self.upsert_page(
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

    def events(self, data, closes_at):
        """The consultation's events as stream data, dated back from its closing day."""
        events = []
        for event in data.get("events", []):
            day = event_day(closes_at, event["weeks_before_close"])
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
        key = board_key(consultation_data, data)
        themes = [
            (demo_uuid("theme", f"{key}:{slug}"), name, description)
            for slug, name, description in data["themes"]
        ]

        def current_themes(page):
            return [(t.translation_key, t.name, t.description) for t in page.themes.all()]

        def set_themes(page):
            # Update the rows in place: a new row would take every idea's theme away.
            existing = {theme.translation_key: theme for theme in page.themes.all()}
            rows = []
            for order, (theme_key, name, description) in enumerate(themes):
                theme = existing.get(theme_key) or BoardTheme(
                    translation_key=theme_key, locale=self.locale
                )
                theme.name, theme.description, theme.sort_order = name, description, order
                rows.append(theme)
            page.themes = rows

        return self.upsert_page(
            consultation,
            IdeasBoardPage,
            demo_uuid("page", key),
            {
                "title": data["title"],
                "slug": data["slug"],
                "question": data["question"],
                "introduction": data["introduction"],
                "moderation": data.get("moderation", ModerationMode.PRE),
            },
            children={"themes": (lambda page: current_themes(page) != themes, set_themes)},
        )

    # --- links from home's pages ---------------------------------------------------------------
    def link_home(self, index):
        """Point the home page's consultations slot at the index."""
        home = HomePage.objects.get(pk=self.home.pk)
        if home.consultations_page_id == index.pk:
            return
        if not kept_for_editor(home, self.log, "the home page's link to consultations"):
            home.consultations_page = index
            home.save_revision().publish()
            self.changed += 1

    def link_policy(self, consultation, policy_slug):
        """Make the policy's "comment on this policy" lead to its open consultation."""
        policy = (
            PolicyPage.objects.descendant_of(self.home)
            .filter(slug=policy_slug, locale=self.locale)
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
