"""Fixtures for consultations: an index, an open consultation with a board, and ideas."""

import pytest

from tests.factories.consultations import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)


@pytest.fixture
def consultation_index(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index, title="Supporting families early")


@pytest.fixture
def board(consultation):
    return IdeasBoardPageFactory(parent=consultation, title="Getting help early")


@pytest.fixture
def idea(board):
    return IdeaFactory(board=board, title="Evening stay and play sessions")
