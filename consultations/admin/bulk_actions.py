"""Approve, reject or hide several ideas or comments at once from their snippet listings.

Wagtail's own bulk action framework (the checkboxes and footer of the snippet listing); each
action calls the same moderation services as the queue, so the log and counts are the same.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from consultations.models import Comment, Idea, RejectionReason
from consultations.services import moderation


class ModerationBulkAction(SnippetBulkAction):
    """A moderation service run on each selected idea or comment the user may change."""

    template_name = "consultations/admin/moderation_bulk_confirm.html"
    classes = set()
    service_name = ""
    confirm_label = ""

    # Only ideas and comments are moderated (the base class offers every snippet model).
    models = [Idea, Comment]

    def check_perm(self, obj):
        return self.request.user.has_perm(f"consultations.change_{obj._meta.model_name}")

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data if self.cleaned_form else {}
        return {
            "user": self.request.user,
            "service": self.service_name,
            "reason": data.get("reason", ""),
            "note": data.get("note", ""),
        }

    @classmethod
    def execute_action(cls, objects, user=None, service="", reason="", note="", **kwargs):
        changed = 0
        for item in objects:
            if service == "reject":
                changed += moderation.reject(item, user, reason, note)
            elif service == "hide":
                changed += moderation.hide(item, user, note)
            else:
                changed += moderation.approve(item, user)
        return changed, 0

    def confirm_question(self, count):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {
            **context,
            "action_button_text": self.confirm_label,
            "display_name": self.display_name,
            "question": self.confirm_question(len(context["items"])),
        }


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "consultations_approve"
    aria_label = _("Approve the selected items")
    action_priority = 10
    service_name = "approve"
    confirm_label = _("Yes, approve")

    def confirm_question(self, count):
        return ngettext(
            "Approve and publish this item?", "Approve and publish these %(count)d items?", count
        ) % {"count": count}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d item approved.", "%(count)d items approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are they not published?"), choices=RejectionReason.choices
    )
    note = forms.CharField(
        label=_("Note for other moderators (never published)"),
        max_length=moderation.NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectBulkAction(ModerationBulkAction):
    display_name = _("Reject")
    action_type = "consultations_reject"
    aria_label = _("Reject the selected items with a reason")
    action_priority = 11
    form_class = RejectForm
    service_name = "reject"
    confirm_label = _("Yes, reject")

    def confirm_question(self, count):
        return ngettext("Reject this item?", "Reject these %(count)d items?", count) % {
            "count": count
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d item rejected.", "%(count)d items rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


class HideNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note for other moderators (never published)"),
        max_length=moderation.NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HideBulkAction(ModerationBulkAction):
    display_name = _("Hide")
    action_type = "consultations_hide"
    aria_label = _("Hide the selected items from the site")
    action_priority = 12
    form_class = HideNoteForm
    service_name = "hide"
    confirm_label = _("Yes, hide")

    def confirm_question(self, count):
        return ngettext(
            "Hide this item from the site?", "Hide these %(count)d items from the site?", count
        ) % {"count": count}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d item hidden.", "%(count)d items hidden.", num_parent_objects) % {
            "count": num_parent_objects
        }


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, HideBulkAction]
