"""Candidate pools from Elasticsearch kNN: the query the real client sends, the database's last word, and a live node."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from experts.models import ExpertProfile
from matching import knn, vectors
from matching.index import normalise
from tests.experts.factories import ExpertProfileFactory

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


class StubNode:
    """A local HTTP endpoint answering like Elasticsearch's _search, recording what the client sent."""

    def __init__(self, hit_ids):
        self.requests = []
        node = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                node.requests.append((self.path, json.loads(body)))
                hits = [{"_index": "x", "_id": str(i), "_score": 1.0} for i in hit_ids]
                payload = json.dumps(
                    {
                        "took": 1,
                        "timed_out": False,
                        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                        "hits": {"total": {"value": len(hits), "relation": "eq"}, "max_score": 1.0, "hits": hits},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _vector(seed):
    return normalise(np.random.default_rng(seed).standard_normal(384))[0]


def _embedded(**fields):
    profile = ExpertProfileFactory(user=None, **fields)
    vectors.save("expert", profile.pk, content_hash="x", model_name="m", vector=_vector(profile.pk).tobytes())
    return profile


def test_pool_query_is_a_knn_clause_filtered_by_consent_and_visibility():
    body = knn.pool_search("miestai-experts", [0.5, -0.25], 300, ("staff", "public")).to_dict()
    assert body == {
        "knn": {
            "field": "embedding",
            "k": 300,
            "num_candidates": 600,
            "query_vector": [0.5, -0.25],
            "filter": {
                "bool": {"filter": [{"term": {"consented": True}}, {"terms": {"visibility": ["public", "staff"]}}]}
            },
        },
        "_source": False,
        "size": 300,
    }
    assert knn.pool_search("i", [1.0], 50_000).to_dict()["knn"]["num_candidates"] == knn.MAX_K


def test_the_real_client_sends_the_pool_query_and_the_database_filters_the_ids(db, settings, no_auto_embed):
    """The ids come from the node's kNN; an id the viewer's queryset refuses never reaches the pool."""
    shown, refused, other = _embedded(), _embedded(visibility="hidden"), _embedded()
    node = StubNode([shown.pk, refused.pk, other.pk])
    settings.ELASTICSEARCH_URL = node.url
    settings.SEARCH_INDEX_PREFIX = "miestai-knn"
    try:
        versions = {}
        found = vectors.candidate_ids(
            "expert", _vector(1), 3, ExpertProfile.objects.suggestable(), versions, ["public"]
        )
    finally:
        node.close()
    assert found == [shown.pk, other.pk]
    assert set(versions) == {shown.pk, other.pk} and all(stamp for _, stamp in versions.values())
    path, sent = node.requests[0]
    assert path == "/miestai-knn-experts/_search"
    assert sent["knn"]["k"] == 3 and sent["knn"]["query_vector"] == [float(v) for v in _vector(1)]
    assert sent["knn"]["filter"]["bool"]["filter"][1] == {"terms": {"visibility": ["public"]}}
    assert [body["knn"]["k"] for _, body in node.requests] == [3, 12]  # too few allowed: asked for four times as many


def test_an_unreachable_node_leaves_the_pool_to_the_local_index(db, settings, no_auto_embed):
    first = _embedded()
    _embedded()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert vectors.candidate_ids("expert", _vector(first.pk), 1, ExpertProfile.objects.all()) == [first.pk]


@pytest.mark.skipif(not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch node can be installed here")
@pytest.mark.elasticsearch
def test_live_knn_pool_is_filtered_by_consent_and_visibility(db, settings, no_auto_embed):
    from search import elastic, indexing

    settings.ELASTICSEARCH_URL = LIVE_URL
    settings.SEARCH_INDEX_PREFIX = "miestai-knn-test"
    if not elastic.ping():
        pytest.skip(f"ELASTICSEARCH_URL={LIVE_URL} does not answer")
    public, staff = _embedded(), _embedded(visibility="staff")
    hidden = _embedded(visibility="hidden")
    withdrawn = _embedded()
    ExpertProfile.objects.filter(pk=withdrawn.pk).update(consent_given_at=None)
    try:
        indexing.rebuild_elastic_index()
        assert set(knn.nearest_ids(_vector(public.pk), 10)) == {public.pk, staff.pk}
        assert knn.nearest_ids(_vector(staff.pk), 10, ["public"]) == [public.pk]
        assert hidden.pk not in knn.nearest_ids(_vector(hidden.pk), 10)
        ids = vectors.candidate_ids("expert", _vector(staff.pk), 1, ExpertProfile.objects.suggestable())
        assert ids == [staff.pk]
    finally:
        elastic.client().indices.delete(index="miestai-knn-test-*", ignore_unavailable=True)
