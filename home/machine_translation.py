"""Machine translation for wagtail-localize, off unless MACHINE_TRANSLATION names a service.

wagtail-localize asks the translator named in WAGTAILLOCALIZE_MACHINE_TRANSLATOR (set from the
environment in site/settings/base.py) when an editor presses "Translate with machine" or ticks
"Use machine translation" when syncing. It files each answer as a string translation with
translation_type "machine" and the service's name, which the translations report lists as
"machine translated, not reviewed" until a person saves the string.

wagtail-localize's own translators let a network failure or an error answer escape as an
exception, which its views turn into a server error. Ours raise MachineTranslationUnavailable
instead, and the views in home/translation_views.py turn that into a message for the editor.
"""

import logging

import requests
from django.conf import settings
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as _LocalizeDeepL
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10


class MachineTranslationUnavailable(Exception):
    """The machine translation service could not be reached or gave no usable answer."""

    def __init__(self, service, reason):
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason


def _post_json(service, url, *, timeout, **kwargs):
    """POST and return the decoded JSON answer, or raise MachineTranslationUnavailable."""
    try:
        response = requests.post(url, timeout=timeout, **kwargs)
        response.raise_for_status()
        return response.json()
    except requests.RequestException as error:
        # The strings are the council's published content, but the answer may echo the key.
        logger.warning("%s did not answer: %s", service, type(error).__name__)
        raise MachineTranslationUnavailable(service, type(error).__name__) from error
    except ValueError as error:
        logger.warning("%s answered with something other than JSON", service)
        raise MachineTranslationUnavailable(service, "not JSON") from error


def _paired(service, strings, texts):
    """Each source string with its translation, or raise if the answer does not match them."""
    if not isinstance(texts, list) or len(texts) != len(strings):
        logger.warning("%s answered with the wrong number of translations", service)
        raise MachineTranslationUnavailable(service, "unexpected answer")
    if not all(isinstance(text, str) for text in texts):
        raise MachineTranslationUnavailable(service, "unexpected answer")
    return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}


class LibreTranslateTranslator(BaseMachineTranslator):
    """LibreTranslate (https://libretranslate.com/docs/), a server the council can run itself.

    Options: LIBRETRANSLATE_URL (the server, without /translate), API_KEY (when the server
    asks for one) and TIMEOUT in seconds.
    """

    display_name = "LibreTranslate"

    @staticmethod
    def language_code(code):
        return code.split("-")[0].lower()

    def can_translate(self, source_locale, target_locale):
        return self.language_code(source_locale.language_code) != self.language_code(
            target_locale.language_code
        )

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        payload = {
            "q": [string.data for string in strings],
            "source": self.language_code(source_locale.language_code),
            "target": self.language_code(target_locale.language_code),
            # wagtail-localize's strings are inline HTML (links, bold); keep the tags.
            "format": "html",
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        answer = _post_json(
            self.display_name,
            self.options["LIBRETRANSLATE_URL"].rstrip("/") + "/translate",
            json=payload,
            timeout=self.options.get("TIMEOUT", DEFAULT_TIMEOUT),
        )
        texts = answer.get("translatedText") if isinstance(answer, dict) else None
        return _paired(self.display_name, strings, texts)


class DeepLTranslator(_LocalizeDeepL):
    """DeepL, through wagtail-localize's request format, with failures made explicit.

    Options as wagtail-localize's (AUTH_KEY, FORMALITY, GLOSSARY_IDS, TIMEOUT), plus API_URL
    for DeepL's other endpoints (or a test server).
    """

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        answer = _post_json(
            self.display_name,
            self.get_api_endpoint(),
            data=self.get_parameters(source_locale, target_locale, strings),
            headers=self.get_headers(),
            timeout=int(self.options.get("TIMEOUT", DEFAULT_TIMEOUT)),
        )
        translations = answer.get("translations") if isinstance(answer, dict) else None
        texts = (
            [item.get("text") if isinstance(item, dict) else None for item in translations]
            if isinstance(translations, list)
            else None
        )
        return _paired(self.display_name, strings, texts)


def machine_translation_enabled():
    """Whether a machine translation service is configured at all."""
    return bool(getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None))


def machine_translator():
    """The configured translator, or None when machine translation is off."""
    return get_machine_translator() if machine_translation_enabled() else None
