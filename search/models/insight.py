"""What families searched for, counted per day and language: the editors' search terms report."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchQueryDay(models.Model):
    """How often one query was searched in one language on one day, and with what outcome.

    Counts only: no address, account, session or time of day is kept, and queries that look like
    personal details are stored as a placeholder (search/insight/normalising.py). Rows older than
    SEARCH_QUERY_RETENTION_DAYS are deleted.
    """

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search term"), max_length=MAX_QUERY_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches with no results"), default=0)
    opened = models.PositiveIntegerField(_("results opened"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        # Rows are written by searching, never by hand: "view" is the report's permission.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="search_query_day_unique"
            )
        ]
        # The report reads one language over a range of days; the unique index serves the rest.
        indexes = [models.Index(fields=["language", "day"], name="search_query_day_language")]

    def __str__(self):
        return f"{self.day} {self.language}: {self.query}"
