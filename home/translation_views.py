"""wagtail-localize views that could answer an editor with a server error, answering clearly.

Machine translation with the service unreachable, and a PO file upload without the header
wagtail-localize writes, both ended in a 500. These are served at wagtail-localize's own
addresses (home/wagtail_hooks.py registers them first), so its translation editor's buttons
and its sync form reach them unchanged.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.views import edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.machine_translation import MachineTranslationUnavailable


def _unavailable_message(error):
    return _(
        "%(service)s could not translate this just now, so nothing was translated by "
        "machine. Try again later, or translate the text yourself."
    ) % {"service": error.service}


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's "Translate with machine", with the service's failure as a message."""
    try:
        return edit_translation.machine_translate(request, translation_id)
    except MachineTranslationUnavailable as error:
        # Nothing was written: wagtail-localize saves the answers only once they have all come.
        messages.error(request, _unavailable_message(error))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO file upload, with a file it cannot place answered by a message."""
    try:
        return edit_translation.upload_pofile(request, translation_id)
    except KeyError:
        # No file, or a PO file without the X-WagtailLocalize-TranslationID header (one made
        # elsewhere, or emptied): nothing was imported.
        messages.error(
            request,
            _(
                "This file could not be imported. Upload a PO file downloaded from this "
                "translation, with its translations filled in."
            ),
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", with the service's failure as a message."""

    def form_valid(self, form):
        try:
            # Runs in one transaction: a failed machine translation leaves nothing half synced.
            return super().form_valid(form)
        except MachineTranslationUnavailable as error:
            messages.error(
                self.request,
                _unavailable_message(error)
                + " "
                + _("Nothing was synced: untick “Use machine translation” to sync without it."),
            )
            return self.render_to_response(self.get_context_data())
