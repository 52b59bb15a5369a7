"""Posting an idea (search before create), and an idea's own page with its comments."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from consultations.forms import CommentForm, IdeaForm
from consultations.identity import remember_visitor, visitor_id, visitor_key
from consultations.languages import known, page_language
from consultations.models import Comment, ModerationStatus, RespondentType, Support
from consultations.services.posting import submit_idea
from consultations.similar import similar_ideas
from consultations.translation import idea_translation, translation_available
from foundation.database_outage import keeps_typed_text
from foundation.spam_protection import RATE_LIMITED, rate_limited
from home.models import SiteSettings

from .lookups import (
    consultation_of,
    in_visitor_language,
    live_board,
    published_idea,
    theme_names,
    trail,
)

POSTED_SESSION_KEY = "consultations.posted"


def typed_text(request, *names):
    """What a refused POST carried, to show back (escaped) so nobody's words are lost."""
    if request.method != "POST":
        return ""
    parts = (str(request.POST.get(name, "")).replace("\x00", "")[:5000] for name in names)
    return "\n\n".join(part for part in parts if part.strip())


def _board_context(request, board):
    consultation = consultation_of(board)
    return {
        "board": board,
        "consultation": consultation,
        "status": consultation.status,
        "trail": trail(request, board),
        "board_url": board.get_url(request),
    }


@require_http_methods(["GET", "POST"])
@keeps_typed_text(IdeaForm)
def post_idea(request, board_id):
    """Step 1 takes the idea; step 2 (no JavaScript) shows similar ideas before it is sent."""
    board = live_board(board_id)
    context = _board_context(request, board)
    themes = list(board.themes.all())
    if not context["consultation"].is_open:
        context["typed_text"] = typed_text(request, "title", "description")
        return render(request, "consultations/board_not_open.html", context, status=403)
    status, rate_limit_message, similar = 200, "", []
    if request.method == "POST":
        form = IdeaForm(request.POST, themes=themes)
        if rate_limited(request, "consultations-idea", settings.CONSULTATIONS_IDEA_RATE):
            # Not validated, so nothing is stored; the words stay in the form to send later.
            rate_limit_message, status = RATE_LIMITED, 429
        elif form.is_valid():
            if request.POST.get("step") != "confirm":
                similar = similar_ideas(
                    board, f"{form.cleaned_data['title']} {form.cleaned_data['description']}"
                )
            if not similar:
                return _store(request, board, form)
        else:
            status = 400
    else:
        form = IdeaForm(themes=themes, initial={"theme": request.GET.get("theme", "")[:20]})
    context.update(
        form=form,
        themes=themes,
        similar=similar,
        rate_limit_message=rate_limit_message,
        respondent_types=RespondentType.choices,
        privacy_url=privacy_url(request),
    )
    template = "consultations/similar_ideas.html" if similar else "consultations/post_idea.html"
    return render(request, template, context, status=status)


def _store(request, board, form):
    if not form.is_spam():
        idea, _created = submit_idea(
            board, form.cleaned_data, language=form.cleaned_data["language"], request=request
        )
        request.session[POSTED_SESSION_KEY] = {
            "idea": idea.pk,
            "published": idea.status == ModerationStatus.PUBLISHED,
            "email": bool(form.cleaned_data.get("email")),
        }
    return redirect("consultations:idea_posted", board_id=board.pk)


def idea_posted(request, board_id):
    """What happens next, and when."""
    board = live_board(board_id)
    context = _board_context(request, board)
    posted = request.session.get(POSTED_SESSION_KEY) or {}
    context.update(
        published=posted.get("published", False),
        asked_for_updates=posted.get("email", False),
        idea_url=reverse("consultations:idea", args=[posted["idea"]]) if posted.get("idea") else "",
        moderation_days=settings.CONSULTATIONS_MODERATION_DAYS,
    )
    return render(request, "consultations/idea_posted.html", context)


@require_GET
def similar(request, board_id):
    """JSON for the form's live 'similar ideas' list (the page works without it)."""
    board = live_board(board_id)
    text = str(request.GET.get("q", ""))[:300]
    ideas = similar_ideas(board, text)
    return JsonResponse(
        {
            "ideas": [
                {
                    "title": idea.title,
                    "url": reverse("consultations:idea", args=[idea.pk]),
                    "supports": idea.support_count,
                }
                for idea in ideas
            ]
        }
    )


def privacy_url(request):
    page = SiteSettings.for_request(request).privacy_page
    page = page.localized if page else None
    return page.get_url(request) if page and page.live else ""


def idea_page(request, idea_id, comment_form=None, status=200, rate_limit_message=""):
    """A published idea with its support count, response, comments and a comment form."""
    idea = published_idea(idea_id)
    board = in_visitor_language(idea.board)
    context = _board_context(request, board)
    key = visitor_id(request)
    comments = list(
        Comment.objects.filter(idea=idea, status=ModerationStatus.PUBLISHED).order_by(
            "published_at", "pk"
        )
    )
    names = theme_names(board)
    context.update(_translation_context(request, idea))
    context.update(
        idea=idea,
        theme_name=names.get(idea.theme.translation_key, idea.theme.name) if idea.theme else "",
        comments=comments,
        supported=idea.pk in Support.objects.supported_by([idea], visitor_key(key) if key else ""),
        comment_form=comment_form or CommentForm(),
        rate_limit_message=rate_limit_message,
        respondent_types=RespondentType.choices,
    )
    response = render(request, "consultations/idea.html", context, status=status)
    return remember_visitor(request, response)


def _translation_context(request, idea):
    """A machine translation into the reader's language, when one is configured and asked for
    (?translate=1: a link, so it works without JavaScript)."""
    reader = page_language()
    offered = translation_available() and known(idea.language) and idea.language != reader
    wanted = offered and request.GET.get("translate") == "1"
    return {
        "translation_offered": offered,
        "translation_wanted": wanted,
        "translation": idea_translation(idea, reader) if wanted else None,
    }


@require_GET
def idea(request, idea_id):
    return idea_page(request, idea_id)
