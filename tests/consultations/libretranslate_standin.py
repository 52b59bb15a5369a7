"""A local stand-in for a LibreTranslate server: answers /translate as LibreTranslate does.

Each text comes back as "[target] text", so a test can see it was translated and into what.
`failing=True` answers every request with a server error, as an overloaded server would.
"""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        standin = self.server.standin
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        standin.requests.append(body)
        if standin.failing or self.path != "/translate":
            self.send_response(500)
            self.end_headers()
            return
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = {"translatedText": [f"[{body['target']}] {text}" for text in texts]}
        if not isinstance(body["q"], list):
            answer["translatedText"] = answer["translatedText"][0]
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Standin:
    def __init__(self, failing=False):
        self.failing = failing
        self.requests = []
        self.url = ""


@contextmanager
def running_standin(failing=False):
    standin = Standin(failing)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.standin = standin
    standin.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield standin
    finally:
        server.shutdown()
        server.server_close()
