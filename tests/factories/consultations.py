"""Factories for consultations, ideas boards and what residents post."""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone

from consultations.models import (
    BoardTheme,
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    Contributor,
    Idea,
    IdeasBoardPage,
    ModerationStatus,
    RespondentType,
)


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"
    introduction = "Have your say on our services."
    live = True

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """Open now, for four weeks, unless told otherwise."""

    title = factory.Sequence(lambda n: f"Consultation {n}")
    summary = "Tell us how we can support families better."
    why_we_are_asking = "<p>We are reviewing our services.</p>"
    who_can_take_part = "<p>Anyone who lives or works in the borough.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    live = True

    class Meta:
        model = ConsultationPage


class IdeasBoardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ideas board {n}")
    question = "How could we make it easier to get help early?"
    introduction = "Share your ideas and support other people's."
    live = True

    class Meta:
        model = IdeasBoardPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if not create:
            return
        for order, name in enumerate(extracted or ["Health", "Play and learning"]):
            BoardTheme.objects.create(board=self, name=name, sort_order=order, locale=self.locale)


class ContributorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Resident {n}")
    email = factory.Sequence(lambda n: f"resident{n}@example.com")

    class Meta:
        model = Contributor


class IdeaFactory(factory.django.DjangoModelFactory):
    """A published idea from a parent; pass board=."""

    title = factory.Sequence(lambda n: f"Idea number {n}")
    description = "More evening sessions so working parents can come."
    theme = factory.LazyAttribute(lambda idea: idea.board.themes.first())
    respondent_type = RespondentType.PARENT_CARER
    area = "CR0"
    status = ModerationStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    submission_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = Idea


class CommentFactory(factory.django.DjangoModelFactory):
    """A published comment; pass idea=."""

    body = factory.Sequence(lambda n: f"I agree, comment {n}.")
    respondent_type = RespondentType.PARENT_CARER
    status = ModerationStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    submission_key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = Comment
