"""The moderation queue and the actions taken from it: approve, reject with a reason, hide."""

import re

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from consultations.models import Idea, IdeasBoardPage, RejectionReason
from consultations.services import moderation

from .moderation_queue import QueueItem, can_moderate, find_item, queue_items, queue_rows

ITEM_KEY = re.compile(r"^(idea|comment):([0-9]{1,12})$")
MAX_ITEMS = 200  # more than a page of the queue, fewer than would make one request slow
ACTIONS = {
    "approve": _("Approve"),
    "reject": _("Reject"),
    "hide": _("Hide"),
}


class ModeratorRequiredMixin:
    """Only people who may moderate reach the queue and its actions (403 for the rest)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            # Answered here: Wagtail's admin turns a raised PermissionDenied into a redirect
            # home, which would hide from a script or a test that the answer is "no".
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class QueueFilterSet(WagtailFilterSet):
    """What the queue can be narrowed to; the queryset is built per kind in the view."""

    kind = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=[("idea", _("Ideas")), ("comment", _("Comments"))],
        empty_label=_("Ideas and comments"),
        method="keep",
    )
    why = django_filters.ChoiceFilter(
        label=_("Waiting because"),
        choices=[
            ("flagged", _("Flagged words or a safeguarding report")),
            ("pending", _("Waiting to be published")),
            ("reported", _("Reported by a visitor")),
        ],
        empty_label=_("Any reason"),
        method="keep",
    )
    board = django_filters.ModelChoiceFilter(
        label=_("Board"),
        # Boards in the default language: the queue matches each board's translations too.
        queryset=lambda request: IdeasBoardPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title"),
        empty_label=_("All boards"),
        method="keep",
    )

    class Meta:
        model = Idea
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class ModerationQueueView(ModeratorRequiredMixin, ReportView):
    """Pending ideas and comments and open reports, flagged ones first, then oldest first."""

    page_title = _("Moderation queue")
    header_icon = "warning"
    template_name = "consultations/admin/moderation_queue.html"
    results_template_name = "consultations/admin/moderation_queue_results.html"
    index_url_name = "consultations_moderation_queue"
    index_results_url_name = "consultations_moderation_queue_results"
    filterset_class = QueueFilterSet
    paginate_by = 25
    verbose_name_plural = _("items waiting for moderation")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": Idea.objects.none()}

    def get_queryset(self):
        choices = {}
        if self.filters and self.filters.is_valid():
            choices = self.filters.form.cleaned_data
        return queue_rows(
            kind=choices.get("kind") or None,
            board=choices.get("board"),
            why=choices.get("why") or None,
        )

    def get_filtered_queryset(self):
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        return queue_items(object_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_form"] = ActionForm()
        context["act_url"] = reverse("consultations_moderation_act")
        # Back to the full page with the same filters, even when the results were swapped in.
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context["next_url"] = self.index_url + (f"?{query.urlencode()}" if query else "")
        return context


class ActionForm(forms.Form):
    """One action on one or more queue items: the row's own button, or the selected boxes."""

    action = forms.ChoiceField(label=_("With the selected items"), choices=list(ACTIONS.items()))
    reason = forms.ChoiceField(
        label=_("Reason (when rejecting)"),
        choices=[("", _("Choose a reason")), *RejectionReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note for other moderators (never published)"),
        max_length=moderation.NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            # A row's button sends "approve:idea:12", meaning that action on that item only.
            single = str(data.get("do", ""))
            if single:
                action, _sep, key = single.partition(":")
                data["action"] = action
                data.setlist("item", [key])
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        keys = self.data.getlist("item") if self.is_bound else []
        if not keys:
            raise ValidationError(gettext("Select at least one item."))
        if len(keys) > MAX_ITEMS:
            raise ValidationError(
                gettext("Select %(max)s items or fewer at a time.") % {"max": MAX_ITEMS}
            )
        items = []
        for key in keys:
            match = ITEM_KEY.match(str(key))
            item = find_item(match.group(1), int(match.group(2))) if match else None
            if item is None:
                raise ValidationError(gettext("One of the items no longer exists."))
            items.append(item)
        cleaned["items"] = items
        if cleaned.get("action") == "reject" and not cleaned.get("reason"):
            self.add_error("reason", gettext("Choose why the items are not published."))
        return cleaned


def apply_action(action, items, user, *, reason="", note=""):
    """Run one moderation service on each item; how many changed."""
    changed = 0
    for item in items:
        if action == "approve":
            changed += moderation.approve(item, user)
        elif action == "reject":
            changed += moderation.reject(item, user, reason, note)
        elif action == "hide":
            changed += moderation.hide(item, user, note)
    return changed


def action_message(action, count):
    messages_by_action = {
        "approve": ngettext("%(count)s item approved.", "%(count)s items approved.", count),
        "reject": ngettext("%(count)s item rejected.", "%(count)s items rejected.", count),
        "hide": ngettext("%(count)s item hidden.", "%(count)s items hidden.", count),
    }
    return messages_by_action[action] % {"count": count}


def back_to_queue(request):
    """The queue page the form came from (its filters and page kept), or the queue itself."""
    queue = reverse("consultations_moderation_queue")
    next_url = get_valid_next_url_from_request(request)
    return next_url if next_url.startswith(queue) else queue


class ModerationActionView(ModeratorRequiredMixin, View):
    """Takes the queue's form: one row's button, or an action on the ticked rows."""

    http_method_names = ["post"]

    def post(self, request):
        form = ActionForm(request.POST)
        next_url = back_to_queue(request)
        if not form.is_valid():
            for error in [*form.non_field_errors(), *form.errors.get("reason", [])]:
                messages.error(request, error)
            if "action" in form.errors:
                messages.error(request, gettext("Choose an action."))
            return redirect(next_url)
        data = form.cleaned_data
        try:
            # All or nothing: a failure part-way through leaves every item as it was.
            with transaction.atomic():
                changed = apply_action(
                    data["action"],
                    data["items"],
                    request.user,
                    reason=data["reason"],
                    note=data["note"],
                )
        except (moderation.ModerationError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(next_url)
        messages.success(request, action_message(data["action"], changed))
        return redirect(next_url)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is it not published?"),
        choices=[("", _("Choose a reason")), *RejectionReason.choices],
    )
    note = forms.CharField(
        label=_("Note for other moderators"),
        help_text=_("Never published. Say what you did, such as passing it to safeguarding."),
        max_length=moderation.NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RejectView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Reject one idea or comment, with a reason from the list and a private note."""

    form_class = RejectForm
    template_name = "consultations/admin/moderation_reject.html"
    header_icon = "warning"

    def setup(self, request, *args, kind, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind, self.pk = kind, pk

    def get(self, request, *args, **kwargs):
        self.load_item()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load_item()
        return super().post(request, *args, **kwargs)

    def load_item(self):
        # Looked up after the permission check, so nobody else learns which ids exist.
        self.item = find_item(self.kind, self.pk)
        if self.item is None:
            raise Http404

    def get_page_title(self):
        return (
            gettext("Reject this idea") if self.kind == "idea" else gettext("Reject this comment")
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("consultations_moderation_queue"),
                "label": gettext("Moderation queue"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["queue_item"] = QueueItem(
            kind=self.kind, item=self.item, waiting_since=self.item.created_at, is_flagged=False
        )
        context["action_url"] = self.request.path
        context["submit_button_label"] = gettext("Reject")
        return context

    def form_valid(self, form):
        try:
            moderation.reject(
                self.item, self.request.user, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
        except moderation.ModerationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, action_message("reject", 1))
        return redirect("consultations_moderation_queue")
