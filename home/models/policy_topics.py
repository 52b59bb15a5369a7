"""The topics policies and consultations are grouped by, and matching them across languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class PolicyTopic(TranslatableMixin, models.Model):
    """A subject policies are grouped by, such as 'Safeguarding'."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, help_text=_("Used in filter links; keep it short."))

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("policy topic")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


def in_language(topics, local_topics):
    """Each topic once, in the reader's language where it has been translated, by name.

    wagtail-localize copies a page's topics as they are (it does not translate many-to-many
    fields), so a translated policy may hold the original language's topics: they are matched
    to local_topics, the topics of the reader's language, by translation key.
    """
    local = {topic.translation_key: topic for topic in local_topics}
    chosen = {}
    for topic in topics:
        chosen.setdefault(topic.translation_key, local.get(topic.translation_key, topic))
    return sorted(chosen.values(), key=lambda topic: topic.name)
