"""Editors' publishing: moderation before a change goes live, and scheduled publishing."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from home.models import ContentPage
from tests.admin_forms import content_page_edit_form
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidance(home_page):
    page = ContentPageFactory(parent=home_page, title="Help with childcare costs")
    page.save_revision().publish()
    return page


def test_an_editors_change_goes_to_moderation_and_a_moderator_publishes_it(
    client, guidance, editor, moderator
):
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[guidance.pk])
    response = client.post(
        edit,
        content_page_edit_form(
            guidance, title="Help with childcare costs in 2026", **{"action-submit": "1"}
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""

    guidance.refresh_from_db()
    assert guidance.workflow_in_progress
    assert guidance.title == "Help with childcare costs"  # readers still see the published page
    assert "Help with childcare costs in 2026" not in client.get(guidance.url).content.decode()
    state = guidance.current_workflow_task_state
    assert state.task.specific.groups.filter(name="Moderators").exists()
    approve = reverse("wagtailadmin_pages:workflow_action", args=[guidance.pk, "approve", state.pk])
    client.post(approve, {"comment": ""})  # an editor cannot approve their own change
    guidance.refresh_from_db()
    assert guidance.workflow_in_progress
    assert guidance.title == "Help with childcare costs"

    client.force_login(moderator)
    # The moderator's dashboard lists the change awaiting review.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Help with childcare costs in 2026" in dashboard
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (200, 302)

    guidance.refresh_from_db()
    assert not guidance.workflow_in_progress
    assert guidance.live
    assert guidance.title == "Help with childcare costs in 2026"
    assert "Help with childcare costs in 2026" in client.get(guidance.url).content.decode()


def test_an_editor_cannot_publish_without_moderation(client, guidance, editor):
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[guidance.pk])
    response = client.post(
        edit,
        content_page_edit_form(
            guidance, title="Published straight away", **{"action-publish": "1"}
        ),
    )
    # The form was valid and the change kept, as a draft (a refused form would prove nothing).
    assert response.status_code == 302, response.content.decode()[:500]
    guidance.refresh_from_db()
    assert guidance.get_latest_revision().content["title"] == "Published straight away"
    assert guidance.has_unpublished_changes
    assert guidance.title == "Help with childcare costs"
    assert "Published straight away" not in client.get(guidance.url).content.decode()


def test_a_scheduled_page_is_published_by_publish_scheduled_when_its_time_comes(client, home_page):
    monday = datetime.datetime(2026, 7, 20, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(monday, tick=False):
        page = ContentPageFactory(parent=home_page, title="Summer holiday activities", live=False)
        page.go_live_at = monday + datetime.timedelta(days=4)
        page.save_revision().publish()  # with a future go-live time, this schedules it
        call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        assert not page.live
        assert client.get(page.url).status_code == 404

    with time_machine.travel(monday + datetime.timedelta(days=4, minutes=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
    page = Page.objects.get(pk=page.pk)
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Summer holiday activities" in response.content.decode()
    assert ContentPage.objects.live().filter(pk=page.pk).exists()
