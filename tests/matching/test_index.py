"""Vector indexes: incremental updates, persistence across restarts, Elasticsearch JSON."""

import os

import numpy as np
import pytest

from matching.index import ElasticsearchIndex, NumpyIndex, normalise


def _vectors(n, seed=0):
    return normalise(np.random.default_rng(seed).standard_normal((n, 384)).astype(np.float32))


def test_numpy_index_updates_incrementally_and_survives_a_restart(tmp_path):
    vecs = _vectors(5)
    index = NumpyIndex(tmp_path, name="expert")
    index.upsert(["a", "b", "c"], vecs[:3])
    assert index.search(vecs[1], k=1)[0][0] == "b"
    index.upsert(["b"], vecs[4])  # update in place
    index.upsert(["d"], vecs[3])  # add
    assert index.remove(["a"]) == 1
    assert index.remove(["missing"]) == 0
    assert len(index) == 3

    restarted = NumpyIndex(tmp_path, name="expert")
    assert sorted(restarted.ids()) == ["b", "c", "d"]
    top = restarted.search(vecs[4], k=3)
    assert top[0][0] == "b" and top[0][1] == pytest.approx(1.0, abs=1e-5)
    assert restarted.search(vecs[0], k=3, allowed={"c"}) == [("c", pytest.approx(float(vecs[0] @ vecs[2]), abs=1e-5))]
    assert np.allclose(restarted.get("d"), vecs[3])


def test_numpy_index_search_equals_exact_numpy(tmp_path):
    vecs = _vectors(300, seed=1)
    index = NumpyIndex(None)
    index.upsert([str(i) for i in range(300)], vecs, save=False)
    index.remove([str(i) for i in range(0, 300, 3)], save=False)
    kept = [i for i in range(300) if i % 3]
    query = _vectors(1, seed=2)[0]
    expected = [str(kept[i]) for i in np.argsort(-(vecs[kept] @ query))[:10]]
    assert [i for i, _ in index.search(query, k=10)] == expected


def test_elasticsearch_mapping_and_knn_query_json():
    index = ElasticsearchIndex("http://unused:9200", name="test-experts")
    mapping = index.mapping()
    assert mapping["mappings"]["properties"]["vector"] == {
        "type": "dense_vector",
        "dims": 384,
        "index": True,
        "similarity": "cosine",
    }
    assert mapping["mappings"]["properties"]["item_id"] == {"type": "keyword"}
    body = index.knn_query(np.ones(384), k=5, allowed={"7", "3"})
    assert body["knn"]["field"] == "vector"
    assert body["knn"]["k"] == 5 and body["knn"]["num_candidates"] >= 5
    assert body["knn"]["filter"] == {"terms": {"item_id": ["3", "7"]}}
    assert body["size"] == 5
    assert len(body["knn"]["query_vector"]) == 384
    assert body["knn"]["query_vector"][0] == pytest.approx(1 / np.sqrt(384))


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL unset: no node to test against")
def test_elasticsearch_index_live():
    index = ElasticsearchIndex(os.environ["ELASTICSEARCH_URL"], name="miestai-matching-test")
    vecs = _vectors(3)
    index.upsert(["a", "b", "c"], vecs)
    assert index.search(vecs[2], k=1)[0][0] == "c"
    index.remove(["c"])
    assert "c" not in index.ids()
    index.client.indices.delete(index=index.name)
