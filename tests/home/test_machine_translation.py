"""Machine translation: off by default, LibreTranslate or DeepL when configured, clear when down.

The services are played by a local stand-in (tests/machine_translation_standin.py); the editor
presses wagtail-localize's "Translate with machine" and "Sync translated pages" as the admin
does.
"""

import csv
import html
import io
import json
import os
import re
import subprocess
import sys

import pytest
from django.test import override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests import machine_translation_standin
from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations-to-do/"
UNREACHABLE = (
    "LibreTranslate could not translate this just now, so nothing was translated by "
    "machine. Try again later, or translate the text yourself."
)


def libretranslate(url, api_key=""):
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "home.machine_translation.LibreTranslateTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": api_key, "TIMEOUT": 5},
        }
    )


def deepl(url, key="a-deepl-key"):
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "home.machine_translation.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": key, "API_URL": url, "TIMEOUT": 5},
        }
    )


@pytest.fixture
def standin(monkeypatch):
    # requests would otherwise send loopback traffic to a proxy named in the environment.
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    with machine_translation_standin.running_standin() as server:
        yield server


@pytest.fixture
def translation(home_page, locales, editor, client):
    """An English page submitted for translation into Polish, nothing translated yet."""
    polish_home = home_page.copy_for_translation(locales["pl"])
    polish_home.save_revision().publish()
    page = ContentPageFactory(
        parent=home_page,
        title="Help with childcare costs",
        slug="childcare-costs",
        introduction="Most families can get <some> help.",
    )
    page.save_revision().publish()
    client.force_login(editor)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["pl"].pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(target_locale=locales["pl"])


def _polish_edit_url(translation):
    source = translation.source
    polish = Page.objects.get(translation_key=source.object_id, locale=translation.target_locale)
    return reverse("wagtailadmin_pages:edit", args=[polish.pk])


def _editor_props(client, translation):
    response = client.get(_polish_edit_url(translation))
    assert response.status_code == 200
    found = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(html.unescape(found.group(1)))


def _press_translate_with_machine(client, translation):
    """The translation editor's "Translate with machine" button: a POST, then back."""
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": _polish_edit_url(translation)},
        follow=True,
    )


def _messages(response):
    return [html.unescape(str(message)).strip() for message in response.context["messages"]]


