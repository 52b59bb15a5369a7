"""Fixtures for moderation: a consultation moderator, pending items and a helper to post forms."""

import pytest
from django.contrib.auth.models import Group

from consultations.models import ModerationStatus
from tests.factories.consultations import CommentFactory, IdeaFactory


@pytest.fixture
def consultation_moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "consultmod", "consultmod@example.gov.uk", "pw-consultmod-1"
    )
    user.groups.add(Group.objects.get(name="Consultation moderators"))
    return user


@pytest.fixture
def moderator_client(client, consultation_moderator):
    client.force_login(consultation_moderator)
    return client


@pytest.fixture
def pending_idea(board):
    return IdeaFactory(
        board=board,
        title="Longer opening hours at the library",
        description="Open until seven on weekdays.",
        status=ModerationStatus.PENDING,
        published_at=None,
    )


@pytest.fixture
def pending_comment(idea):
    return CommentFactory(
        idea=idea,
        body="Yes, and at weekends too.",
        status=ModerationStatus.PENDING,
        published_at=None,
    )
