"""Names and email addresses, kept apart from what residents post."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Contributor(models.Model):
    """Who posted an idea or comment, when they chose to tell us: never shown on the site.

    Kept in its own table so that public pages, feeds, search indexes and exports read ideas
    without ever joining it, and so one person's details can be erased in one place.
    """

    # Residents' posts link to nothing editors need to track; indexing each save cost 14 ms.
    wagtail_reference_index_ignore = True

    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True, db_index=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("personal details removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        permissions = [("view_personal_data", _("Can see contributors' names and emails"))]

    def __str__(self):
        return _("Contributor %(id)s") % {"id": self.pk}

    @property
    def can_be_emailed(self):
        return bool(self.email and self.email_confirmed_at and not self.anonymised_at)
