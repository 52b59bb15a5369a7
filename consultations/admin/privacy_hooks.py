"""Admin registration for personal data: the erasure page, its menu item and audit actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from consultations.admin.privacy_views import PersonalDataView, can_see_personal_data
from consultations.services.personal_data import ANONYMISE_ACTION, ERASE_ACTION


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    return [
        path(
            "consultations/personal-data/", PersonalDataView.as_view(), name="consultations_privacy"
        )
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item():
    return PersonalDataMenuItem(
        _("Find and erase a person's data"),
        reverse("consultations_privacy"),
        icon_name="user",
        order=900,
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    @actions.register_action(ERASE_ACTION)
    class EraseFormatter(LogFormatter):
        label = _("Erase a person's data")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "Erased a person's details on request (%(records)s), withdrawing "
                "%(ideas)s and %(comments)s"
            ) % {
                "records": ngettext(
                    "%(count)s record", "%(count)s records", data.get("contributors", 0)
                )
                % {"count": data.get("contributors", 0)},
                "ideas": ngettext("%(count)s idea", "%(count)s ideas", data.get("ideas", 0))
                % {"count": data.get("ideas", 0)},
                "comments": ngettext(
                    "%(count)s comment", "%(count)s comments", data.get("comments", 0)
                )
                % {"count": data.get("comments", 0)},
            }

    @actions.register_action(ANONYMISE_ACTION)
    class AnonymiseFormatter(LogFormatter):
        label = _("Remove names and emails after the retention period")

        def format_message(self, log_entry):
            count = (log_entry.data or {}).get("contributors", 0)
            return ngettext(
                "Removed the name and email address of %(count)s person after the retention period",
                "Removed the names and email addresses of %(count)s people after the "
                "retention period",
                count,
            ) % {"count": count}
