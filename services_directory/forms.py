"""The public "report a problem with this listing" form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from foundation.idempotency import SubmittedOnceForm, store_once
from foundation.public_forms import PublicForm
from foundation.text_cleaning import clean_text
from services_directory.models import ProblemKind, ProblemReport

DETAILS_MAX_LENGTH = 2000


class ProblemReportForm(SubmittedOnceForm, PublicForm):
    """What a family tells editors about a listing: stored as plain text, escaped when shown.

    Sent twice (a double click, "back" and send again), it is stored once.
    """

    kind = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ProblemKind.choices,
        error_messages={
            "required": _("Select what is wrong with the listing"),
            "invalid_choice": _("Select what is wrong with the listing"),
        },
    )
    details = forms.CharField(
        label=_("Tell us what is wrong"),
        max_length=DETAILS_MAX_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": _("Enter what is wrong with the listing"),
            "max_length": _("Tell us in 2,000 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address in the correct format, like name@example.com"),
        },
    )

    error_targets = {"kind": "report-kind", "captcha": "report-captcha"}
    typed_fields = ("details", "email")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix_id", "report-")
        super().__init__(*args, **kwargs)

    def clean_details(self):
        return clean_text(self.cleaned_data["details"])

    def save(self, service):
        """The stored report, and whether this request stored it (False for a repeat)."""
        data = self.cleaned_data
        key = self.submission_key_for(service.pk, data["kind"], data["details"], data["email"])
        return store_once(
            ProblemReport,
            {"submission_key": key},
            lambda: ProblemReport.objects.create(
                service=service,
                kind=data["kind"],
                details=data["details"],
                email=data.get("email", ""),
                submission_key=key,
            ),
        )
