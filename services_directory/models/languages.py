"""The languages staff speak (ORUK ``language``), and the language codes families ask for."""

import re
import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# Languages families in English boroughs most often ask for, by ISO 639-1 code (639-3 where there
# is no two-letter code). Names are English and translated for display; ORUK carries ``name`` too.
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("sq", _("Albanian")),
    ("am", _("Amharic")),
    ("ar", _("Arabic")),
    ("bn", _("Bengali")),
    ("bfi", _("British Sign Language")),
    ("bg", _("Bulgarian")),
    ("yue", _("Cantonese")),
    ("zh", _("Chinese")),
    ("cs", _("Czech")),
    ("prs", _("Dari")),
    ("nl", _("Dutch")),
    ("fa", _("Persian")),
    ("fr", _("French")),
    ("de", _("German")),
    ("el", _("Greek")),
    ("gu", _("Gujarati")),
    ("he", _("Hebrew")),
    ("hi", _("Hindi")),
    ("hu", _("Hungarian")),
    ("ig", _("Igbo")),
    ("it", _("Italian")),
    ("ja", _("Japanese")),
    ("ku", _("Kurdish")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
    ("ml", _("Malayalam")),
    ("cmn", _("Mandarin")),
    ("ne", _("Nepali")),
    ("ps", _("Pashto")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("pa", _("Punjabi")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("sk", _("Slovak")),
    ("so", _("Somali")),
    ("es", _("Spanish")),
    ("sw", _("Swahili")),
    ("ta", _("Tamil")),
    ("te", _("Telugu")),
    ("ti", _("Tigrinya")),
    ("tl", _("Tagalog")),
    ("tr", _("Turkish")),
    ("tw", _("Twi")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
    ("vi", _("Vietnamese")),
    ("cy", _("Welsh")),
    ("yo", _("Yoruba")),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
_LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")


def english_language_name(code):
    """The English name of a language code we know, for ORUK's ``language.name``; else ''."""
    if code not in LANGUAGE_NAMES:
        return ""
    with translation.override("en"):
        return str(LANGUAGE_NAMES[code])


class ServiceLanguage(Orderable):
    """A language staff speak without an interpreter (ORUK ``language``)."""

    service = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="languages"
    )
    oruk_id = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    code = models.CharField(
        _("language"),
        max_length=3,
        choices=LANGUAGE_CHOICES,
        validators=[
            RegexValidator(_LANGUAGE_CODE_RE, _("Use an ISO 639 language code, such as 'pl'."))
        ],
    )
    # Kept in English as ORUK's ``name``; pages show the translated name from ``get_code_display``.
    name = models.CharField(_("name"), max_length=100, blank=True, editable=False)
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("For example 'On Tuesdays only'.")
    )

    panels = [FieldPanel("code"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        indexes = [models.Index(fields=["code"], name="service_language_code_idx")]

    def __str__(self):
        return str(self.get_code_display())

    def save(self, *args, **kwargs):
        if not self.name:
            self.name = english_language_name(self.code)
        super().save(*args, **kwargs)
