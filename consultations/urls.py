"""Consultation URLs outside the page tree: posting, an idea's page and what people do there."""

from django.urls import path

from consultations.views import actions, confirmation, ideas

app_name = "consultations"
urlpatterns = [
    path("boards/<int:board_id>/post/", ideas.post_idea, name="post_idea"),
    path("boards/<int:board_id>/posted/", ideas.idea_posted, name="idea_posted"),
    path("boards/<int:board_id>/similar/", ideas.similar, name="similar"),
    path("ideas/<int:idea_id>/", ideas.idea, name="idea"),
    path("ideas/<int:idea_id>/support/", actions.support, name="support"),
    path("ideas/<int:idea_id>/comment/", actions.comment, name="comment"),
    path("ideas/<int:item_id>/report/", actions.report, {"kind": "idea"}, name="report_idea"),
    path(
        "comments/<int:item_id>/report/",
        actions.report,
        {"kind": "comment"},
        name="report_comment",
    ),
    path("confirm/<str:token>/", confirmation.confirm_email, name="confirm_email"),
]
