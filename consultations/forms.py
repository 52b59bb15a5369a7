"""The public forms: post an idea, comment on one, report one. No account needed."""

import re
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    REPORT_DETAILS_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ReportReason,
    RespondentType,
)
from council_site.public_forms import PublicForm
from council_site.text_cleaning import clean_line, clean_text
from services_directory.geo.geocoder import load_centroids
from services_directory.geo.postcodes import InvalidPostcode, parse_postcode

_SUBMISSION_KEY = re.compile(r"\A[0-9a-f]{32}\Z")
EMAIL_INVALID = _("Enter an email address in the correct format, like name@example.com")


def new_submission_key():
    return uuid.uuid4().hex


class ResidentForm(PublicForm):
    """A consultation form: one submission key per form, so sending it twice stores it once."""

    def clean_submission_key(self):
        key = str(self.cleaned_data.get("submission_key") or "")
        return key if _SUBMISSION_KEY.match(key) else ""


def respondent_type_field():
    return forms.ChoiceField(
        label=_("I am…"),
        choices=RespondentType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select who you are"),
            "invalid_choice": _("Select who you are"),
        },
    )


class IdeaForm(ResidentForm):
    """An idea for a board: its words, a theme, an optional area, and who the person is."""

    recaptcha_action = "post_idea"
    error_targets = {"theme": "theme", "respondent_type": "respondent_type", "consent": "consent"}
    typed_fields = ("title", "description", "area", "name", "email")

    title = forms.CharField(
        label=_("Your idea in a sentence"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Enter your idea in a sentence"),
            "max_length": _("Your idea's title must be 150 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("Tell us more"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": _("Tell us more about your idea"),
            "max_length": _("Tell us in 2,000 characters or fewer"),
        },
    )
    theme = forms.ChoiceField(
        label=_("Which theme is it about?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the theme your idea is about"),
            "invalid_choice": _("Select the theme your idea is about"),
        },
    )
    area = forms.CharField(
        label=_("Your area (optional)"),
        required=False,
        max_length=64,
        error_messages={"max_length": _("Enter the first part of a postcode, like CR0")},
    )
    respondent_type = respondent_type_field()
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Your name must be 100 characters or fewer")},
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        required=False,
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID, "max_length": EMAIL_INVALID},
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to my idea being published"),
        error_messages={"required": _("Confirm you have read the privacy notice")},
    )
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(themes)
        self.fields["theme"].choices = [(str(theme.pk), theme.name) for theme in self.themes]
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def clean_title(self):
        title = clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Enter your idea in a sentence"), code="required")
        return title

    def clean_description(self):
        description = clean_text(self.cleaned_data["description"])
        if not description:
            raise forms.ValidationError(_("Tell us more about your idea"), code="required")
        return description

    def clean_theme(self):
        chosen = self.cleaned_data["theme"]
        return next(theme for theme in self.themes if str(theme.pk) == chosen)

    def clean_area(self):
        text = clean_line(self.cleaned_data.get("area"))
        if not text:
            return ""
        try:
            postcode = parse_postcode(text)
        except InvalidPostcode as error:
            raise forms.ValidationError(
                _("Enter the first part of a postcode, like CR0"), code=error.code
            ) from error
        # Only the district is kept: a full postcode can point at one house.
        if postcode.outcode not in load_centroids().districts:
            raise forms.ValidationError(
                _("We do not know that postcode area. Check it, or leave it blank."),
                code="unknown",
            )
        return postcode.outcode

    def clean_name(self):
        return clean_line(self.cleaned_data.get("name"))

    @property
    def young_person(self):
        return self.data.get("respondent_type") == RespondentType.YOUNG_PERSON


class CommentForm(ResidentForm):
    """A comment on a published idea."""

    recaptcha_action = "comment"
    error_targets = {"respondent_type": "comment-respondent_type"}
    typed_fields = ("body",)

    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": _("Enter your comment"),
            "max_length": _("Your comment must be 1,000 characters or fewer"),
        },
    )
    respondent_type = respondent_type_field()
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix_id", "comment-")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Enter your comment"), code="required")
        return body


class ReportForm(ResidentForm):
    """'Report this': why an idea or comment should be looked at again."""

    recaptcha_action = "report"
    error_targets = {"reason": "reason"}
    typed_fields = ("details",)

    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what is wrong with it"),
            "invalid_choice": _("Select what is wrong with it"),
        },
    )
    details = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=REPORT_DETAILS_MAX_LENGTH,
        widget=forms.Textarea,
        error_messages={"max_length": _("Tell us in 500 characters or fewer")},
    )

    def clean_details(self):
        return clean_text(self.cleaned_data.get("details"))
