"""Throughput over real HTTP: a gunicorn server on loopback and a small bounded load loop.

The loop is deliberately modest: a fixed number of client threads, each stopping after a number
of requests or a number of seconds, whichever comes first, so a slow page can never make the
benchmark hang and nothing but 127.0.0.1 is ever contacted.
"""

import http.client
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKERS = 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`gunicorn council_site.wsgi:application -w 2` with the benchmark's environment."""

    def __init__(self, env, log_path, startup_seconds=60):
        self.env = env
        self.startup_seconds = startup_seconds
        self.log_path = Path(log_path)
        self.port = free_port()
        self.process = None

    def __enter__(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "council_site.wsgi:application",
            "-w",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            "120",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        self.process = subprocess.Popen(
            command, cwd=REPO, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + self.startup_seconds
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited early; see {self.log_path}")
                try:
                    status, _body = get_once(self.port, "/bench/plain/")
                    if status == 200:
                        return self
                except OSError:
                    pass
                time.sleep(0.3)
        except BaseException:
            # Stopped while it starts (bench/run.py interrupted): leave no gunicorn behind.
            self.stop()
            raise
        self.stop()
        raise RuntimeError(
            f"gunicorn did not answer within {self.startup_seconds} s; see {self.log_path}"
        )

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()


def get_once(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        try:
            return response.status, response.read()
        except http.client.IncompleteRead as error:
            return type(error).__name__, error.partial
    finally:
        connection.close()


def load(port, path, headers, threads, max_requests, max_seconds):
    """Run the loop; return requests per second, latency percentiles and non-200 answers."""
    counter = itertools.count()
    latencies = []
    statuses = {}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + max_seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, codes = [], {}
        try:
            while next(counter) < max_requests and time.perf_counter() < deadline:
                began = time.perf_counter()
                try:
                    connection.request("GET", path, headers=headers)
                    response = connection.getresponse()
                    response.read()
                except (http.client.HTTPException, OSError) as error:
                    # A broken response (say, a Content-Length that does not match the body)
                    # is reported in the table, not allowed to stop the run.
                    name = type(error).__name__
                    codes[name] = codes.get(name, 0) + 1
                    connection.close()
                    continue
                mine.append(time.perf_counter() - began)
                codes[response.status] = codes.get(response.status, 0) + 1
                if response.will_close:  # gunicorn's sync workers close after each response
                    connection.close()
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)
                for code, count in codes.items():
                    statuses[code] = statuses.get(code, 0) + count

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p95_ms": percentile(latencies, 95) * 1000,
        "statuses": statuses,
    }


def percentile(values, pct):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    ordered = sorted(values)
    if pct == 50:
        return statistics.median(ordered)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def server_env(base_env):
    env = dict(base_env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env
