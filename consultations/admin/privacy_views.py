"""The admin page where a data protection request is answered: find one person's data, erase it.

The address travels in POST bodies only, never in a URL, so it stays out of access logs and
browser history; every step is behind the permission to see personal data.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from consultations.services.personal_data import erase_person, find_person

PERMISSION = "consultations.view_personal_data"


def can_see_personal_data(user):
    return user.is_active and user.has_perm(PERMISSION)


class FindPersonForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("As the person gave it. Capital letters do not matter."),
    )


class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """Find what is held about an email address, then erase it after a second, explicit step."""

    page_title = _("Find and erase a person's data")
    header_icon = "user"
    template_name = "consultations/admin/privacy_find.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_personal_data(request.user):
            # A 403 page rather than Wagtail's usual redirect to the dashboard: whoever followed
            # a link here should learn why, and that nothing was looked up.
            self.template_name = "consultations/admin/privacy_forbidden.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=FindPersonForm()))

    def post(self, request, *args, **kwargs):
        form = FindPersonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "erase":
            counts = erase_person(email, request.user)
            messages.success(request, erased_message(counts))
            # Back to an empty form: a reload must not resubmit, and the address is gone.
            return redirect(reverse("consultations_privacy"))
        found = find_person(email)
        self.template_name = "consultations/admin/privacy_preview.html"
        return self.render_to_response(self.get_context_data(form=form, found=found))


def erased_message(counts):
    if not counts["contributors"]:
        return str(_("Nobody gave that email address, so there was nothing to erase."))
    people = ngettext(
        "Erased the details of %(count)s contribution record.",
        "Erased the details of %(count)s contribution records.",
        counts["contributors"],
    ) % {"count": counts["contributors"]}
    ideas = ngettext("%(count)s idea withdrawn.", "%(count)s ideas withdrawn.", counts["ideas"]) % {
        "count": counts["ideas"]
    }
    comments = ngettext(
        "%(count)s comment withdrawn.", "%(count)s comments withdrawn.", counts["comments"]
    ) % {"count": counts["comments"]}
    return f"{people} {ideas} {comments}"
