"""make run's local accounts: an admin, an editor and a moderator, with the address it serves."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings, tmp_path):
    settings.LOCAL_ADMIN_ALLOWED = True
    settings.VAR_DIR = tmp_path
    return tmp_path


def run(*args):
    out = io.StringIO()
    call_command("ensure_local_admin", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_address_make_run_serves_and_a_password_that_works(client, development):
    output = run("--base-url", "http://127.0.0.1:8080")

    password = (development / "local-admin.txt").read_text().strip()
    assert "http://127.0.0.1:8080/admin/" in output
    assert f"password '{password}'" in output
    response = client.post(
        "/admin/login/", {"username": "admin", "password": password}, follow=True
    )
    assert response.context["user"].is_superuser


def test_an_editor_and_a_moderator_can_try_the_workflow(development):
    run()
    password = (development / "local-admin.txt").read_text().strip()
    users = get_user_model().objects
    editor, moderator = users.get(username="editor"), users.get(username="moderator")

    assert editor.check_password(password) and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert set(moderator.groups.values_list("name", flat=True)) == {
        "Moderators",
        "Consultation moderators",
    }


def test_running_it_again_keeps_the_password(development):
    run()
    first = (development / "local-admin.txt").read_text()
    run()
    assert (development / "local-admin.txt").read_text() == first
