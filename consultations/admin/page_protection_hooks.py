"""Keep residents' words when an editor deletes a page: a board with ideas cannot go."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from consultations.models import Idea, IdeasBoardPage


def boards_with_ideas(page):
    """Boards at or below `page` that hold ideas."""
    boards = IdeasBoardPage.objects.filter(path__startswith=page.path)
    return boards.filter(pk__in=Idea.objects.values("board_id"))


@hooks.register("before_delete_page")
def refuse_deleting_boards_with_ideas(request, page):
    if request.method != "POST" or not boards_with_ideas(page).exists():
        return None
    messages.error(
        request,
        _(
            "This page has ideas boards with residents' ideas, so it cannot be deleted. "
            "Unpublish it instead, or ask a moderator to export and remove the ideas first."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
