"""Supporting, commenting on and reporting a published idea: POSTs that never need an account."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations.forms import CommentForm, ReportForm
from consultations.identity import ensure_visitor_id, remember_visitor, visitor_key
from consultations.models import ReportReason
from consultations.services.posting import submit_comment
from consultations.services.reporting import report_item
from consultations.services.support import support_idea
from foundation.database_outage import keeps_typed_text
from foundation.idempotency import TOKEN_FIELD, valid_token
from foundation.spam_protection import HONEYPOT_FIELD, RATE_LIMITED, rate_limited

from .ideas import idea_page, typed_text
from .lookups import (
    consultation_of,
    in_visitor_language,
    published_comment,
    published_idea,
    trail,
)

CLOSED_MESSAGE_STATUS = 403


def _idea_url(idea, anchor=""):
    return reverse("consultations:idea", args=[idea.pk]) + anchor


def _closed(request, idea):
    board = in_visitor_language(idea.board)
    consultation = consultation_of(board)
    if consultation.is_open:
        return None
    context = {
        "board": board,
        "consultation": consultation,
        "status": consultation.status,
        "trail": trail(request, board),
        "board_url": board.get_url(request),
        "typed_text": typed_text(request, "body", "details"),
    }
    return render(
        request, "consultations/board_not_open.html", context, status=CLOSED_MESSAGE_STATUS
    )


@require_POST
def support(request, idea_id):
    """One support per visitor; the page says how supports are counted."""
    idea = published_idea(idea_id)
    refusal = _closed(request, idea)
    if refusal:
        return refusal
    if rate_limited(request, "consultations-support", settings.CONSULTATIONS_SUPPORT_RATE):
        return idea_page(request, idea_id, status=429, rate_limit_message=RATE_LIMITED)
    if not (request.POST.get(HONEYPOT_FIELD) or "").strip():
        # A first-time visitor has no cookie yet: their id comes from the button's token, so a
        # double click (two requests, neither with the cookie) is one person's one support.
        seed = valid_token(request.POST.get(TOKEN_FIELD))
        support_idea(idea, visitor_key(ensure_visitor_id(request, seed=seed)))
    target = request.POST.get("from_board") == "1"
    url = (
        in_visitor_language(idea.board).get_url(request) + f"#idea-{idea.pk}"
        if target
        else _idea_url(idea, "#support")
    )
    return remember_visitor(request, HttpResponseRedirect(url))


@require_POST
@keeps_typed_text(CommentForm)
def comment(request, idea_id):
    idea = published_idea(idea_id)
    refusal = _closed(request, idea)
    if refusal:
        return refusal
    form = CommentForm(request.POST)
    if rate_limited(request, "consultations-comment", settings.CONSULTATIONS_COMMENT_RATE):
        return idea_page(
            request, idea_id, comment_form=form, status=429, rate_limit_message=RATE_LIMITED
        )
    if not form.is_valid():
        return idea_page(request, idea_id, comment_form=form, status=400)
    if not form.is_spam():
        saved, _created = submit_comment(
            idea, form.cleaned_data, language=form.cleaned_data["language"]
        )
        request.session["consultations.commented"] = saved.pk
    return HttpResponseRedirect(_idea_url(idea, "?commented=1#comments"))


@require_http_methods(["GET", "POST"])
def report(request, kind, item_id):
    """'Report this' for an idea or a comment: a reason, then it goes to a moderator."""
    if kind == "idea":
        item = published_idea(item_id)
        idea = item
    else:
        item = published_comment(item_id)
        idea = item.idea
    board = in_visitor_language(idea.board)
    status, rate_limit_message = 200, ""
    if request.method == "POST":
        form = ReportForm(request.POST)
        if rate_limited(request, "consultations-report", settings.CONSULTATIONS_REPORT_RATE):
            rate_limit_message, status = RATE_LIMITED, 429
        elif form.is_valid():
            if not form.is_spam():
                report_item(
                    item,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                    reporter=visitor_key(ensure_visitor_id(request)),
                )
            response = render(
                request,
                "consultations/report_sent.html",
                {"idea": idea, "idea_url": _idea_url(idea), "trail": trail(request, board)},
            )
            return remember_visitor(request, response)
        else:
            status = 400
    else:
        form = ReportForm()
    context = {
        "form": form,
        "kind": kind,
        "item": item,
        "idea": idea,
        "idea_url": _idea_url(idea),
        "trail": trail(request, board),
        "reasons": ReportReason.choices,
        "rate_limit_message": rate_limit_message,
        "action_url": reverse(f"consultations:report_{kind}", args=[item.pk]),
    }
    return render(request, "consultations/report.html", context, status=status)
