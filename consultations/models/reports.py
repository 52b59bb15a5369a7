"""'Report this': residents asking a moderator to look again at an idea or comment."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import ReportReason

REPORT_DETAILS_MAX_LENGTH = 500


class AbuseReport(models.Model):
    """A resident's report of a published idea or comment, waiting for a moderator."""

    # Residents' posts link to nothing editors need to track; indexing each save cost 14 ms.
    wagtail_reference_index_ignore = True

    idea = models.ForeignKey(
        "consultations.Idea",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abuse_reports",
    )
    comment = models.ForeignKey(
        "consultations.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abuse_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True, max_length=REPORT_DETAILS_MAX_LENGTH)
    # A keyed hash of the reporter's cookie: one report per person per item.
    reporter = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(_("dealt with"), null=True, blank=True, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=False, comment__isnull=True)
                | Q(idea__isnull=True, comment__isnull=False),
                name="report_of_one_item",
            ),
            models.UniqueConstraint(
                fields=["idea", "reporter"],
                condition=Q(idea__isnull=False),
                name="one_report_per_person_per_idea",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(comment__isnull=False),
                name="one_report_per_person_per_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.item}"

    @property
    def item(self):
        return self.idea if self.idea_id else self.comment
