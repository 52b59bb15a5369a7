"""The Consultation moderators group: moderation rights only, and none for editors."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_moderators_group_can_enter_the_admin_and_moderate():
    assert codenames("Consultation moderators") == {
        ("wagtailadmin", "access_admin"),
        ("consultations", "change_idea"),
        ("consultations", "view_idea"),
        ("consultations", "change_comment"),
        ("consultations", "view_comment"),
        ("consultations", "change_abusereport"),
        ("consultations", "view_abusereport"),
    }


def test_moderators_group_is_not_shown_personal_data(consultation_moderator):
    assert not consultation_moderator.has_perm("consultations.view_personal_data")


def test_editors_get_no_moderation_rights(editor, moderator):
    for user in (editor, moderator):
        assert not user.has_perm("consultations.change_idea")
        assert not user.has_perm("consultations.change_comment")
