"""Production settings refuse unsafe configuration, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "council_site.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "family.example.gov.uk",
    "RECAPTCHA_PUBLIC_KEY": "public-key",
    "RECAPTCHA_PRIVATE_KEY": "private-key",
}


def _run(args, env_changes, remove=()):
    env = {**os.environ, **env_changes}
    # The browser suite allows sync ORM calls in its event loop; a deployment never does.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for name in remove:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run(["check"], PRODUCTION_ENV, remove=["SECRET_KEY"])
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run(["check"], {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_never_creates_a_local_admin():
    result = _run(["ensure_local_admin"], PRODUCTION_ENV)
    assert result.returncode != 0
    assert "only made with the development settings" in result.stderr


def test_an_unknown_language_code_stops_the_site_with_a_clear_message():
    result = _run(["check"], {"LANGUAGES": "en,pl,xx"})
    assert result.returncode != 0
    assert "LANGUAGES names language codes Django does not know: xx" in result.stderr


def test_community_languages_django_lacks_can_be_switched_on():
    # Somali and Pashto pages once failed in the language switcher ("Unknown language code").
    script = (
        "from django.utils.translation import get_language_info;"
        "print(get_language_info('so')['name_local'], get_language_info('ps')['bidi'])"
    )
    result = _run(["shell", "-c", script], {"LANGUAGES": "en,so,ps"})
    assert result.returncode == 0, result.stderr
    assert "Soomaali True" in result.stdout


def test_production_keeps_database_connections_between_requests():
    # A new PostgreSQL connection per request would cost more than serving a cached page.
    show = "from django.db import connection; s = connection.settings_dict; "
    show += "print(s['CONN_MAX_AGE'], s['CONN_HEALTH_CHECKS'])"
    result = _run(["shell", "-c", show], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["60", "True"]
    result = _run(["shell", "-c", show], {**PRODUCTION_ENV, "CONN_MAX_AGE": "0"})
    assert result.stdout.split()[-2:] == ["0", "True"]
