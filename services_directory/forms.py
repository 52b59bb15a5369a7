"""The public "report a problem with this listing" form."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from council_site.spam_protection import SpamProtectedForm
from services_directory.models import ProblemKind, ProblemReport

DETAILS_MAX_LENGTH = 2000


class ProblemReportForm(SpamProtectedForm):
    """What a family tells editors about a listing: stored as plain text, escaped when shown."""

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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "report-%s")
        super().__init__(*args, **kwargs)
        # A stray NUL byte in pasted text is removed in clean_details rather than refused.
        self.fields["details"].validators = [
            v
            for v in self.fields["details"].validators
            if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def clean_details(self):
        # Keep the words; drop control characters people paste by accident (a NUL byte would be
        # refused by PostgreSQL) but keep line breaks and tabs.
        details = self.cleaned_data["details"]
        return "".join(
            ch for ch in details if ch in "\n\t" or (ord(ch) >= 32 and ord(ch) != 127)
        ).strip()

    def save(self, service):
        data = self.cleaned_data
        return ProblemReport.objects.create(
            service=service, kind=data["kind"], details=data["details"], email=data.get("email", "")
        )

    def error_list(self):
        targets = {"kind": "#report-kind", "captcha": "#report-captcha"}
        return [
            {
                "text": error,
                "href": targets.get(name, f"#{self[name].id_for_label}")
                if name in self.fields
                else "",
            }
            for name, errors in self.errors.items()
            for error in errors
        ]

    @property
    def typed(self):
        """What was typed, for redisplay (escaped by the template), with NUL bytes removed."""
        if not self.is_bound:
            return {"details": "", "email": ""}
        return {
            name: str(self.data.get(name, "")).replace("\x00", "") for name in ("details", "email")
        }
