"""A private PostgreSQL cluster a test can stop and start: Debian's initdb and pg_ctl, on a free
loopback port, with a data folder of its own in a temporary folder.

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as `nobody`
(runuser), which owns the data folder; as any other user it runs as that user. Only the test's
own database lives here; nothing is saved beyond the test (fsync off, folder removed after).
"""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests.live_site import free_port

LOOPBACK = "127.0.0.1"
SERVER_USER = "nobody"


def postgres_bin():
    """Debian's folder holding initdb and pg_ctl (the newest installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path):
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


class PrivateCluster:
    """initdb, start(), stop(), restart(); `url(name)` for a database in it."""

    def __init__(self, bindir):
        self.bindir = Path(bindir)
        self.folder = Path(tempfile.mkdtemp(prefix="fault-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.folder, user=SERVER_USER)

    def _run(self, program, *args, timeout=120):
        command = [str(self.bindir / program), *args]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout)

    def init(self):
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync", "--locale=C",
        )  # fmt: skip
        return self

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses={LOOPBACK} "
            "-c fsync=off -c full_page_writes=off -c max_connections=60"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name):
        return f"postgres://postgres@{LOOPBACK}:{self.port}/{name}"

    def connect(self, name="postgres"):
        return psycopg.connect(
            host=LOOPBACK, port=self.port, user="postgres", dbname=name, autocommit=True
        )

    def copy_database(self, source_settings, name):
        """A copy of a database on another server (Django's settings for it) as `name` here."""
        with self.connect() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        dump = self.folder / "copy.dump"
        source = [
            "-h", source_settings.get("HOST") or LOOPBACK,
            "-p", str(source_settings.get("PORT") or 5432),
            "-U", source_settings["USER"],
        ]  # fmt: skip
        env = {**os.environ, "PGPASSWORD": source_settings.get("PASSWORD") or ""}
        subprocess.run(
            [str(self.bindir / "pg_dump"), *source, "-Fc", "-f", str(dump),
             source_settings["NAME"]],
            check=True, capture_output=True, env=env, timeout=300,
        )  # fmt: skip
        subprocess.run(
            [str(self.bindir / "pg_restore"), "-h", LOOPBACK, "-p", str(self.port),
             "-U", "postgres", "-d", name, "--no-owner", "--no-privileges", str(dump)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip

    def wait_until_accepting(self, seconds=30):
        deadline = time.monotonic() + seconds
        while True:
            try:
                with self.connect():
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
