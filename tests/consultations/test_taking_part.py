"""Supporting, commenting and reporting, as a resident without an account does them."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from modelsearch.conf import get_app_config
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import AbuseReport, Comment, ModerationMode, ModerationStatus, Support
from tests.factories.consultations import CommentFactory, IdeaFactory
from tests.submissions import with_token

pytestmark = pytest.mark.django_db


def support(client, idea, **extra):
    return client.post(reverse("consultations:support", args=[idea.pk]), extra)


def test_supporting_counts_once_per_visitor_and_says_so(client, idea):
    assert support(client, idea).status_code == 302
    support(client, idea)
    idea.refresh_from_db()
    assert idea.support_count == 1
    response = client.get(reverse("consultations:idea", args=[idea.pk]))
    assertContains(response, "You support this idea")
    assertContains(response, "1 person supports this")
    assertContains(response, "How we count support")


def test_a_different_visitor_adds_their_own_support(client, django_app_client_factory, idea):
    support(client, idea)
    support(django_app_client_factory(), idea)
    idea.refresh_from_db()
    assert idea.support_count == 2


@pytest.fixture
def django_app_client_factory():
    from django.test import Client

    return Client


def test_a_forged_visitor_cookie_is_not_trusted(client, idea):
    client.cookies["consultation_visitor"] = "forged-value"
    assert support(client, idea).status_code == 302
    assert Support.objects.count() == 1


@pytest.mark.parametrize("status", [ModerationStatus.PENDING, ModerationStatus.HIDDEN])
def test_a_hidden_or_unchecked_idea_cannot_be_supported(client, board, status):
    hidden = IdeaFactory(board=board, status=status)
    assert support(client, hidden).status_code == 404
    assert not Support.objects.exists()


def test_supports_stop_when_the_consultation_closes(client, consultation, idea):
    with time_machine.travel(consultation.closes_at + datetime.timedelta(seconds=1)):
        response = support(client, idea)
    assert response.status_code == 403
    assertContains(response, "This board has closed", status_code=403)
    assert not Support.objects.exists()


@override_settings(CONSULTATIONS_SUPPORT_RATE="2/h")
def test_supports_are_rate_limited_per_connection(client, board):
    cache.clear()
    ideas = [IdeaFactory(board=board) for _ in range(3)]
    for idea in ideas[:2]:
        support(client, idea)
    response = support(client, ideas[2])
    assert response.status_code == 429
    assert Support.objects.count() == 2


def test_support_get_is_refused(client, idea):
    assert client.get(reverse("consultations:support", args=[idea.pk])).status_code == 405


def comment(client, idea, **data):
    return client.post(
        reverse("consultations:comment", args=[idea.pk]),
        with_token(
            {"body": "Evenings would help us too.", "respondent_type": "parent_carer", **data}
        ),
    )


def test_a_comment_waits_for_a_moderator_on_a_pre_moderated_board(client, idea):
    response = comment(client, idea)
    assert response.status_code == 302
    saved = Comment.objects.get()
    assert saved.status == ModerationStatus.PENDING
    page = client.get(response["Location"])
    assertContains(page, "A moderator will read it before it is published.")
    assertNotContains(page, "Evenings would help us too.")


def test_a_comment_on_a_post_moderated_board_is_published_and_counted(client, board, idea):
    board.moderation = ModerationMode.POST
    board.save_revision().publish()
    comment(client, idea)
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assertContains(client.get(reverse("consultations:idea", args=[idea.pk])), "Evenings would")


def test_a_comment_with_errors_keeps_the_words(client, idea):
    response = comment(client, idea, respondent_type="")
    assert response.status_code == 400
    assertContains(response, "Select who you are", status_code=400)
    assertContains(response, "Evenings would help us too.", status_code=400)
    assert not Comment.objects.exists()


def report(client, kind, item, **data):
    name = "consultations:report_idea" if kind == "idea" else "consultations:report_comment"
    return client.post(reverse(name, args=[item.pk]), {"reason": "offensive", **data})


def test_reporting_an_idea_puts_it_in_front_of_a_moderator(client, idea):
    response = report(client, "idea", idea, details="Rude words")
    assertContains(response, "Thank you for telling us")
    saved = AbuseReport.objects.get()
    assert saved.idea == idea and saved.reason == "offensive" and saved.resolved_at is None
    idea.refresh_from_db()
    assert idea.report_count == 1
    assert idea.status == ModerationStatus.PUBLISHED


@override_settings(CONSULTATIONS_HIDE_AFTER_REPORTS=3)
def test_three_reports_from_different_people_hide_an_idea(client, idea):
    from django.test import Client

    report(client, "idea", idea)
    report(client, "idea", idea)  # the same person twice counts once
    idea.refresh_from_db()
    assert idea.report_count == 1
    report(Client(), "idea", idea)
    report(Client(), "idea", idea)
    idea.refresh_from_db()
    assert idea.status == ModerationStatus.HIDDEN
    assert client.get(reverse("consultations:idea", args=[idea.pk])).status_code == 404
    # Its words leave the search index too, not only the results.
    entries = get_app_config().get_model("IndexEntry").objects
    assert not entries.filter(object_id=str(idea.pk), content_type__model="idea").exists()


@override_settings(CONSULTATIONS_HIDE_AFTER_REPORTS=1)
def test_a_reported_comment_is_hidden_and_uncounted(client, idea):
    reported = CommentFactory(idea=idea, body="Nasty comment")
    idea.comment_count = 1
    idea.save()
    report(client, "comment", reported)
    reported.refresh_from_db()
    idea.refresh_from_db()
    assert reported.status == ModerationStatus.HIDDEN
    assert idea.comment_count == 0


def test_a_report_without_a_reason_asks_for_one_and_keeps_the_details(client, idea):
    response = report(client, "idea", idea, reason="", details="It names a child")
    assertContains(response, "Select what is wrong with it", status_code=400)
    assertContains(response, "It names a child", status_code=400)
    assert not AbuseReport.objects.exists()
