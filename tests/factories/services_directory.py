"""Factories for the services directory: snippets, the directory page and service pages."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from services_directory.models import (
    CostOption,
    DirectoryPage,
    HolidayClosure,
    Location,
    Organisation,
    ProblemReport,
    Schedule,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Northbrook Family Trust {n}")
    description = "A fictional charity that runs family services."
    website = "https://www.example.org/"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation


class LocationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Elm Road Children's Centre {n}")
    address_1 = "12 Elm Road"
    city = "Croydon"
    state_province = "Greater London"
    postal_code = "CR0 1AA"
    latitude = 51.3762
    longitude = -0.0982
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Location


class TaxonomyFactory(factory.django.DjangoModelFactory):
    name = "Family services categories"
    description = "The council's categories of family services."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Taxonomy


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "A kind of help for families."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TaxonomyTerm


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Find a service"
    slug = "services"
    introduction = "Search for help near you."
    live = True

    class Meta:
        model = DirectoryPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A live service. Lists of child rows go in as dicts: ``schedules=[{"byday": "SA", ...}]``."""

    title = factory.Sequence(lambda n: f"Stay and play {n}")
    description = "Songs, stories and play for babies and toddlers with their parents."
    live = True
    minimum_age = 0
    maximum_age = 5
    last_checked = factory.LazyFunction(datetime.date.today)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = ServicePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        lists = {
            "schedules": (Schedule, kwargs.pop("schedules", [])),
            "cost_options": (CostOption, kwargs.pop("cost_options", [])),
            "languages": (ServiceLanguage, kwargs.pop("languages", [])),
            "phones": (ServicePhone, kwargs.pop("phones", [])),
            "holiday_closures": (HolidayClosure, kwargs.pop("holiday_closures", [])),
        }
        locations = kwargs.pop("locations", [])
        categories = kwargs.pop("categories", [])
        page = super()._create(model_class, *args, **kwargs)
        for relation, (child_model, rows) in lists.items():
            if rows:
                getattr(page, relation).set([child_model(**row) for row in rows])
        if locations:
            page.service_at_locations.set(
                [ServiceAtLocation(location=location) for location in locations]
            )
        if categories:
            page.categories.set(categories)
        if any(rows for _model, rows in lists.values()) or locations or categories:
            page.save()
        return page


class ProblemReportFactory(factory.django.DjangoModelFactory):
    kind = "times"
    details = "The Saturday session has moved to Sunday."
    email = "parent@example.org"

    class Meta:
        model = ProblemReport
