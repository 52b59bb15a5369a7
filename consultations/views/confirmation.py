"""The double opt-in link: a resident confirms the email address they left with an idea."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from consultations.models import Contributor, Idea
from consultations.services.notifications import CONFIRM_MAX_AGE, contributor_for_token

TEMPLATE = "consultations/email_confirmed.html"


@require_GET
def confirm_email(request, token):
    """Confirm the address a token names; a link that no longer works says so with a 400.

    Opening the link twice is harmless: the first confirmation time is kept.
    """
    contributor = contributor_for_token(token)
    if contributor is None:
        return render(
            request,
            TEMPLATE,
            {"confirmed": False, "valid_days": CONFIRM_MAX_AGE // 86400},
            status=400,
        )
    Contributor.objects.filter(pk=contributor.pk, email_confirmed_at__isnull=True).update(
        email_confirmed_at=timezone.now()
    )
    # Says "when it is published" or "it is already published", whichever is true.
    ideas = Idea.objects.filter(contributor=contributor)
    return render(
        request,
        TEMPLATE,
        {"confirmed": True, "has_published_idea": ideas.published().exists()},
    )
