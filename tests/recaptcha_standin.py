"""A local stand-in for Google's reCAPTCHA "siteverify" endpoint, for tests.

django-recaptcha posts the form's token to https://<settings.RECAPTCHA_DOMAIN>/recaptcha/api/siteverify
with urllib, so the stand-in speaks HTTPS on 127.0.0.1 with a certificate from a throwaway
certificate authority (trustme). `trusting(ca_file)` points OpenSSL's default trust store at that
authority for the duration of a test (SSL_CERT_FILE, read afresh by every new default SSL
context), so nothing in django-recaptcha or urllib is patched.

The server listens on loopback only, answers each request within a few seconds or drops it, and
shuts itself down when its `with` block ends or, at the latest, after `lifetime` seconds.
"""

import contextlib
import json
import os
import socket
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import trustme

VERIFY_PATH = "/recaptcha/api/siteverify"
LOOPBACK = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    # Per connection: a client that connects and says nothing is dropped, not waited for forever.
    timeout = 5

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), 64 * 1024)
        fields = {
            name: values[0] for name, values in parse_qs(self.rfile.read(length).decode()).items()
        }
        self.server.requests.append({"path": self.path, **fields})
        if self.path != VERIFY_PATH:
            self.send_error(404)
            return
        answer = self.server.answer
        # bytes: sent as they are, for a garbled answer; anything else is Google's JSON.
        body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet: the test asserts on `requests` instead."""


class _VerifyServer(HTTPServer):
    """One request at a time; TLS is set up per connection, under the handler's timeout."""

    def __init__(self, tls_context):
        super().__init__((LOOPBACK, 0), _Handler)
        self.tls_context = tls_context
        self.answer = {"success": True}
        self.requests = []

    def get_request(self):
        connection, address = self.socket.accept()
        connection.settimeout(_Handler.timeout)
        try:
            return self.tls_context.wrap_socket(connection, server_side=True), address
        except OSError:  # a failed or silent handshake: socketserver skips this connection
            connection.close()
            raise


class StandIn:
    """A running stand-in: `domain` for RECAPTCHA_DOMAIN, `answer` to give, `requests` received.

    `answer` is the JSON Google would send ({"success": True, "score": 0.9, "action": "submit"}),
    or bytes to send as they are.
    """

    def __init__(self, server):
        self._server = server
        self.domain = f"{LOOPBACK}:{server.server_address[1]}"

    @property
    def answer(self):
        return self._server.answer

    @answer.setter
    def answer(self, value):
        self._server.answer = value

    @property
    def requests(self):
        return self._server.requests


@contextlib.contextmanager
def certificate_authority():
    """A throwaway CA, yielded with its certificate written to a PEM file for SSL_CERT_FILE."""
    ca = trustme.CA()
    with tempfile.TemporaryDirectory() as folder:
        ca_file = os.path.join(folder, "stand-in-ca.pem")
        ca.cert_pem.write_to_path(ca_file)
        yield ca, ca_file


@contextlib.contextmanager
def running_standin(ca, *, lifetime=30.0):
    """Serve siteverify on 127.0.0.1 at a free port until the block ends (or `lifetime` passes)."""
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(LOOPBACK).configure_cert(tls)
    server = _VerifyServer(tls)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    # The bound on a test that never reaches its teardown (a hang, a debugger left open).
    deadline = threading.Timer(lifetime, server.shutdown)
    deadline.daemon = True
    thread.start()
    deadline.start()
    try:
        yield StandIn(server)
    finally:
        deadline.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def silent_listener():
    """A loopback port that accepts connections and never answers: Google timing out.

    The kernel completes TCP connections into the listen backlog without `accept()`, so the
    client's TLS hello simply goes unanswered until its own timeout.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind((LOOPBACK, 0))
        listener.listen(8)
        yield f"{LOOPBACK}:{listener.getsockname()[1]}"
    finally:
        listener.close()


def closed_port():
    """A loopback address where nothing listens: Google refusing the connection."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return f"{LOOPBACK}:{probe.getsockname()[1]}"
