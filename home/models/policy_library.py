"""The policy library's index page, which lists policies filtered by topic and status."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.queries import public

from .base import BasePage
from .policies import PolicyPage, PolicyStatus
from .policy_topics import PolicyTopic, in_language


class PolicyFilterForm(forms.Form):
    """Filters of the policy library; bad values get a message instead of an error page."""

    topic = forms.ChoiceField(required=False, label=_("Topic"))
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *PolicyStatus.choices], required=False, label=_("Status")
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain choices from one query: a ModelChoiceField would count and list them again.
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


class PolicyIndexPage(BasePage):
    """The policy library: lists policies, filtered by topic and status."""

    introduction = models.TextField(blank=True, max_length=600)
    per_page = 20

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.PolicyPage"]

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("policy index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        policies = public(
            PolicyPage.objects.child_of(self).live().prefetch_related("topics").order_by("title")
        )
        topics = list(PolicyTopic.objects.filter(locale_id=self.locale_id))
        form = PolicyFilterForm(request.GET or None, topics=topics)
        if form.is_valid():
            if form.cleaned_data["topic"]:
                chosen = next(t for t in topics if t.slug == form.cleaned_data["topic"])
                # By translation key: a translated policy may still carry the original topic.
                policies = policies.filter(topics__translation_key=chosen.translation_key)
            if form.cleaned_data["status"]:
                policies = policies.filter(status=form.cleaned_data["status"])
        else:
            policies = policies.none() if form.is_bound and form.errors else policies
        paginator = Paginator(policies.distinct(), self.per_page)
        page = paginator.get_page(request.GET.get("page"))
        for policy in page:
            policy.topics_in_language = in_language(policy.topics.all(), topics)
        context.update(filter_form=form, policies=page, paginator=paginator)
        return context
