"""Each app declares which of its saves change what readers see; only those move the generation."""

from pathlib import Path

import pytest
from django.core.cache import cache

from foundation import page_cache
from tests.factories.home import PolicyTopicFactory
from tests.factories.services_directory import ProblemReportFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _moves_generation(change):
    before = page_cache._generation()
    change()
    return page_cache._generation() != before


def test_saving_or_deleting_a_declared_model_moves_the_generation():
    topic = PolicyTopicFactory()
    assert _moves_generation(topic.save)
    assert _moves_generation(topic.delete)


def test_a_model_its_app_leaves_out_does_not_move_the_generation(directory):
    # A reader's problem report holds their email address and is for the directory team.
    service = ServicePageFactory(parent=directory)
    assert not page_cache.changes_what_readers_see(ProblemReportFactory._meta.model)
    assert not _moves_generation(lambda: ProblemReportFactory(service=service))


def test_a_model_no_app_declares_does_not_move_the_generation(django_user_model):
    # Signing in saves the user's last_login: that must not empty every reader's cache.
    assert not _moves_generation(lambda: django_user_model.objects.create_user("reader"))


def test_two_declarations_of_one_app_leave_out_only_what_both_leave_out(monkeypatch):
    monkeypatch.setattr(page_cache, "_declared", {})
    page_cache.reader_content("wagtailcore", except_models=["Comment", "PageLogEntry"])
    page_cache.reader_content("wagtailcore", except_models=["Comment"])
    assert page_cache._declared["wagtailcore"] == {"comment"}


def test_a_misspelt_model_fails_at_start_up_not_silently(monkeypatch):
    monkeypatch.setattr(page_cache, "_declared", {})
    with pytest.raises(LookupError):
        page_cache.reader_content("wagtailcore", except_models=["Coment"])


def test_the_page_cache_names_no_app_of_the_site():
    source = Path(page_cache.__file__).read_text()
    for label in ("home", "services_directory", "consultations", "search"):
        assert f'"{label}"' not in source
