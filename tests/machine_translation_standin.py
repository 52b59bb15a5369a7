"""A local stand-in for LibreTranslate and DeepL, for tests of machine translation.

It speaks plain HTTP on 127.0.0.1: LibreTranslate's `POST /translate` (JSON: q, source, target,
format, api_key) and DeepL's `POST /v2/translate` (form fields: text, source_lang,
target_lang; key in the Authorization header). Each text comes back as "[<target>] <text>",
so a test can tell what was translated into which language. `answer` replaces that with a
fixed status and body (an error, or a garbled answer); `requests` records what arrived.

The server listens on loopback only, drops a client that says nothing within a few seconds,
and stops when its `with` block ends. `closed_port()` gives an address where nothing listens,
for "the service is down".
"""

import contextlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LOOPBACK = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    timeout = 5

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), 1024 * 1024)
        raw = self.rfile.read(length).decode()
        # LibreTranslate takes JSON; DeepL, form fields.
        body = json.loads(raw or "{}") if self.path == "/translate" else parse_qs(raw)
        self.server.requests.append(
            {"path": self.path, "body": body, "authorization": self.headers.get("Authorization")}
        )
        if self.server.answer is not None:
            status, answer = self.server.answer
        elif self.path == "/translate":
            target = body.get("target")
            status, answer = 200, {"translatedText": [f"[{target}] {q}" for q in body["q"]]}
        elif self.path == "/v2/translate":
            target = body["target_lang"][0]
            status = 200
            answer = {"translations": [{"text": f"[{target}] {text}"} for text in body["text"]]}
        else:
            status, answer = 404, {"error": "Not found"}
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        """Quiet: tests assert on `requests` instead."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__((LOOPBACK, 0), _Handler)
        self.requests = []
        self.answer = None  # None: translate; (status, body) to answer that instead

    @property
    def url(self):
        return f"http://{LOOPBACK}:{self.server_address[1]}"


@contextlib.contextmanager
def running_standin():
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port():
    """An address on loopback where nothing listens (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port = probe.getsockname()[1]
    return f"http://{LOOPBACK}:{port}"
