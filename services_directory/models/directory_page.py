"""The "find a service" page, under which every service page sits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models.base import BasePage


class DirectoryPage(BasePage):
    """The "find a service" page: search form and results, and the parent of every service."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two above the search form."),
    )

    template = "services_directory/directory_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services_directory.ServicePage"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("services directory")

    def get_summary(self):
        return super().get_summary() or self.introduction

    def get_context(self, request, *args, **kwargs):
        # Imported when shown: the finder reads these models (the one upward import, decision 0013).
        from services_directory.finder import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context
