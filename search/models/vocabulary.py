"""Synonym sets editors keep per language, and the index's own words for spelling correction."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_TERM_LENGTH = 60
# Terms are words and spaces: anything a full-text engine reads as syntax is refused, not kept.
_TERM_SPLIT = re.compile(r"[,\n;]+")
_TERM_ALLOWED = re.compile(r"^[\w' \-]+$")


class SynonymKind(models.TextChoices):
    SYNONYMS = "synonyms", _("Same meaning (lay and formal words)")
    ACRONYM = "acronym", _("Acronym and what it stands for")
    SPELLING = "spelling", _("Other spellings")


def split_terms(text):
    """The terms of a set as typed: lower case, single spaces, in order, without repeats."""
    terms = []
    for part in _TERM_SPLIT.split(text or ""):
        term = " ".join(part.replace("-", " ").lower().split())
        if term and term not in terms:
            terms.append(term)
    return terms


class SynonymSet(models.Model):
    """Words and phrases that mean the same to a family searching: any one finds pages with any."""

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Searches in this language use the set."),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=SynonymKind.choices, default=SynonymKind.SYNONYMS
    )
    terms = models.TextField(
        _("words and phrases"),
        help_text=_(
            "Separate them with commas, for example: ADHD, attention deficit hyperactivity "
            "disorder. Put the acronym first for an acronym."
        ),
    )
    note = models.CharField(
        _("note for editors"),
        max_length=255,
        blank=True,
        help_text=_("Why the set is here, or where the words came from. Not shown to the public."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["language", "terms"]
        indexes = [models.Index(fields=["language"])]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases.")})
        for term in terms:
            if len(term) > MAX_TERM_LENGTH:
                raise ValidationError(
                    {"terms": _("Keep each word or phrase under %(n)s characters.") % {"n": 60}}
                )
            if not _TERM_ALLOWED.match(term):
                raise ValidationError(
                    {
                        "terms": _(
                            "Use only letters, numbers, spaces, hyphens and apostrophes: "
                            "“%(term)s” has other characters."
                        )
                        % {"term": term}
                    }
                )


class SearchWord(models.Model):
    """A word that appears in the published content of one language, and how often.

    Spelling suggestions come only from these, so a correction always leads to something the
    site holds. Rebuilt by ``update_search_vocabulary``; kept up to date on publishing.
    """

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=60)
    stem = models.CharField(max_length=60, db_index=True)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")
        ]

    def __str__(self):
        return self.word
