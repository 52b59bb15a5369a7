"""Forms of the publishing side: the policy filter and the upload limits."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from home.models.policies import PolicyStatus


class PolicyFilterForm(forms.Form):
    """Filters of the policy library; bad values get a message instead of an error page."""

    topic = forms.ChoiceField(required=False, label=_("Topic"))
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *PolicyStatus.choices], required=False, label=_("Status")
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain choices from one query: a ModelChoiceField would count and list them again.
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


class LimitedDocumentForm(BaseDocumentForm):
    """Wagtail's document form with a size limit (the extension allow-list is a setting)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if file and getattr(file, "size", 0) > limit:
            raise ValidationError(
                _("This file is too big. The largest allowed is %(limit)s.")
                % {"limit": filesizeformat(limit)}
            )
        return file
