"""Admin registration for moderation: the Consultations menu, the queue, bulk actions, the log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from consultations.models import ModerationStatus, RejectionReason, ResponseStatus
from consultations.services import moderation

from .bulk_actions import BULK_ACTIONS
from .moderation_queue import can_moderate, pending_count
from .moderation_views import ModerationActionView, ModerationQueueView, RejectView
from .moderation_viewsets import ConsultationsGroup

register_snippet(ConsultationsGroup)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "consultations/moderation/",
            ModerationQueueView.as_view(),
            name="consultations_moderation_queue",
        ),
        path(
            "consultations/moderation/results/",
            ModerationQueueView.as_view(results_only=True),
            name="consultations_moderation_queue_results",
        ),
        path(
            "consultations/moderation/act/",
            ModerationActionView.as_view(),
            name="consultations_moderation_act",
        ),
        path(
            "consultations/moderation/<str:kind>/<int:pk>/reject/",
            RejectView.as_view(),
            name="consultations_moderation_reject",
        ),
    ]


class ModerationQueueMenuItem(MenuItem):
    """ "Moderation queue (4)": the count tells a moderator at a glance whether work waits."""

    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        count = pending_count()
        label = _("Moderation queue (%(count)s)") % {"count": count} if count else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("register_consultations_menu_item")
def register_moderation_queue_menu_item():
    return ModerationQueueMenuItem(
        _("Moderation queue"),
        reverse("consultations_moderation_queue"),
        name="consultations-moderation-queue",
        icon_name="warning",
        order=0,
    )


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


def _status(value):
    return dict(ModerationStatus.choices).get(value, value or "")


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    @actions.register_action(moderation.APPROVE)
    class ApproveFormatter(LogFormatter):
        label = _("Approve (consultations)")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if data.get("previous_status") == ModerationStatus.PUBLISHED:
                return _("Checked and kept published")
            return _("Approved and published (was: %(status)s)") % {
                "status": _status(data.get("previous_status"))
            }

    @actions.register_action(moderation.REJECT)
    class RejectFormatter(LogFormatter):
        label = _("Reject (consultations)")

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason", "")
            return _("Rejected: %(reason)s") % {
                "reason": dict(RejectionReason.choices).get(reason, reason)
            }

    @actions.register_action(moderation.HIDE)
    class HideFormatter(LogFormatter):
        label = _("Hide (consultations)")
        message = _("Hidden from the site")

    @actions.register_action(moderation.EDIT_TEXT)
    class EditTextFormatter(LogFormatter):
        label = _("Correct text (consultations)")

        def format_message(self, log_entry):
            fields = (log_entry.data or {}).get("fields", [])
            return _("Corrected the text (%(fields)s)") % {"fields": ", ".join(fields)}

    @actions.register_action(moderation.RESPOND)
    class RespondFormatter(LogFormatter):
        label = _("Respond (consultations)")

        def format_message(self, log_entry):
            status = (log_entry.data or {}).get("response_status", "")
            if not status:
                return _("Removed the council's response")
            return _("Responded: %(status)s") % {
                "status": dict(ResponseStatus.choices).get(status, status)
            }

    @actions.register_action(moderation.EDIT)
    class EditFormatter(LogFormatter):
        label = _("Edit (consultations)")

        def format_message(self, log_entry):
            fields = (log_entry.data or {}).get("fields", [])
            return _("Edited %(fields)s") % {"fields": ", ".join(fields)}
