"""An Elasticsearch stand-in for tests: records what the client sends, answers as told.

No Elasticsearch server can run on the development machines. This replaces the client's
transport (below the client's own checks and serialisation of parameters), so tests see the
exact requests the backend would make: method, path, query parameters and JSON body.
"""

import re
from urllib.parse import parse_qsl

from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig

_ELASTICSEARCH = {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}


def default_answer(method, path, body=None):
    """What an empty, healthy cluster would say."""
    if path.endswith("/_bulk"):  # body: an action line, then its document, for each document
        items = [{"index": {"status": 201}} for _line in (body or [])[::2]]
        return 200, {"took": 1, "errors": False, "items": items}
    if path.endswith("/_search"):
        return 200, {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    if path.endswith("/_count"):
        return 200, {"count": 0}
    if method == "HEAD":  # the ping answers; no index or alias exists yet
        return (200 if path == "/" else 404), None
    if path.startswith("/_alias/"):
        return 404, {"error": "alias missing", "status": 404}
    return 200, {"acknowledged": True}


def hits(*pks):
    """A search answer listing `pks`, best first."""
    return {
        "hits": {
            "total": {"value": len(pks), "relation": "eq"},
            "hits": [
                {"_score": float(len(pks) - rank), "fields": {"pk": [str(pk)]}}
                for rank, pk in enumerate(pks)
            ],
        }
    }


class Request:
    def __init__(self, method, path, params, body):
        self.method, self.path, self.params, self.body = method, path, params, body

    def __repr__(self):
        return f"<Request {self.method} {self.path}>"


class RecordingTransport:
    """`answer(method, path_pattern, status, body)` sets what matching requests get.

    The latest answer whose method and pattern match is used: set general ones first.
    """

    def __init__(self):
        self.requests = []
        self._answers = []

    def answer(self, method, path_pattern, status, body=None):
        self._answers.insert(0, (method, re.compile(path_pattern), status, body))
        return self

    def perform_request(self, method, target, *, body=None, **kwargs):
        path, _, query = target.partition("?")
        self.requests.append(Request(method, path, dict(parse_qsl(query)), body))
        status, answer = default_answer(method, path, body)
        for answer_method, pattern, answer_status, answer_body in self._answers:
            if answer_method == method and pattern.search(path):
                status, answer = answer_status, answer_body
                break
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(_ELASTICSEARCH),
            duration=0.0,
            node=NodeConfig("http", "127.0.0.1", 9200),
        )
        return meta, answer

    def sent(self, method=None, path_pattern=""):
        return [
            request
            for request in self.requests
            if (method is None or request.method == method)
            and re.search(path_pattern, request.path)
        ]


def record_requests(backend, monkeypatch):
    """Point `backend`'s client at a new RecordingTransport, undone when the test ends."""
    transport = RecordingTransport()
    monkeypatch.setattr(backend.es.transport, "perform_request", transport.perform_request)
    return transport


def record_all_requests(monkeypatch):
    """Every Elasticsearch client, even one made later (as `manage.py update_index` makes its
    own), sends to one new RecordingTransport."""
    from elastic_transport import Transport

    transport = RecordingTransport()
    monkeypatch.setattr(
        Transport,
        "perform_request",
        lambda _self, *args, **kwargs: transport.perform_request(*args, **kwargs),
    )
    return transport
