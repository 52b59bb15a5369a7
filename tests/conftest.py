"""Shared fixtures: locales, the site's home page, editors and moderators."""

import os

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SiteSettings, SiteText
from tests import recaptcha_standin
from tests.factories.services_directory import DirectoryPageFactory

# pytest-django's own autouse fixtures name django_db_blocker for every test: not a sign of use.
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_serialized_rollback"}


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="deselect tests that never touch the database (the PostgreSQL pass of `make test`: "
        "they already ran, identically, in the SQLite pass)",
    )


def _touches_the_database(item):
    if "postgres" in item.keywords:
        return True
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    if config.getoption("--database-tests-only"):
        kept = [item for item in items if _touches_the_database(item)]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
    for item in items:
        # Browser tests share one server and one browser: keep them on one xdist worker.
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.xdist_group("browser"))
        # `make test` deselects these in its SQLite pass; a bare `pytest` says why they skip.
        if "sqlite_only" in item.keywords:
            item.add_marker(
                pytest.mark.skipif(
                    on_postgres, reason="about SQLite itself: run without DATABASE_URL"
                )
            )
        if "postgres" in item.keywords:
            item.add_marker(
                pytest.mark.skipif(
                    not on_postgres, reason="about PostgreSQL: run with DATABASE_URL=postgres://..."
                )
            )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and sign-in lock-outs must not leak from one test into the next."""
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """A request through LocaleMiddleware leaves its language active in the test's thread: an
    Arabic page visited by one test would otherwise translate the next test's templates."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home_page(locales):
    """A published English home page that the default site serves."""
    root = Page.get_first_root_node()
    for page in root.get_children():
        if not isinstance(page.specific, HomePage):
            page.delete()
    home = root.add_child(
        instance=HomePage(
            title="Family services",
            slug="home",
            introduction="<p>Help for families, from before birth to adulthood.</p>",
            locale=locales["en"],
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Family services",
        },
    )
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"childrens_services_phone": "020 7946 0100"},
    )
    SiteText.objects.update_or_create(
        locale=locales["en"],
        defaults={
            "site_name": "Family services",
            "organisation_name": "Northbrook Borough Council",
        },
    )
    return home


@pytest.fixture
def directory(home_page):
    """A services directory page under the home page (helpers: tests/directory_support.py)."""
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def arabic_home_page(home_page, locales):
    """The home page copied into Arabic, as wagtail-localize does before translation."""
    translation = home_page.copy_for_translation(locales["ar"])
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.gov.uk", "pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", "mod@example.gov.uk", "pw-mod-1")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.gov.uk", "pw-admin-1")


@pytest.fixture
def database_cache(settings, db):
    """Count as production does without Redis: cache reads are SQL queries too."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "council_cache",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "council_page_cache",
        },
    }
    call_command("createcachetable", verbosity=0)


@pytest.fixture
def still_clock():
    """The clock stands still for the test, so counts that depend on the minute cannot drift."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def in_ci():
    return os.environ.get("CI") == "true"


# --- reCAPTCHA against a local stand-in for Google (tests/recaptcha_standin.py) -------------


@pytest.fixture(scope="session")
def authority():
    with recaptcha_standin.certificate_authority() as (ca, ca_file):
        yield ca, ca_file


@pytest.fixture
def trusting_standin(authority, monkeypatch):
    """urllib trusts only the stand-in's authority, and goes to loopback without any proxy."""
    ca, ca_file = authority
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    return ca


@pytest.fixture
def google(trusting_standin):
    """The stand-in, running, with reCAPTCHA v2 on and pointed at it."""
    with (
        recaptcha_standin.running_standin(trusting_standin) as standin,
        override_settings(
            RECAPTCHA_ENABLED=True,
            RECAPTCHA_VERSION="v2",
            RECAPTCHA_DOMAIN=standin.domain,
            RECAPTCHA_VERIFY_REQUEST_TIMEOUT=2,
        ),
    ):
        yield standin