def _report_state(client, title):
    response = client.get(REPORT, {"language": "pl", "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["English title"] == title]
    return rows[0]["State"]


# --- Off by default ---------------------------------------------------------------------------


def test_without_configuration_there_is_no_machine_button_and_nothing_calls_out(
    client, translation, standin
):
    assert _editor_props(client, translation)["machineTranslator"] is None
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True
    )
    assert response.status_code == 404
    sync = client.get(reverse("wagtail_localize:update_translations", args=[translation.source_id]))
    assertNotContains(sync, "Use machine translation")
    assert standin.requests == []
    assert not StringTranslation.objects.exists()


# --- LibreTranslate ---------------------------------------------------------------------------


def test_libretranslate_fills_the_strings_marked_as_machine_translated(
    client, translation, standin
):
    with libretranslate(standin.url):
        assert _editor_props(client, translation)["machineTranslator"]["name"] == "LibreTranslate"
        response = _press_translate_with_machine(client, translation)
    assert _messages(response)[-1] == "Successfully translated with LibreTranslate."

    [request] = standin.requests
    assert request["path"] == "/translate"
    assert request["body"]["source"] == "en"
    assert request["body"]["target"] == "pl"
    assert request["body"]["format"] == "html"
    assert "api_key" not in request["body"]  # none configured
    assert "Most families can get &lt;some&gt; help." in request["body"]["q"]

    strings = {
        row.translation_of.data: row
        for row in StringTranslation.objects.select_related("translation_of")
    }
    assert strings["Help with childcare costs"].data == "[pl] Help with childcare costs"
    assert {row.translation_type for row in strings.values()} == {"machine"}
    assert {row.tool_name for row in strings.values()} == {"LibreTranslate"}
    assert _report_state(client, "Help with childcare costs") == (
        "Machine translated, not reviewed"
    )


def test_strings_an_editor_reviews_are_no_longer_machine_translated(
    client, translation, standin, django_capture_on_commit_callbacks
):
    with libretranslate(standin.url):
        _press_translate_with_machine(client, translation)
    for segment in _editor_props(client, translation)["segments"]:
        # The editor reads each one and saves it (here, unchanged) in the translation editor.
        current = StringTranslation.objects.get(translation_of__data=segment["source"])
        client.put(
            segment["editUrl"],
            f"value={current.data}",
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
    assert set(StringTranslation.objects.values_list("translation_type", flat=True)) == {"manual"}
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert _report_state(client, "Help with childcare costs") == "Up to date"


def test_libretranslate_gets_its_api_key_when_configured(client, translation, standin):
    with libretranslate(standin.url, api_key="council-key"):
        _press_translate_with_machine(client, translation)
    assert standin.requests[0]["body"]["api_key"] == "council-key"


def test_strings_already_translated_are_not_sent_again(client, translation, standin):
    with libretranslate(standin.url):
        _press_translate_with_machine(client, translation)
        response = _press_translate_with_machine(client, translation)
    assert len(standin.requests) == 1
    assert _messages(response)[-1] == "There isn't anything left to translate."


def test_libretranslate_down_gives_a_clear_message_and_translates_nothing(client, translation):
    with libretranslate(machine_translation_standin.closed_port()):
        response = _press_translate_with_machine(client, translation)
    assert response.status_code == 200
    assert _messages(response)[-1] == UNREACHABLE
    assert not StringTranslation.objects.exists()


@pytest.mark.parametrize(
    "answer",
    [
        (500, {"error": "Internal error"}),
        (429, {"error": "Too many requests"}),
        (200, b"<html>a proxy's error page</html>"),
        (200, {"translatedText": ["only one"]}),
        (200, {"translatedText": "not a list"}),
        (200, ["not", "an", "object"]),
        (200, {"translatedText": [None, 1, 2]}),
    ],
)
def test_a_failing_or_garbled_answer_gives_a_clear_message(client, translation, standin, answer):
    standin.answer = answer
    with libretranslate(standin.url):
        response = _press_translate_with_machine(client, translation)
    assert response.status_code == 200
    assert _messages(response)[-1] == UNREACHABLE
    assert not StringTranslation.objects.exists()


def test_sync_with_machine_translation_while_the_service_is_down_syncs_nothing(client, translation):
    page = Page.objects.get(
        translation_key=translation.source.object_id, locale__language_code="en"
    )
    page = page.specific
    page.introduction = "Most families can get help. Ask early."
    page.save_revision().publish()
    synced_before = TranslationSource.objects.get(pk=translation.source_id).last_updated_at
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with libretranslate(machine_translation_standin.closed_port()):
        assertContains(client.get(sync), "Use machine translation")
        response = client.post(sync, {"use_machine_translation": "on"})
    assert response.status_code == 200
    assertContains(response, "LibreTranslate could not translate this just now")
    assert TranslationSource.objects.get(pk=translation.source_id).last_updated_at == synced_before
    assert _report_state(client, "Help with childcare costs") == "Out of date"


def test_sync_with_machine_translation_translates_the_new_strings(client, translation, standin):
    page = Page.objects.get(
        translation_key=translation.source.object_id, locale__language_code="en"
    ).specific
    page.introduction = "Most families can get help. Ask early."
    page.save_revision().publish()
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with libretranslate(standin.url):
        response = client.post(sync, {"use_machine_translation": "on"})
    assert response.status_code == 302
    assert StringTranslation.objects.get(
        translation_of__data="Most families can get help. Ask early."
    ).data == ("[pl] Most families can get help. Ask early.")


# --- DeepL ------------------------------------------------------------------------------------


def test_deepl_translates_with_its_key_in_the_header(client, translation, standin):
    with deepl(f"{standin.url}/v2/translate"):
        response = _press_translate_with_machine(client, translation)
    assert _messages(response)[-1] == "Successfully translated with DeepL."
    [request] = standin.requests
    assert request["authorization"] == "DeepL-Auth-Key a-deepl-key"
    assert request["body"]["target_lang"] == ["PL"]
    assert StringTranslation.objects.get(translation_of__data="Help with childcare costs").data == (
        "[PL] Help with childcare costs"
    )


def test_deepl_refusing_the_key_gives_a_clear_message(client, translation, standin):
    standin.answer = (403, {"message": "Wrong key"})
    with deepl(f"{standin.url}/v2/translate", key="wrong"):
        response = _press_translate_with_machine(client, translation)
    assert _messages(response)[-1].startswith("DeepL could not translate this just now")
    assert not StringTranslation.objects.exists()


# --- Settings from the environment ------------------------------------------------------------


def _settings_in_a_fresh_process(**env):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as base.py makes it from these variables."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MACHINE_TRANSLATION", "LIBRETRANSLATE_", "DEEPL_"))
    }
    code = (
        "import json, council_site.settings.base as s;"
        "print(json.dumps(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_machine_translation_is_off_unless_named():
    result = _settings_in_a_fresh_process()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) is None


def test_libretranslate_is_configured_from_the_environment():
    result = _settings_in_a_fresh_process(
        MACHINE_TRANSLATION=" LibreTranslate ",
        LIBRETRANSLATE_URL="https://translate.example.gov.uk",
        LIBRETRANSLATE_API_KEY="k",
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["CLASS"] == "home.machine_translation.LibreTranslateTranslator"
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "https://translate.example.gov.uk"
    assert config["OPTIONS"]["API_KEY"] == "k"


def test_deepl_is_configured_from_the_environment():
    result = _settings_in_a_fresh_process(MACHINE_TRANSLATION="deepl", DEEPL_API_KEY="abc:fx")
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["CLASS"] == "home.machine_translation.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "abc:fx"


@pytest.mark.parametrize(
    "env",
    [
        {"MACHINE_TRANSLATION": "babelfish"},
        {"MACHINE_TRANSLATION": "libretranslate"},  # no LIBRETRANSLATE_URL
        {"MACHINE_TRANSLATION": "deepl"},  # no DEEPL_API_KEY
    ],
)
def test_an_unusable_machine_translation_setting_stops_the_site_with_a_message(env):
    result = _settings_in_a_fresh_process(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
