"""The consultations page, which lists open, upcoming and closed consultations by topic."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models import BasePage, PolicyTopic
from home.queries import public

from .choices import ConsultationStatus
from .consultation import ConsultationPage


class ConsultationIndexPage(BasePage):
    """Lists the council's consultations: open, upcoming and closed, filtered by topic."""

    introduction = models.TextField(blank=True, max_length=600)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage", "home.ReportPage"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("consultation index page")

    def get_summary(self):
        return super().get_summary() or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        consultations = list(
            public(ConsultationPage.objects.child_of(self).live())
            .prefetch_related("topics")
            .order_by("-opens_at")
        )
        topics = list(PolicyTopic.objects.filter(locale_id=self.locale_id).order_by("name"))
        wanted_status = request.GET.get("status", "")
        wanted_topic = request.GET.get("topic", "")
        statuses = {value for value, _label in ConsultationStatus.choices}
        chosen_topic = next((t for t in topics if t.slug == wanted_topic), None)
        invalid = (wanted_status and wanted_status not in statuses) or (
            wanted_topic and chosen_topic is None
        )
        groups = {value: [] for value in (ConsultationStatus.OPEN, ConsultationStatus.UPCOMING)}
        groups[ConsultationStatus.CLOSED] = []
        for consultation in consultations:
            status = consultation.status_at(now)
            if wanted_status in statuses and status != wanted_status:
                continue
            keys = {topic.translation_key for topic in consultation.topics.all()}
            if chosen_topic and chosen_topic.translation_key not in keys:
                continue
            groups[status].append(consultation)
        # Closed consultations newest-closed first; open ones closing soonest first.
        groups[ConsultationStatus.OPEN].sort(key=lambda c: c.closes_at)
        groups[ConsultationStatus.UPCOMING].sort(key=lambda c: c.opens_at)
        groups[ConsultationStatus.CLOSED].sort(key=lambda c: c.closes_at, reverse=True)
        upcoming_changes = [
            seconds
            for seconds in (c.seconds_until_next_change(now) for c in consultations)
            if seconds is not None
        ]
        if upcoming_changes:
            request.page_cache_max_seconds = min(upcoming_changes)
        context.update(
            groups=[
                (value, label, groups[value])
                for value, label in (
                    (ConsultationStatus.OPEN, _("Open consultations")),
                    (ConsultationStatus.UPCOMING, _("Upcoming consultations")),
                    (ConsultationStatus.CLOSED, _("Closed consultations")),
                )
            ],
            topics=topics,
            statuses=ConsultationStatus.choices,
            chosen_status=wanted_status if wanted_status in statuses else "",
            chosen_topic=chosen_topic,
            filter_invalid=bool(invalid),
            found=sum(len(group) for group in groups.values()),
        )
        return context
