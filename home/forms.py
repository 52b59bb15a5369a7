"""Forms of the publishing side: the upload limits (the policy filter is the policy index's own,
in home/models/policy_library.py, beside the page that shows it)."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from home.documents import check_document_content


class LimitedDocumentForm(BaseDocumentForm):
    """Wagtail's document form with a size limit and the content checked against the extension
    (home/documents.py); the extension allow-list is a setting."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if file and getattr(file, "size", 0) > limit:
            raise ValidationError(
                _("This file is too big. The largest allowed is %(limit)s.")
                % {"limit": filesizeformat(limit)}
            )
        if file and file is not self.initial.get("file"):
            extension = os.path.splitext(file.name)[1].lstrip(".")
            check_document_content(file, extension)
        return file

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the file on the instance, which a
        # refused upload never reached: a file too big also got "File extension '' is not
        # allowed". The field's own refusal is the whole answer.
        refused = list(self.errors.get("file", ()))
        super()._post_clean()
        if refused:
            self.errors["file"] = self.error_class(refused)
