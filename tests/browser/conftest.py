"""The browser suite: Debian's Chromium, driven by Playwright, against a real server.

One server per test session runs the development settings on its own SQLite file, loaded with
the demo content, so the browser sees exactly what `make run` shows a newcomer. The demo is
loaded once per run: each xdist worker's server starts from its own copy of that file.
"""

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing_tool_message():
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed: apt-get install chromium fonts-noto-core"
    if not AXE_JS.exists():
        return "axe-core is not installed: run `npm ci`"
    return ""


@pytest.fixture(scope="session", autouse=True)
def _browser_tools_present(request):
    message = _missing_tool_message()
    if message:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: browser tests may not skip)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser(browser_type, browser_type_launch_args):
    """A fresh Chromium per test: one test's hung tab or worker can never stall the next."""
    browser = browser_type.launch(**browser_type_launch_args)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_context_args():
    # axe is injected as a script, which our Content-Security-Policy rightly blocks; the CSP
    # itself is checked by test_security_headers without this bypass.
    return {"bypass_csp": True, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def live_site_env(tmp_path_factory):
    """The environment the live site runs in, so a test can run manage.py against its database."""
    var_dir = tmp_path_factory.mktemp("browser-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_site.settings.dev",
        "DEBUG": "false",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'site.sqlite3'}",
        "AXES_FAILURE_LIMIT": "50",
        # Every browser test posts from 127.0.0.1: the consultations' per-client limits are
        # tested elsewhere, and here would refuse the later tests' forms.
        "CONSULTATIONS_IDEA_RATE": "1000/h",
        "CONSULTATIONS_SUPPORT_RATE": "1000/h",
        "CONSULTATIONS_COMMENT_RATE": "1000/h",
        "CONSULTATIONS_REPORT_RATE": "1000/h",
        "SEARCH_OPENED_RATE": "1000/h",
    }
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _demo_database(tmp_path_factory, env):
    """A migrated SQLite file with the demo content, built by the first worker to ask."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    shared = base.parent / f"browser-demo-{run}" if run else base / "browser-demo"
    shared.mkdir(exist_ok=True)
    built = shared / "site.sqlite3"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait here while it is built
        if not built.exists():
            building = shared / "building.sqlite3"
            building.unlink(missing_ok=True)
            build_env = {**env, "DATABASE_URL": f"sqlite:///{building}"}
            _manage(build_env, "createcachetable")
            _manage(build_env, "migrate", "--no-input")
            _manage(build_env, "load_demo_content")
            building.rename(built)
    return built


@pytest.fixture(scope="session")
def live_site(live_site_env, _browser_tools_present, tmp_path_factory):
    """The base URL of a running site with the demo content."""
    env = live_site_env
    var_dir = Path(env["VAR_DIR"])
    shutil.copyfile(_demo_database(tmp_path_factory, env), var_dir / "site.sqlite3")
    port = _free_port()
    # The server logs every request: to a file, as a pipe nobody reads would fill and block it.
    log_path = var_dir / "server.log"
    log = log_path.open("w")
    # gunicorn, as in production: several workers, so one slow request never stalls the browser.
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "council_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base_url}/healthz/", timeout=2)  # noqa: S310 (loopback)
            break
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.3)
    else:
        server.kill()
        raise RuntimeError("The test server did not start within 60 seconds.")
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(log_path, SCREENSHOTS.parent / "browser-server.log")
    shutil.rmtree(var_dir, ignore_errors=True)


def axe_violations(page, exclude=None):
    """Run axe-core with the WCAG 2.2 AA tags and return its violations, readably."""
    # A message that fades in (Wagtail's admin messages do) fails contrast while half-opaque:
    # axe judges the page as it settles, not mid-animation.
    page.evaluate(
        """async () => {
            const after = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            const frame = () => Promise.race([
                new Promise((resolve) => requestAnimationFrame(resolve)), after(100),
            ]);
            await frame();
            await frame();
            const settled = document.getAnimations()
                .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
                .map((a) => a.finished.catch(() => null));
            await Promise.race([Promise.all(settled), after(3000)]);
        }"""
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})""",
        WCAG_22_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(", ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
