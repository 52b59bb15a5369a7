"""Factories for the publishing side's pages and snippets."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import ContentPage, PolicyIndexPage, PolicyPage, PolicyTopic, ReportPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guidance page {n}")
    introduction = "What this page is about."
    live = True

    class Meta:
        model = ContentPage


class ReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Committee report {n}")
    date = datetime.date(2024, 2, 5)
    committee = "Children and Young People Scrutiny Committee"
    summary = "How services for children did this year."
    live = True

    class Meta:
        model = ReportPage


class PolicyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Policies"
    slug = "policies"
    live = True

    class Meta:
        model = PolicyIndexPage


class PolicyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Policy {n}")
    summary = "What this policy is for."
    owner_role = "Centre Manager"
    status = "adopted"
    live = True

    class Meta:
        model = PolicyPage


class PolicyTopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PolicyTopic
