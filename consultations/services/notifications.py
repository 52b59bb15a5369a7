"""Emails to residents who asked for updates: the confirmation link and news of their idea.

Only people who confirmed their address through the link are ever told anything (double opt-in,
so nobody can sign someone else up), each email is sent once, and a mail server that is down
never turns a resident's or a moderator's request into an error page.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from consultations.models import Contributor, Idea
from home.models import SiteText

logger = logging.getLogger(__name__)

CONFIRM_SALT = "consultations.confirm_email"
# Long enough for someone who reads their email once a week; short enough that an old message
# found later in a shared inbox no longer signs anyone up.
CONFIRM_MAX_AGE = 60 * 60 * 24 * 14


def email_fingerprint(email):
    """A keyed hash of the address: a changed or erased address no longer matches its token.

    Keyed with SECRET_KEY because the token's payload is readable (signed, not encrypted): a
    plain hash of an address could be matched against a list of addresses.
    """
    normalised = (email or "").strip().lower()
    return salted_hmac(CONFIRM_SALT, normalised).hexdigest()[:24]


def confirmation_token(contributor):
    """A signed, dated token naming the contributor and the address they gave."""
    return signing.dumps(
        {"c": contributor.pk, "e": email_fingerprint(contributor.email)}, salt=CONFIRM_SALT
    )


def contributor_for_token(token):
    """The contributor a valid token confirms, or None: tampered, expired, changed or erased.

    signing raises BadSignature (and its SignatureExpired) for anything it did not sign or that
    is older than CONFIRM_MAX_AGE; anything else odd in a signed payload is our own mistake.
    """
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("c"), int):
        return None
    contributor = Contributor.objects.filter(pk=payload["c"]).first()
    if contributor is None or not contributor.email or contributor.anonymised_at:
        return None
    if not constant_time_compare(str(payload.get("e", "")), email_fingerprint(contributor.email)):
        return None
    return contributor


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _language_of(code):
    """A language the site publishes in: emails follow the language the resident wrote in."""
    codes = {language for language, _name in settings.LANGUAGES}
    code = (code or "").split("-")[0]
    return code if code in codes else settings.LANGUAGE_CODE


def _signed_off_by():
    """The council's name in the active language, as the site's footer shows it."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    texts = SiteText.objects.filter(locale__language_code__in=[language, settings.LANGUAGE_CODE])
    by_language = {text.locale.language_code: text for text in texts.select_related("locale")}
    text = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
    if text is None:
        return ""
    return text.organisation_name or text.site_name


def _send(template, context, contributor, reason):
    """Render and send one plain-text email; True when the mail server took it.

    The warning names the contributor's id and the kind of exception only: an SMTP error's
    message can contain the recipient's address, which must never reach the logs.
    """
    context = {**context, "signed_off_by": _signed_off_by()}
    subject = " ".join(
        render_to_string(f"consultations/email/{template}_subject.txt", context).split()
    )
    body = render_to_string(f"consultations/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, [contributor.email], fail_silently=False)
    # Any backend's failure (SMTP refusal, DNS, a full queue) must not fail the request.
    except Exception as error:
        logger.warning(
            "Could not send the %s email to contributor %s (%s).",
            reason,
            contributor.pk,
            type(error).__name__,
        )
        return False
    return True


def ask_to_confirm_email(contributor, request):
    """Send the double opt-in link to a contributor who left an email address."""
    if not contributor.email or contributor.email_confirmed_at or contributor.anonymised_at:
        return False
    language = _language_of(getattr(request, "LANGUAGE_CODE", None) or translation.get_language())
    with translation.override(language):
        link = absolute_url(
            reverse("consultations:confirm_email", args=[confirmation_token(contributor)])
        )
        return _send(
            "confirm_email",
            {"name": contributor.name, "confirm_url": link, "valid_days": CONFIRM_MAX_AGE // 86400},
            contributor,
            "confirmation",
        )


def _tell_author(idea, field, template, reason):
    """Send one email about an idea to its confirmed author, at most once.

    The UPDATE ... WHERE field IS NULL is the claim: of two moderators saving at the same time,
    only the one whose update changed a row sends the email.
    """
    if not idea.contributor_id:
        return False
    contributor = Contributor.objects.filter(pk=idea.contributor_id).first()
    if contributor is None or not contributor.can_be_emailed:
        return False
    claimed_at = timezone.now()
    claimed = Idea.objects.filter(pk=idea.pk, **{f"{field}__isnull": True}).update(
        **{field: claimed_at}
    )
    if not claimed:
        return False
    setattr(idea, field, claimed_at)
    with translation.override(_language_of(idea.language)):
        context = {
            "name": contributor.name,
            "idea": idea,
            "idea_url": absolute_url(reverse("consultations:idea", args=[idea.pk])),
            "response_status": idea.get_response_status_display(),
            "public_response": idea.public_response,
        }
        sent = _send(template, context, contributor, reason)
    if not sent:
        # Not told after all: leave the idea as untold so a later save can try again.
        Idea.objects.filter(pk=idea.pk, **{field: claimed_at}).update(**{field: None})
        setattr(idea, field, None)
    return sent


def tell_author_published(idea):
    """Tell a confirmed author their idea is published (once)."""
    if not idea.is_published:
        return False
    return _tell_author(idea, "author_told_published_at", "idea_published", "published")


def tell_author_answered(idea):
    """Tell a confirmed author the council has answered their idea (once)."""
    # A response is shown under a published idea only: an unpublished one has no page to link.
    if not idea.is_published or not (idea.response_status or idea.public_response.strip()):
        return False
    return _tell_author(idea, "author_told_response_at", "idea_answered", "answered")
