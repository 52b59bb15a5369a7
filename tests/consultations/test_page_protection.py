"""An editor cannot delete residents' ideas by deleting the page they were posted on."""

import pytest
from django.urls import reverse

from consultations.models import Idea, IdeasBoardPage

pytestmark = pytest.mark.django_db


def test_deleting_a_consultation_with_ideas_is_refused_with_a_message(client, superuser, idea):
    consultation = idea.board.get_parent()
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[consultation.pk]), follow=True
    )
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Idea.objects.filter(pk=idea.pk).exists()
    assert IdeasBoardPage.objects.filter(pk=idea.board_id).exists()


def test_a_board_without_ideas_can_be_deleted(client, superuser, board):
    client.force_login(superuser)
    client.post(reverse("wagtailadmin_pages:delete", args=[board.pk]))
    assert not IdeasBoardPage.objects.filter(pk=board.pk).exists()
