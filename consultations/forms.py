"""The public forms: post an idea, comment on one, report one. No account needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.languages import detect_language, known, language_choices, page_language
from consultations.models import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    REPORT_DETAILS_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ReportReason,
    RespondentType,
)
from foundation.idempotency import SubmittedOnceForm
from foundation.public_forms import PublicForm
from foundation.text_cleaning import clean_line, clean_text
from services_directory.geo.geocoder import load_centroids
from services_directory.geo.postcodes import InvalidPostcode, parse_postcode

EMAIL_INVALID = _("Enter an email address in the correct format, like name@example.com")


class ResidentForm(PublicForm):
    """A consultation form."""


class WrittenInForm(ResidentForm):
    """A form residents write in: which language they wrote it in (issue 10).

    The select defaults to the page's language. A form sent without a usable choice (an old
    page, a script) is not refused: the language is worked out from what was written.
    """

    language = forms.CharField(
        label=_("Which language are you writing in?"), required=False, max_length=12
    )
    written_fields = ()

    def language_choices(self):
        return language_choices()

    @property
    def chosen_language(self):
        """The language the select shows as chosen: what was sent, else the page's."""
        sent = str(self.data.get("language", "")) if self.is_bound else ""
        return sent if known(sent) else page_language()

    def clean(self):
        cleaned = super().clean()
        chosen = str(cleaned.get("language") or "")
        if not known(chosen):
            text = " ".join(str(cleaned.get(name, "")) for name in self.written_fields)
            chosen = detect_language(text, page_language())
        cleaned["language"] = chosen
        return cleaned


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


class IdeaForm(SubmittedOnceForm, WrittenInForm):
    """An idea for a board: its words, a theme, an optional area, and who the person is.

    Sent twice (a double click, "back" and send again), it is stored once.
    """

    recaptcha_action = "post_idea"
    error_targets = {"theme": "theme", "respondent_type": "respondent_type", "consent": "consent"}
    typed_fields = ("title", "description", "area", "name", "email")
    written_fields = ("title", "description")

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

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(themes)
        self.fields["theme"].choices = [(str(theme.pk), theme.name) for theme in self.themes]

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


class CommentForm(SubmittedOnceForm, WrittenInForm):
    """A comment on a published idea; sent twice, it is stored once."""

    recaptcha_action = "comment"
    error_targets = {"respondent_type": "comment-respondent_type"}
    typed_fields = ("body",)
    written_fields = ("body",)

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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix_id", "comment-")
        super().__init__(*args, **kwargs)

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
