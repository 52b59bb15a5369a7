"""Ideas and comments in the admin: listings, the edit view, personal data and history."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import ModelLogEntry

from consultations.models import ModerationStatus, ResponseStatus
from tests.factories.consultations import ContributorFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def edit_url(kind, pk):
    return reverse(f"wagtailsnippets_consultations_{kind}:edit", args=[pk])


def idea_form(idea, **changes):
    data = {
        "title": idea.title,
        "description": idea.description,
        "response_status": idea.response_status,
        "public_response": idea.public_response,
        "moderation_note": idea.moderation_note,
    }
    return {**data, **changes}


def test_idea_listing_filters_by_status(moderator_client, idea, pending_idea):
    url = reverse("wagtailsnippets_consultations_idea:list")
    response = moderator_client.get(url, {"status": "pending"})
    assertContains(response, pending_idea.title)
    assertNotContains(response, idea.title)


def test_listings_are_closed_to_editors(client, editor, idea):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_consultations_idea:list"))
    assert response.status_code in (302, 403)
    assert client.get(edit_url("idea", idea.pk)).status_code in (302, 403)


def test_moderators_cannot_add_ideas(moderator_client, superuser, client):
    response = moderator_client.get(reverse("wagtailsnippets_consultations_idea:add"))
    assert response.status_code in (302, 403)


def test_moderator_fixes_a_typo_and_it_is_logged_without_the_words(
    moderator_client, consultation_moderator, board
):
    idea = IdeaFactory(
        board=board,
        title="Stay and paly",
        description="Call 07700 900123",
        flags=["07700 900123"],
        status=ModerationStatus.PENDING,
    )
    response = moderator_client.post(
        edit_url("idea", idea.pk),
        idea_form(idea, title="Stay and play", description="Call the centre"),
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Stay and play"
    assert idea.flags == []
    entry = ModelLogEntry.objects.get(object_id=str(idea.pk), action="consultations.edit_text")
    assert entry.user == consultation_moderator
    assert "07700" not in str(entry.data)


def test_moderator_sets_status_and_public_response(moderator_client, consultation_moderator, idea):
    response = moderator_client.post(
        edit_url("idea", idea.pk),
        idea_form(
            idea,
            response_status=ResponseStatus.ALREADY_HAPPENING,
            public_response="Saturday sessions started in May.",
        ),
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.response_status == ResponseStatus.ALREADY_HAPPENING
    assert idea.responded_at is not None
    assert ModelLogEntry.objects.filter(
        object_id=str(idea.pk), action="consultations.respond", user=consultation_moderator
    ).exists()


def test_edit_form_refuses_an_unknown_response_status(moderator_client, idea):
    response = moderator_client.post(
        edit_url("idea", idea.pk), idea_form(idea, response_status="<script>")
    )
    assert response.status_code == 200
    idea.refresh_from_db()
    assert idea.response_status == ""


def test_contributor_details_only_for_people_allowed_personal_data(
    moderator_client, consultation_moderator, idea
):
    idea.contributor = ContributorFactory(name="Jo Bloggs", email="jo@example.com")
    idea.save()

    response = moderator_client.get(edit_url("idea", idea.pk))
    assert response.status_code == 200
    assertNotContains(response, "Jo Bloggs")
    assertNotContains(response, "jo@example.com")

    consultation_moderator.user_permissions.add(
        Permission.objects.get(codename="view_personal_data")
    )
    response = moderator_client.get(edit_url("idea", idea.pk))
    assertContains(response, "Jo Bloggs")
    assertContains(response, "jo@example.com")
    # Shown, not editable.
    assertNotContains(response, 'value="jo@example.com"')


def test_history_shows_each_action_with_who_did_it(
    moderator_client, consultation_moderator, pending_idea
):
    moderator_client.post(
        reverse("consultations_moderation_act"), {"do": f"approve:idea:{pending_idea.pk}"}
    )
    moderator_client.post(
        reverse("consultations_moderation_act"),
        {"action": "reject", "reason": "duplicate", "item": f"idea:{pending_idea.pk}"},
    )
    history = reverse("wagtailsnippets_consultations_idea:history", args=[pending_idea.pk])
    response = moderator_client.get(history)
    assert response.status_code == 200
    assertContains(response, "Approved and published")
    assertContains(response, "Rejected: Repeats another idea")
    assertContains(response, consultation_moderator.get_username())


def test_comment_edit_view_fixes_a_typo(moderator_client, pending_comment):
    response = moderator_client.post(
        edit_url("comment", pending_comment.pk),
        {"body": "Yes, and at weekends too!", "moderation_note": ""},
    )
    assert response.status_code == 302
    pending_comment.refresh_from_db()
    assert pending_comment.body == "Yes, and at weekends too!"
