"""Editors keep the synonym sets in the admin: per language, with messages that keep their words."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import ModelLogEntry

from search.models import SynonymSet
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

INDEX = "/admin/search/synonyms/"


@pytest.fixture
def admin_only_user(django_user_model):
    """Signs in to the admin but has no search permissions (say, a consultation moderator)."""
    user = django_user_model.objects.create_user("reader", "reader@example.gov.uk", "pw-reader-1")
    user.groups.add(Group.objects.get(name="Consultation moderators"))
    return user


@pytest.fixture
def sets():
    SynonymSet.objects.all().delete()  # the starter sets, so each test reads its own
    return {
        "en": SynonymSet.objects.create(
            language="en", kind="acronym", terms="SEND, special educational needs and disabilities"
        ),
        "pl": SynonymSet.objects.create(language="pl", terms="żłobek, przedszkole"),
    }


def _form(**changes):
    return {"language": "en", "kind": "synonyms", "terms": "", "note": "", **changes}


def test_editors_find_synonyms_and_promoted_results_in_a_search_menu(client, editor):
    client.force_login(editor)
    home = client.get("/admin/")
    assertContains(home, INDEX)
    assertContains(home, reverse("wagtailsearchpromotions:index"))
    assertContains(home, reverse("search_terms_report"))


def test_people_without_search_permissions_see_no_search_menu_and_get_403(
    client, admin_only_user, sets
):
    client.force_login(admin_only_user)
    assertNotContains(client.get("/admin/"), INDEX)
    assert client.get(INDEX).status_code in (302, 403)
    response = client.post(reverse("search_synonyms:add"), _form(terms="nappy, diaper"))
    assert response.status_code in (302, 403)
    assert not SynonymSet.objects.filter(terms="nappy, diaper").exists()


def test_the_list_filters_by_language_and_kind_and_searches(client, editor, sets):
    client.force_login(editor)
    everything = client.get(INDEX)
    assertContains(everything, "send, special educational needs and disabilities")
    assertContains(everything, "żłobek, przedszkole")
    polish = client.get(INDEX, {"language": "pl"})
    assertContains(polish, "żłobek, przedszkole")
    assertNotContains(polish, "special educational needs")
    acronyms = client.get(INDEX, {"kind": "acronym"})
    assertNotContains(acronyms, "żłobek")
    found = client.get(INDEX, {"q": "educational"})
    assertContains(found, "special educational needs")
    assertNotContains(found, "żłobek")


def test_the_form_explains_how_sets_work(client, editor):
    client.force_login(editor)
    response = client.get(reverse("search_synonyms:add"))
    assertContains(response, "All the words and phrases in a set find each other")
    assertContains(response, "Changes apply to the next search.")


def test_an_editor_adds_a_set_and_it_is_in_the_history(client, editor, sets):
    client.force_login(editor)
    response = client.post(
        reverse("search_synonyms:add"),
        _form(terms="Nappy, diaper", note="Parents' words, from the health visitors"),
    )
    assert response.status_code == 302
    added = SynonymSet.objects.get(terms="Nappy, diaper")
    assert added.term_list() == ["nappy", "diaper"]
    entry = ModelLogEntry.objects.get(object_id=str(added.pk), action="wagtail.create")
    assert entry.user == editor
    history = client.get(reverse("search_synonyms:history", args=[added.pk]))
    assertContains(history, "Created")


def test_an_editor_changes_and_deletes_a_set(client, editor, sets):
    client.force_login(editor)
    edit_url = reverse("search_synonyms:edit", args=[sets["en"].pk])
    response = client.post(
        edit_url,
        _form(kind="acronym", terms="SEND, special educational needs and disabilities, SEN"),
    )
    assert response.status_code == 302
    sets["en"].refresh_from_db()
    assert "sen" in sets["en"].term_list()
    assert ModelLogEntry.objects.filter(action="wagtail.edit").exists()
    delete_url = reverse("search_synonyms:delete", args=[sets["pl"].pk])
    assert client.post(delete_url).status_code == 302
    assert not SynonymSet.objects.filter(pk=sets["pl"].pk).exists()


def test_a_set_of_one_word_is_refused_and_the_typed_words_kept(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("search_synonyms:add"), _form(terms="Breastfeeding", note="from the NHS guide")
    )
    assert response.status_code == 200
    assertContains(response, "Give at least two words or phrases.")
    assertContains(response, "Breastfeeding</textarea>")
    assertContains(response, 'value="from the NHS guide"')
    assert not SynonymSet.objects.filter(terms="Breastfeeding").exists()


def test_search_syntax_in_a_term_is_refused_with_the_term_named(client, editor, sets):
    client.force_login(editor)
    response = client.post(reverse("search_synonyms:add"), _form(terms="adhd, add*"))
    assertContains(response, "“add*” has other characters")
    assertContains(response, "adhd, add*</textarea>")


def test_a_word_already_in_another_set_of_the_language_is_refused(client, editor, sets):
    client.force_login(editor)
    response = client.post(reverse("search_synonyms:add"), _form(terms="SEND, SEN support"))
    assert response.status_code == 200
    assertContains(response, "“send” is already in another set for this language")
    assertContains(response, "SEND, SEN support</textarea>")
    assertNotContains(response, "Give at least two words")
    # The same word in another language is a different word.
    other = client.post(reverse("search_synonyms:add"), _form(language="pl", terms="send, sen"))
    assert other.status_code == 302


def test_editing_a_set_does_not_clash_with_itself(client, editor, sets):
    client.force_login(editor)
    response = client.post(
        reverse("search_synonyms:edit", args=[sets["en"].pk]),
        _form(kind="acronym", terms=sets["en"].terms, note="checked"),
    )
    assert response.status_code == 302


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_get_a_message_never_a_500_or_stored_markup(client, editor, value):
    client.force_login(editor)
    before = SynonymSet.objects.count()
    response = client.post(
        reverse("search_synonyms:add"),
        _form(terms=f"{value}, plain words", note=value[:255], language=value[:10], kind=value),
    )
    assert response.status_code == 200
    assert SynonymSet.objects.count() == before
    assert b"<script>alert(1)</script>" not in response.content


def test_moderators_group_may_keep_synonyms_and_promotions_too(client, moderator):
    client.force_login(moderator)
    assert client.get(INDEX).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200


def test_the_editors_group_holds_exactly_the_search_permissions_it_needs():
    codenames = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label__in=["search", "wagtailsearchpromotions"])
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "add_synonymset",
        "change_synonymset",
        "delete_synonymset",
        "view_synonymset",
        "view_searchqueryday",
        "add_searchpromotion",
        "change_searchpromotion",
        "delete_searchpromotion",
    }
    # Counts are written by searching, so nobody may add or change them by hand.
    assert not Permission.objects.filter(codename="change_searchqueryday").exists()


def test_promoted_results_are_no_longer_under_settings(client, superuser):
    client.force_login(superuser)
    home = client.get("/admin/").content.decode()
    assert home.count(reverse("wagtailsearchpromotions:index")) == 1
