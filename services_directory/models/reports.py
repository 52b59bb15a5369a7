"""Problems families report with a listing, queued for editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ProblemKind(models.TextChoices):
    CONTACT = "contact", _("The phone number, email or website is wrong")
    TIMES = "times", _("The opening times are wrong")
    PLACE = "place", _("The address or location is wrong")
    COST = "cost", _("The cost is wrong")
    CLOSED = "closed", _("The service has closed")
    OTHER = "other", _("Something else")


class ProblemStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")


class ProblemReport(models.Model):
    """A family's "report a problem with this listing", for editors to check and act on."""

    # A family's report is not content that uses the listing: kept out of Wagtail's "usage"
    # index, which would also cost each report a second write (a failing one in an outage).
    wagtail_reference_index_ignore = True

    service = models.ForeignKey(
        "services_directory.ServicePage",
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("listing"),
    )
    kind = models.CharField(_("what is wrong"), max_length=20, choices=ProblemKind.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    email = models.EmailField(_("reporter's email address"), max_length=254, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProblemStatus.choices,
        default=ProblemStatus.NEW,
        db_index=True,
    )
    editor_notes = models.TextField(_("notes for editors"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # One report per submitted form (foundation.idempotency); empty for reports sent before.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("service", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("details", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            _("The report"),
        ),
        FieldPanel("status"),
        FieldPanel("editor_notes"),
    ]

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.service.title}: {self.get_kind_display()}"

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def status_label(self):
        return self.get_status_display()
