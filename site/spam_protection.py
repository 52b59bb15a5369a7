"""Protection every public form shares: a honeypot, reCAPTCHA when switched on, a rate limit per IP.

Use it by subclassing `SpamProtectedForm`, rendering its honeypot and captcha with
templates/includes/spam_protection.html, and asking `rate_limited()` before
acting on a POST. A filled-in honeypot should look like success to the sender (so bots learn
nothing) while nothing is stored.
"""

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

logger = logging.getLogger(__name__)

# A name form-filling bots cannot resist; people never see the field.
HONEYPOT_FIELD = "website"
RECAPTCHA_UNAVAILABLE = _("We could not check you are not a robot. Please try again.")
RECAPTCHA_FAILED = _("Tick 'I'm not a robot' and try again.")
RATE_LIMITED = _("You have sent a lot of messages in a short time. Wait an hour, then try again.")


class ResilientReCaptchaField(ReCaptchaField):
    """reCAPTCHA that turns an unreachable Google into a message instead of a server error.

    django-recaptcha catches only HTTPError: a DNS failure, a refused connection, a timeout or a
    garbled answer (URLError, socket.timeout, JSON errors) would otherwise escape as a 500.
    """

    default_error_messages = {
        "required": RECAPTCHA_FAILED,
        "captcha_invalid": RECAPTCHA_FAILED,
        "captcha_error": RECAPTCHA_UNAVAILABLE,
    }

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError:
            raise
        except (OSError, ValueError, KeyError) as error:
            logger.warning("reCAPTCHA verification unavailable: %s", error)
            raise ValidationError(RECAPTCHA_UNAVAILABLE, code="captcha_unavailable") from error


class SpamProtectedForm(forms.Form):
    """A public form with a honeypot field, and reCAPTCHA when settings.RECAPTCHA_ENABLED."""

    website = forms.CharField(
        required=False,
        label=_("Leave this box empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if recaptcha_enabled():
            self.fields["captcha"] = ResilientReCaptchaField(
                label=_("Check you are not a robot"), widget=ReCaptchaV2Checkbox()
            )

    def is_spam(self):
        """True when the honeypot was filled in; check it before storing anything."""
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    @property
    def recaptcha_site_key(self):
        return settings.RECAPTCHA_PUBLIC_KEY if "captcha" in self.fields else ""


def recaptcha_enabled():
    return bool(getattr(settings, "RECAPTCHA_ENABLED", False))


def rate_limited(request, group, rate, *, increment=True):
    """True when this IP address has used up `rate` ("10/h") for `group`.

    Counts live in the default cache, shared between processes (the database cache, or Redis), so
    the limit holds across gunicorn workers. A cache outage lets the request through rather than
    turning every resident away.
    """
    try:
        return is_ratelimited(request, group=group, key="ip", rate=rate, increment=increment)
    except Exception as error:  # any cache backend failure; the form still has its honeypot
        logger.warning("Rate limit check failed for %s: %s", group, error)
        return False
