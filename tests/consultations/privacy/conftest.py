"""Fixtures for personal data: people who left their details, and who may see them."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories.consultations import (
    CommentFactory,
    ConsultationPageFactory,
    ContributorFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)


@pytest.fixture
def contributor(db):
    """Someone who left a name and email address but has not opened the link yet."""
    return ContributorFactory(name="Amina Khan", email="amina.khan@example.com")


@pytest.fixture
def confirmed_contributor(db):
    return ContributorFactory(
        name="Tom Price", email="tom.price@example.com", email_confirmed_at=timezone.now()
    )


@pytest.fixture
def closed_consultation(consultation_index):
    """Closed yesterday, keeping personal details for 30 days."""
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        title="Children's centre opening hours",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=1),
        retention_days=30,
    )
    return consultation


@pytest.fixture
def closed_board(closed_consultation):
    return IdeasBoardPageFactory(parent=closed_consultation, title="Opening hours")


@pytest.fixture
def make_idea():
    def make(board, contributor=None, **kwargs):
        return IdeaFactory(board=board, contributor=contributor, **kwargs)

    return make


@pytest.fixture
def make_comment():
    def make(idea, contributor=None, **kwargs):
        return CommentFactory(idea=idea, contributor=contributor, **kwargs)

    return make


def _user_with(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.uk", "pw-1")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def privacy_officer(django_user_model):
    """A member of staff who answers data protection requests."""
    return _user_with(django_user_model, "dpo", "access_admin", "view_personal_data")


@pytest.fixture
def admin_user_without_permission(django_user_model):
    return _user_with(django_user_model, "staffer", "access_admin")
