"""The Elasticsearch path against a stand-in node on 127.0.0.1 that answers with canned ES 8 responses.

No Elasticsearch can be installed here; this checks what a live node cannot be used for: the request
bodies the client really sends and how responses (hits, highlights, aggregations) become results.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import AnonymousUser

from search import content_search, documents, elastic, expert_search, text

pytestmark = pytest.mark.django_db


class StandInNode:
    """A tiny HTTP server that records requests and replies with the next canned body for a path suffix."""

    def __init__(self):
        self.requests = []
        self.replies = {}
        node = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                lines = [json.loads(line) for line in body.splitlines() if line.strip()]  # NDJSON for _bulk
                node.requests.append((self.command, self.path, lines[0] if len(lines) == 1 else lines or None))
                reply = next((v for k, v in node.replies.items() if self.path.split("?")[0].endswith(k)), {})
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _reply

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def node(settings):
    with StandInNode() as stand_in:
        settings.ELASTICSEARCH_URL = stand_in.url
        yield stand_in
    elastic._clients.pop(stand_in.url, None)


def test_site_search_reads_hits_highlights_and_aggregations(indexed, node):
    pages = indexed["site"]["pages"]
    draft = pages["draft"]
    node.replies["/_search"] = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 3, "relation": "eq"},
            "max_score": 2.0,
            "hits": [
                {
                    "_index": "miestai-test-content-lt-1",
                    "_id": f"page-{pages['water'].pk}",
                    "_score": 2.0,
                    "_source": {
                        "source": "page",
                        "object_id": pages["water"].pk,
                        "kind": "story",
                        "title": "Vandentvarkos ateitis Alytuje",
                        "body": "Kaip atnaujinti miesto vandentvarką.",
                        "city_name": "Alytus",
                        "date": "2026-05-01",
                    },
                    "highlight": {"title": ["<mark>Vandentvarkos</mark> ateitis Alytuje"]},
                },
                {  # a draft the index still holds: must be dropped by the database re-check
                    "_index": "miestai-test-content-lt-1",
                    "_id": f"page-{draft.pk}",
                    "_score": 1.5,
                    "_source": {"source": "page", "object_id": draft.pk, "kind": "story", "title": "Juodraštis"},
                },
                {
                    "_index": "miestai-test-content-lt-1",
                    "_id": f"challenge-{indexed['challenges']['open'].pk}",
                    "_score": 1.0,
                    "_source": {
                        "source": "challenge",
                        "object_id": indexed["challenges"]["open"].pk,
                        "kind": "challenge",
                        "title": "Vandentvarkos iššūkis (open)",
                        "body": "Reikia patarimo dėl vandentvarkos.",
                    },
                },
            ],
        },
        "aggregations": {"kind": {"buckets": [{"key": "story", "doc_count": 2}, {"key": "challenge", "doc_count": 1}]}},
    }
    outcome = content_search.search_content("vandentvarka", "lt")
    assert outcome.backend == "elasticsearch" and not outcome.degraded
    assert [hit.kind for hit in outcome.hits] == ["story", "challenge"]
    assert str(outcome.hits[0].title) == "<mark>Vandentvarkos</mark> ateitis Alytuje"
    assert "<mark>vandentvarkos</mark>" in str(outcome.hits[1].snippet).lower()  # highlighted locally
    assert outcome.facets == {"kind": {"story": 2, "challenge": 1}}
    method, path, body = node.requests[-1]
    assert method == "POST" and path.startswith("/miestai-test-content-lt/_search")
    expected = documents.build_content_search("vandentvarka", "lt", kinds=[], upcoming_only=True)
    expected.aggs.bucket("kind", "terms", field="kind", size=10)
    assert body["query"] == expected.to_dict()["query"]
    assert body["size"] == text.MAX_CANDIDATES


def test_expert_search_reads_facets_and_rechecks_visibility(indexed, node):
    experts = indexed["experts"]
    node.replies["/_search"] = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {
                    "_index": "x",
                    "_id": str(experts["water"].pk),
                    "_score": 3.0,
                    "_source": {"expert_id": experts["water"].pk},
                    "highlight": {"headline": ["<mark>Vandentvarkos</mark> inžinierė"]},
                },
                {  # the index lags behind: a staff-only profile must not reach an anonymous viewer
                    "_index": "x",
                    "_id": str(experts["staff_only"].pk),
                    "_score": 2.0,
                    "_source": {"expert_id": experts["staff_only"].pk},
                },
            ],
        },
        "aggregations": {
            "country": {"buckets": [{"key": "GB", "doc_count": 1}]},
            "language": {"buckets": [{"key": "lt", "doc_count": 1}, {"key": "en", "doc_count": 1}]},
            "topic": {"buckets": []},
            "city": {"buckets": [{"key": "Klaipėda", "doc_count": 1}]},
            "can_travel": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 1}]},
            "hours": {
                "buckets": [
                    {"key": "1-5", "from": 1, "to": 6, "doc_count": 0},
                    {"key": "6-10", "from": 6, "to": 11, "doc_count": 1},
                ]
            },
        },
    }
    outcome = expert_search.search_experts("vandentvarka", "lt", AnonymousUser())
    assert outcome.backend == "elasticsearch"
    assert [hit.profile.name for hit in outcome.hits] == ["Rūta Vandenytė"]
    assert str(outcome.hits[0].snippet) == "<mark>Vandentvarkos</mark> inžinierė"
    assert outcome.facets["country"] == [("GB", 1)]
    assert outcome.facets["can_travel"] == [("yes", 1)]
    assert outcome.facets["hours"] == [("6-10", 1)]
    _, path, body = node.requests[-1]
    assert path.startswith("/miestai-test-experts/_search")
    assert body["query"]["bool"]["filter"][0]["bool"]["should"][0]["bool"]["filter"][0] == {
        "terms": {"visibility": ["public"]}
    }


def test_index_writes_and_alias_swap_requests(indexed, node):
    from search import indexing

    node.replies["/_bulk"] = {"took": 1, "errors": False, "items": []}
    indexing.index_page(indexed["site"]["pages"]["water"].pk)
    method, path, body = node.requests[-1]
    assert method == "PUT" and "/_doc/page-" in path and "require_alias=true" in path
    assert body["title"] == "Vandentvarkos ateitis Alytuje" and body["kind"] == "story"
    node.requests.clear()
    names = indexing.rebuild_elastic_index()
    assert len(names) == 3 and all(name.startswith("miestai-test-") for name in names)
    alias_updates = [b for m, p, b in node.requests if p.startswith("/_aliases")]
    assert alias_updates and all(any("add" in action for action in b["actions"]) for b in alias_updates)
    created = [p for m, p, b in node.requests if m == "PUT" and p.split("?")[0].strip("/") in names]
    assert len(created) == 3
    bulk_bodies = [b for m, p, b in node.requests if p.startswith("/_bulk")]
    documents_sent = [line for body in bulk_bodies for line in body if "title" in line or "expert_id" in line]
    assert any(line.get("title") == "Vandentvarkos ateitis Alytuje" for line in documents_sent)
    assert any(line.get("name") == "Rūta Vandenytė" for line in documents_sent)
