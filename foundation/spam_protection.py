"""Protection every public form shares: a honeypot, reCAPTCHA when switched on, a rate limit per IP.

Use it by subclassing `SpamProtectedForm`, rendering its honeypot and captcha with
templates/includes/spam_protection.html, and asking `rate_limited()` before
acting on a POST. A filled-in honeypot should look like success to the sender (so bots learn
nothing) while nothing is stored.

reCAPTCHA comes in two kinds, chosen with settings.RECAPTCHA_VERSION:

- "v2": the "I'm not a robot" checkbox, which may ask the person to pick pictures.
- "v3": no checkbox; static_src/js/main.js asks Google for a token when the form is sent and
  Google scores the visit. Below settings.RECAPTCHA_REQUIRED_SCORE the form is refused with a
  message. Without JavaScript there is no token, so the person is asked to try again (their text
  is kept).

Any other value is a configuration mistake, not something to guess around: production refuses to
start (site/settings/production.py), and a form built with one raises ImproperlyConfigured.
"""

import logging
import time
from http.client import HTTPException

from django import forms
from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import _get_ip, _split_rate, get_usage
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

logger = logging.getLogger(__name__)

# A name form-filling bots cannot resist; people never see the field.
HONEYPOT_FIELD = "website"
RECAPTCHA_VERSIONS = ("v2", "v3")
RECAPTCHA_UNAVAILABLE = _("We could not check you are not a robot. Please try again.")
RECAPTCHA_FAILED = _("Tick 'I'm not a robot' and try again.")
# v3 has no box to tick: Google's score was too low (or its answer was for another form).
RECAPTCHA_REFUSED = _(
    "We could not confirm that a person sent this form. Wait a few minutes, then try again."
)
RATE_LIMITED = _("You have sent a lot of messages in a short time. Wait an hour, then try again.")


class ResilientReCaptchaField(ReCaptchaField):
    """reCAPTCHA that turns an unreachable Google into a message instead of a server error.

    django-recaptcha catches only HTTPError: a DNS failure, a refused connection, a timeout, a
    failed TLS handshake, a connection dropped half way or a garbled answer (URLError, TimeoutError,
    ssl.SSLError, http.client errors, JSON errors) would otherwise escape as a 500.
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
        except (OSError, HTTPException, ValueError, KeyError) as error:
            logger.warning("reCAPTCHA verification unavailable: %s", error)
            raise ValidationError(RECAPTCHA_UNAVAILABLE, code="captcha_unavailable") from error


class ReCaptchaV3Input(ReCaptchaV3):
    """v3's answer, read from the input Google's documentation names, as v2's is.

    django-recaptcha's own v3 widget reads the field's name ("captcha") instead; ours keeps one
    name for both kinds, so the template and tests need not care which one is switched on.
    """

    def value_from_datadict(self, data, files, name):
        return data.get(self.recaptcha_response_name)


def recaptcha_enabled():
    return bool(getattr(settings, "RECAPTCHA_ENABLED", False))


def recaptcha_version():
    """settings.RECAPTCHA_VERSION, "v2" or "v3"; anything else is ImproperlyConfigured."""
    version = str(getattr(settings, "RECAPTCHA_VERSION", "v2")).strip().lower()
    if version not in RECAPTCHA_VERSIONS:
        raise ImproperlyConfigured(
            f"RECAPTCHA_VERSION must be one of {', '.join(RECAPTCHA_VERSIONS)}, "
            f"not {settings.RECAPTCHA_VERSION!r}."
        )
    return version


def recaptcha_field(action):
    """The captcha field for the configured version; `action` names the form to v3's scores."""
    label = _("Check you are not a robot")
    if recaptcha_version() == "v3":
        widget = ReCaptchaV3Input(action=action, required_score=settings.RECAPTCHA_REQUIRED_SCORE)
        # No token at all means Google's script did not run (blocked, or no JavaScript).
        messages = {"required": RECAPTCHA_UNAVAILABLE, "captcha_invalid": RECAPTCHA_REFUSED}
        return ResilientReCaptchaField(label=label, widget=widget, error_messages=messages)
    return ResilientReCaptchaField(label=label, widget=ReCaptchaV2Checkbox())


class SpamProtectedForm(forms.Form):
    """A public form with a honeypot field, and reCAPTCHA when settings.RECAPTCHA_ENABLED."""

    # What reCAPTCHA v3 calls this form in its admin console (letters, digits, "_" and "/").
    # Subclasses name their own, so scores can be read per form.
    recaptcha_action = "submit"

    website = forms.CharField(
        required=False,
        label=_("Leave this box empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if recaptcha_enabled():
            self.fields["captcha"] = recaptcha_field(self.recaptcha_action)

    def is_spam(self):
        """True when the honeypot was filled in; check it before storing anything."""
        return bool((self.data.get(HONEYPOT_FIELD) or "").strip())

    @property
    def recaptcha_site_key(self):
        return settings.RECAPTCHA_PUBLIC_KEY if "captcha" in self.fields else ""

    @property
    def recaptcha_version(self):
        """The captcha's kind ("v2", "v3"), or "" without one: the template draws each its way."""
        return recaptcha_version() if "captcha" in self.fields else ""


def rate_limited(request, group, rate, *, increment=True):
    """True when this IP address has used up `rate` ("10/h") for `group`.

    Counts live in the default cache, shared between processes (the database cache, or Redis), so
    the limit holds across gunicorn workers. When the cache cannot count (Redis down: its calls
    answer as misses, and RATELIMIT_FAIL_OPEN makes django-ratelimit say so instead of "over
    the limit"), each process counts on its own in memory: a resident is never refused because
    the cache is down, and a flood still meets a limit, at most the number of workers times
    `rate` (docs/decisions/0009-cache-outages.md).
    """
    try:
        usage = get_usage(request, group=group, key="ip", rate=rate, increment=increment)
    except Exception as error:  # a cache backend that raises rather than misses
        logger.warning("Rate limit counted in this process only (%s).", type(error).__name__)
        usage = None
    if usage is None:
        usage = _count_in_process(request, group, rate, increment)
    return usage["should_limit"]


# The fallback's counters: this process only, bounded, forgotten at restart.
_in_process = LocMemCache("council-rate-limit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _count_in_process(request, group, rate, increment):
    """django-ratelimit's usage, counted in this process alone.

    Its own _get_ip and _split_rate read the visitor's address (RATELIMIT_IP_META_KEY, the IPv6
    mask) and the rate exactly as the shared count does.
    """
    limit, period = _split_rate(rate)
    window = int(time.time()) // period
    key = f"{group}:{_get_ip(request)}:{rate}:{window}"
    if not increment:
        count = _in_process.get(key, 0)
    elif _in_process.add(key, 1, period):
        count = 1
    else:
        try:
            count = _in_process.incr(key)
        except ValueError:  # expired between add() and incr()
            count = 1
    return {"count": count, "limit": limit, "should_limit": count > limit}
