"""Two instances of the site behind one address behave as one site (issue 13).

Servers A and B are gunicorn (tests/live_site.py) over one PostgreSQL test database, one Redis
database and one S3 bucket (moto's server), as two app servers behind a load balancer would be.
Readers' requests carry the same Host header on both, as through the load balancer, so the two
share cached pages too. The page cache is on (it is off in the other live-server tests), so "B
serves the new page at once" is about the shared content generation, not a cache that was not
there; cookied requests are rendered afresh and show what each process's memo holds.
"""

import os
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta

import boto3
import pytest
import redis
import requests
import time_machine
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageLogEntry

from tests.admin_forms import content_page_edit_form
from tests.conftest import in_ci
from tests.factories.home import ContentPageFactory
from tests.live_site import CSRF_INPUT, ROOT, gunicorn_site, served_database_url
from tests.multi_server.conftest import BUCKET, KEYS, boto_keys

pytestmark = [
    pytest.mark.postgres,  # two servers share one database: SQLite is for one machine
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

READER = {"Host": "localhost"}  # the public address, whichever server answers
# Any cookie at all: the page is rendered afresh instead of served from the page cache.
RETURNING_READER = {**READER, "Cookie": "returning=1"}
PASSWORD = "correct horse battery staple"
OLD_TITLE, NEW_TITLE = "Help with childcare costs", "Childcare costs: what help you can get"
OLD_INTRO, NEW_INTRO = (
    "Funded hours for two-year-olds.",
    "Thirty funded hours a week from nine months.",
)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Title (Short breaks statement) >>\nendobj\n"


@dataclass
class Deployment:
    """Two running servers and what they share."""

    a: str
    b: str
    database_url: str
    redis_url: str
    settings: dict

    def command_env(self, var_dir):
        """The environment a cron line on one of the servers runs with."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "council_site.settings.dev",
            "DEBUG": "false",
            "VAR_DIR": str(var_dir),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            **self.settings,
        }


@pytest.fixture
def shared_redis():
    """A Redis database of this pytest worker's own, emptied: the servers' shared cache."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1... under pytest-xdist
    number = 10 + int(worker.removeprefix("gw")) % 6 if worker else 9
    url = f"redis://127.0.0.1:6379/{number}"
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.ConnectionError as error:
        message = (
            f"Redis is not reachable on 127.0.0.1:6379 ({error}): install and start redis-server"
        )
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def pages(home_page):
    """Two sections in the main menu, and one scheduled to go live a minute ago."""
    childcare = ContentPageFactory(
        parent=home_page, title=OLD_TITLE, introduction=OLD_INTRO, show_in_menus=True
    )
    short_breaks = ContentPageFactory(
        parent=home_page, title="Short breaks for disabled children", show_in_menus=True
    )
    holidays = ContentPageFactory(
        parent=home_page, title="Holiday activities and food", show_in_menus=True, live=False
    )
    for page in (childcare, short_breaks):
        page.save_revision().publish()
    # An editor scheduled it two hours ago for a minute ago; the next cron run publishes it.
    go_live = timezone.now() - timedelta(minutes=1)
    with time_machine.travel(go_live - timedelta(hours=2)):
        holidays.go_live_at = go_live
        holidays.save_revision().publish()
    return {
        "home": home_page,
        "childcare": childcare,
        "short_breaks": short_breaks,
        "holidays": holidays,
    }


@pytest.fixture
def editor_account(django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.gov.uk")
    # The servers check passwords with Django's own hasher, not the test settings' quick MD5.
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def deployment(tmp_path, pages, editor_account, s3_server, shared_redis):
    """Servers A and B, started after the content is in the database."""
    database_url, _ = served_database_url(tmp_path)
    settings = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "eu-west-2",
        **KEYS,
        "PAGE_CACHE_SECONDS": "300",
    }
    with ExitStack() as servers:
        bases = []
        for name in ("a", "b"):
            (tmp_path / name).mkdir()
            server = gunicorn_site(
                tmp_path / name, database_url, redis_url=shared_redis, **settings
            )
            bases.append(servers.enter_context(server))
        yield Deployment(*bases, database_url, shared_redis, settings)


def read(base, path, headers=READER):
    response = requests.get(base + path, headers=headers, timeout=30, allow_redirects=False)
    assert response.status_code == 200, (base + path, response.status_code)
    return response


def sign_in(base):
    """An editor's browser session on one server, signed in through the admin's form."""
    session = requests.Session()
    form = session.get(f"{base}/admin/login/", timeout=30)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "admin",
            "password": PASSWORD,
            "csrfmiddlewaretoken": CSRF_INPUT.search(form.text).group(1),
            "next": "/admin/",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, f"the sign-in form refused the editor: {response.text}"
    return session


def post_admin_form(session, url, data, files=None):
    form = session.get(url, timeout=30)
    assert form.status_code == 200, (url, form.status_code)
    data = {**data, "csrfmiddlewaretoken": CSRF_INPUT.search(form.text).group(1)}
    response = session.post(url, data=data, files=files, allow_redirects=False, timeout=60)
    assert response.status_code == 302, f"the form was refused: {response.text[:3000]}"


def publish_edit(session, base, page, **changes):
    """What the admin's edit form sends when an editor changes a content page and publishes."""
    form = content_page_edit_form(
        page,
        seo_title="",
        search_description="",
        search_keywords="",
        show_in_menus="on",
        **{"action-publish": "action-publish"},
        **changes,
    )
    post_admin_form(session, f"{base}/admin/pages/{page.pk}/edit/", form)


def test_an_edit_published_on_one_server_is_served_by_both_at_once(deployment, pages):
    childcare, other, home = (pages[name].url for name in ("childcare", "short_breaks", "home"))
    # Readers have seen the old version through B, which cached it for the whole site, and every
    # worker's memo has the old menu.
    assert OLD_TITLE in read(deployment.b, childcare).text
    assert read(deployment.b, childcare).headers.get("X-Page-Cache") == "hit"
    for base in (deployment.a, deployment.b) * 4:
        assert OLD_TITLE in read(base, other, RETURNING_READER).text

    publish_edit(
        sign_in(deployment.a),
        deployment.a,
        pages["childcare"],
        title=NEW_TITLE,
        introduction=NEW_INTRO,
    )

    for base in (deployment.b, deployment.a) * 4:
        page = read(base, childcare).text
        assert NEW_TITLE in page and NEW_INTRO in page, base
        assert OLD_TITLE not in page and OLD_INTRO not in page, base
        for path in (other, home):
            menu = read(base, path, RETURNING_READER).text
            assert NEW_TITLE in menu and OLD_TITLE not in menu, (base, path)
    assert read(deployment.b, childcare).headers.get("X-Page-Cache") == "hit", "cache still on"


def test_a_document_uploaded_through_one_server_downloads_from_the_other(deployment, s3_server):
    post_admin_form(
        sign_in(deployment.a),
        f"{deployment.a}/admin/documents/add/",
        {"title": "Short breaks statement", "collection": Collection.get_first_root_node().pk},
        files={"file": ("short-breaks-statement.pdf", PDF, "application/pdf")},
    )
    document = get_document_model().objects.get(title="Short breaks statement")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2", **boto_keys())
    assert client.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read() == PDF
    for base in (deployment.b, deployment.a):
        download = read(base, document.url)
        assert download.content == PDF, base
        assert download.headers["Content-Type"] == "application/pdf"


def test_two_servers_running_the_scheduler_at_once_publish_a_page_once(deployment, pages, tmp_path):
    scheduled, home = pages["holidays"], pages["home"].url
    path = scheduled.get_url()
    assert requests.get(deployment.b + path, headers=READER, timeout=30).status_code == 404
    assert "Holiday activities" not in read(deployment.b, home).text
    assert read(deployment.a, home).headers.get("X-Page-Cache") == "hit", "one cache for both"
    for base in (deployment.a, deployment.b) * 4:
        assert "Holiday activities" not in read(base, home, RETURNING_READER).text

    command = [sys.executable, "manage.py", "run_scheduled_publishing", "--once"]
    # On a large site the job runs long enough for the other server's cron line to arrive while
    # it holds the lock. Here the test holds the page's row, so whichever server takes the lock
    # is still publishing when the other one asks.
    with transaction.atomic():
        Page.objects.select_for_update().get(pk=scheduled.pk)
        runs = [
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=deployment.command_env(tmp_path),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        first = _first_to_finish(runs, timeout=60)
        first_output = first.communicate()[0]
    other = runs[1 - runs.index(first)]
    other_output = other.communicate(timeout=60)[0]

    assert first.returncode == 0 and "skipped" in first_output, first_output
    assert other.returncode == 0 and "skipped" not in other_output, other_output
    publishes = PageLogEntry.objects.filter(
        page=scheduled, action__in=["wagtail.publish", "wagtail.publish.scheduled"]
    )
    assert publishes.count() == 1
    scheduled.refresh_from_db()
    assert scheduled.live and scheduled.live_revision_id == publishes.get().revision_id
    for base in (deployment.b, deployment.a) * 4:
        assert "Holiday activities and food" in read(base, path).text, base
        for headers in (READER, RETURNING_READER):
            assert "Holiday activities and food" in read(base, home, headers).text, base


def _first_to_finish(processes, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                return process
        time.sleep(0.1)
    for process in processes:
        process.kill()
    outputs = [process.communicate()[0] for process in processes]
    pytest.fail(f"neither scheduler finished (both waiting to publish?): {outputs}")
