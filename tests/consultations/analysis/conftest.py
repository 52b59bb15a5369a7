"""Fixtures for analysing feedback: a consultation with two boards and varied ideas, and people
who may or may not look at it."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from consultations.models import (
    ModerationStatus,
    RejectionReason,
    RespondentType,
    ResponseStatus,
    Support,
)
from tests.factories.consultations import (
    CommentFactory,
    ContributorFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)


@pytest.fixture
def boards(consultation):
    """Two boards: 'Getting help early' (Health, Play and learning) and 'Places' (Parks)."""
    early = IdeasBoardPageFactory(parent=consultation, title="Getting help early")
    places = IdeasBoardPageFactory(parent=consultation, title="Places", themes=["Parks"])
    return SimpleNamespace(early=early, places=places)


def theme(board, name):
    return board.themes.get(name=name)


def add_supports(idea, count):
    Support.objects.bulk_create(
        Support(idea=idea, supporter=f"{idea.pk}-{n}") for n in range(count)
    )
    idea.support_count = count
    idea.save(update_fields=["support_count"])


@pytest.fixture
def feedback(boards):
    """Ten ideas across both boards, every moderation outcome, comments and supports.

    Health: 3 received, 3 published (clinic 5 supports, dentist 2, from a young person in Arabic).
    Play and learning: 2 received, 1 published, 1 waiting. Parks: 5 received, 2 published, 1 spam,
    1 offensive, 1 hidden without a reason. Respondents: 7 parents, 1 young person,
    1 professional, 1 other. Areas: CR0 8, CR2 1, none 1. Comments: 1 published, 1 waiting, 1 spam.
    """
    early, places = boards.early, boards.places
    health, play = theme(early, "Health"), theme(early, "Play and learning")
    parks = theme(places, "Parks")
    amina = ContributorFactory(name="Amina Khan", email="amina.khan@example.com")
    ideas = SimpleNamespace()
    ideas.clinic = IdeaFactory(
        board=early,
        theme=health,
        title="Evening baby clinic",
        area="CR0",
        contributor=amina,
        response_status=ResponseStatus.TAKEN_FORWARD,
        public_response="We will open the clinic on Tuesday evenings from May.",
        responded_at=timezone.now(),
    )
    add_supports(ideas.clinic, 5)
    ideas.dentist = IdeaFactory(
        board=early,
        theme=health,
        title="Dentist visits at nursery",
        area="CR2",
        respondent_type=RespondentType.YOUNG_PERSON,
        language="ar",
        response_status=ResponseStatus.UNDER_CONSIDERATION,
        public_response="We are talking to the dental service.",
    )
    add_supports(ideas.dentist, 2)
    ideas.walk_in = IdeaFactory(board=early, theme=health, title="Walk-in health visitor", area="")
    ideas.library = IdeaFactory(
        board=early,
        theme=play,
        title="Toy library on Saturdays",
        respondent_type=RespondentType.PROFESSIONAL,
        response_status=ResponseStatus.ALREADY_HAPPENING,
        public_response="The toy library opens on Saturdays at Elm Road.",
    )
    ideas.pending = IdeaFactory(
        board=early, theme=play, title="Waiting idea", status=ModerationStatus.PENDING
    )
    ideas.benches = IdeaFactory(
        board=places,
        theme=parks,
        title="More benches in parks",
        area="CR0",
        respondent_type=RespondentType.OTHER,
        response_status=ResponseStatus.NOT_TAKEN_FORWARD,
        public_response="There is no budget for benches this year.",
    )
    ideas.shade = IdeaFactory(board=places, theme=parks, title="Shade over the sandpit")
    ideas.spam = IdeaFactory(
        board=places,
        theme=parks,
        title="Cheap watches",
        status=ModerationStatus.REJECTED,
        rejection_reason=RejectionReason.SPAM,
        # A response on an unpublished idea must never reach "you said, we did".
        response_status=ResponseStatus.TAKEN_FORWARD,
        public_response="Never shown.",
    )
    ideas.rude = IdeaFactory(
        board=places,
        theme=parks,
        title="Rude words",
        status=ModerationStatus.REJECTED,
        rejection_reason=RejectionReason.OFFENSIVE,
    )
    ideas.hidden = IdeaFactory(
        board=places, theme=parks, title="Reported idea", status=ModerationStatus.HIDDEN
    )
    CommentFactory(idea=ideas.clinic, body="Yes please, Tuesdays suit me.", contributor=amina)
    CommentFactory(idea=ideas.clinic, body="Waiting comment", status=ModerationStatus.PENDING)
    CommentFactory(
        idea=ideas.benches,
        body="Buy now",
        status=ModerationStatus.REJECTED,
        rejection_reason=RejectionReason.SPAM,
    )
    return ideas


def admin_user(django_user_model, username, *permissions):
    """Someone who signs in to the admin with only the given permissions (app.codename)."""
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.uk", "pw-1")
    names = ["wagtailadmin.access_admin", *permissions]
    for name in names:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def admin_only_user(django_user_model):
    """Signs in to the admin but neither edits pages nor moderates (say, a directory reader)."""
    return admin_user(django_user_model, "reader")


@pytest.fixture
def community_moderator(django_user_model):
    """Moderates ideas, edits no pages, may not see names and emails."""
    return admin_user(django_user_model, "youthworker", "consultations.change_idea")


@pytest.fixture
def data_officer(django_user_model):
    """Moderates ideas and may see contributors' names and emails."""
    return admin_user(
        django_user_model,
        "dataofficer",
        "consultations.change_idea",
        "consultations.view_personal_data",
    )
