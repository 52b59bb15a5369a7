"""What the fault tests share: a Redis that is not there, a private Redis the test can stop, and
a look at the log (one warning per outage, never a traceback)."""

import logging
import shutil
import socket
import subprocess
import time
import uuid

import pytest

from foundation import cache as resilient_cache
from foundation import spam_protection
from tests.conftest import in_ci

LOOPBACK = "127.0.0.1"


def free_port():
    """A loopback port nothing listens on (closed as soon as it is found)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def redis_caches(url):
    """The production CACHES for REDIS_URL=url (site/settings/base.py), with short timeouts."""
    redis = {
        "BACKEND": "foundation.cache.ResilientRedisCache",
        "LOCATION": url,
        "TIMEOUT": 300,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    return {"default": redis, "pages": {**redis, "KEY_PREFIX": "pages"}}


def token():
    """A form's one-time submission token, as the rendered form carries it."""
    return uuid.uuid4().hex


@pytest.fixture(autouse=True)
def fresh_outages(monkeypatch):
    """Each test starts with Redis thought up and no in-process rate-limit counts."""
    monkeypatch.setattr(resilient_cache, "_outages", {})
    spam_protection._in_process.clear()
    yield
    spam_protection._in_process.clear()


@pytest.fixture
def redis_unreachable(settings):
    """The cache pointed at a closed port: every connection refused at once."""
    settings.CACHES = redis_caches(f"redis://{LOOPBACK}:{free_port()}/0")
    settings.PAGE_CACHE_SECONDS = 300


class Log:
    """The records of one test, read as an operator reads the log."""

    def __init__(self, caplog):
        self.caplog = caplog

    @property
    def records(self):
        # Setting up pages already meets the outage (publishing moves the content generation
        # on, in the cache), so its records count too.
        return self.caplog.get_records("setup") + self.caplog.get_records("call")

    def warnings_from(self, name):
        return [
            record
            for record in self.records
            if record.name == name and record.levelno >= logging.WARNING
        ]

    def tracebacks(self):
        return [
            record
            for record in self.records
            if record.exc_info or "Traceback" in record.getMessage()
        ]

    def errors(self):
        return [record for record in self.records if record.levelno >= logging.ERROR]

    @property
    def text(self):
        return "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in self.records)


@pytest.fixture
def log(caplog):
    caplog.set_level(logging.INFO)
    return Log(caplog)


class RedisServer:
    """A private redis-server on a free port, nothing saved to disk; stop() and start() it."""

    def __init__(self, executable, folder):
        self.executable = executable
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://{LOOPBACK}:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                LOOPBACK,
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((LOOPBACK, self.port), timeout=0.5) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def redis_server(tmp_path):
    """A running private Redis; missing redis-server skips outside CI and fails in CI."""
    executable = shutil.which("redis-server")
    if executable is None:
        message = "needs redis-server (apt-get install redis-server)"
        if in_ci():
            pytest.fail(f"{message}; CI must not skip it")
        pytest.skip(message)
    server = RedisServer(executable, tmp_path)
    server.start()
    yield server
    server.stop()
