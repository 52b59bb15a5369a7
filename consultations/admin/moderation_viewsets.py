"""Ideas and comments as snippets: listings to filter and search, and an edit view for typos,
a moderator's note and the council's response to an idea."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from consultations.models import Comment, Idea
from consultations.services import moderation

PERSONAL_DATA_PERMISSION = "consultations.view_personal_data"


class ResidentsPostPolicy(ModelPermissionPolicy):
    """Residents post ideas and comments through the site: nobody adds them in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Idea, ResidentsPostPolicy(Idea))
register_permission_policy(Comment, ResidentsPostPolicy(Comment))


class ModerationSummaryPanel(HelpPanel):
    """Where the item stands: status, reason, who moderated it and when, flags and reports."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "consultations/admin/moderation_summary_panel.html")
        kwargs.setdefault("heading", _("Moderation"))
        super().__init__(**kwargs)


class ContributorPanel(HelpPanel):
    """The name and email a resident left, shown only to people allowed to see personal data."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "consultations/admin/moderation_contributor_panel.html")
        kwargs.setdefault("heading", _("Who sent it"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(
                self.request
                and self.request.user.has_perm(PERSONAL_DATA_PERMISSION)
                and getattr(self.instance, "contributor_id", None)
            )


class ModerationEditView(EditView):
    """Saves through the moderation services, so a corrected typo, a note or a response is
    logged as what it is, without the resident's words in the log."""

    def save_instance(self):
        form, user = self.form, self.request.user
        changed = set(form.changed_data)
        original = self.model.objects.get(pk=form.instance.pk)
        text_fields = set(moderation.TEXT_FIELDS[self.model])
        response_fields = {"response_status", "public_response"}
        text = {name: form.cleaned_data[name] for name in changed & text_fields}
        if text:
            moderation.edit_text(original, user, **text)
        if self.model is Idea and changed & response_fields:
            moderation.respond(
                original,
                user,
                form.cleaned_data["response_status"],
                form.cleaned_data["public_response"],
            )
        others = sorted(changed - text_fields - response_fields)
        if others:
            for name in others:
                setattr(original, name, form.cleaned_data[name])
            original.save(update_fields=others)
            moderation.log_edit(original, user, others)
        original.refresh_from_db()
        return original


class IdeaViewSet(SnippetViewSet):
    model = Idea
    icon = "openquote"
    menu_label = _("Ideas")
    url_prefix = "consultations/ideas"
    edit_view_class = ModerationEditView
    copy_view_enabled = False
    list_display = [
        "title",
        "board",
        Column("get_status_display", label=_("Moderation"), sort_key="status"),
        Column("get_respondent_type_display", label=_("From")),
        Column("get_response_status_display", label=_("What happened")),
        Column("support_count", label=_("Supports"), sort_key="support_count"),
        DateColumn("created_at", label=_("Sent"), sort_key="created_at"),
    ]
    list_filter = ["status", "respondent_type", "board", "response_status", "theme"]
    search_fields = ["title", "description"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("description")],
                heading=_("What they wrote"),
                help_text=_(
                    "Correct a typo or remove personal details such as a phone number. "
                    "Keep their words otherwise."
                ),
            ),
            MultiFieldPanel(
                [FieldPanel("response_status"), FieldPanel("public_response")],
                heading=_("You said, we did"),
            ),
            ModerationSummaryPanel(),
            FieldPanel("moderation_note"),
            ContributorPanel(),
        ]
    )

    def get_queryset(self, request):
        return Idea.objects.select_related("board")


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    url_prefix = "consultations/comments"
    edit_view_class = ModerationEditView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "idea",
        Column("get_status_display", label=_("Moderation"), sort_key="status"),
        Column("get_respondent_type_display", label=_("From")),
        DateColumn("created_at", label=_("Sent"), sort_key="created_at"),
    ]
    list_filter = ["status", "respondent_type", "idea__board"]
    search_fields = ["body"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("body")],
                heading=_("What they wrote"),
                help_text=_("Correct a typo or remove personal details such as a phone number."),
            ),
            ModerationSummaryPanel(),
            FieldPanel("moderation_note"),
            ContributorPanel(),
        ]
    )

    def get_queryset(self, request):
        return Comment.objects.select_related("idea")


class ConsultationsGroup(SnippetViewSetGroup):
    """One "Consultations" menu; other consultation admin pages add themselves through the
    register_consultations_menu_item hook."""

    menu_label = _("Consultations")
    menu_icon = "openquote"
    menu_name = "consultations"
    menu_order = 230
    items = (IdeaViewSet, CommentViewSet)
    submenu_hook = "register_consultations_menu_item"
