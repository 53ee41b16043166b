"""The in-process vector index: incremental updates, exact answers, size taken from the vectors."""

import numpy as np
import pytest

from matching.index import NumpyIndex, normalise


def _vectors(n, seed=0, dim=384):
    return normalise(np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32))


def test_numpy_index_updates_incrementally():
    vecs = _vectors(5)
    index = NumpyIndex()
    index.upsert(["a", "b", "c"], vecs[:3])
    assert index.search(vecs[1], k=1)[0][0] == "b"
    index.upsert(["b"], vecs[4])  # update in place
    index.upsert(["d"], vecs[3])  # add
    assert index.remove(["a"]) == 1
    assert index.remove(["missing"]) == 0
    assert len(index) == 3 and sorted(index.ids()) == ["b", "c", "d"]
    top = index.search(vecs[4], k=3)
    assert top[0][0] == "b" and top[0][1] == pytest.approx(1.0, abs=1e-5)
    assert index.search(vecs[0], k=3, allowed={"c"}) == [("c", pytest.approx(float(vecs[0] @ vecs[2]), abs=1e-5))]
    assert np.allclose(index.get("d"), vecs[3])


def test_numpy_index_search_equals_exact_numpy():
    vecs = _vectors(300, seed=1)
    index = NumpyIndex()
    index.upsert([str(i) for i in range(300)], vecs)
    index.remove([str(i) for i in range(0, 300, 3)])
    kept = [i for i in range(300) if i % 3]
    query = _vectors(1, seed=2)[0]
    expected = [str(kept[i]) for i in np.argsort(-(vecs[kept] @ query))[:10]]
    assert [i for i, _ in index.search(query, k=10)] == expected


def test_vector_size_comes_from_the_vectors_and_mixing_sizes_is_refused():
    index = NumpyIndex()
    index.upsert(["a"], _vectors(1, dim=8))
    assert index.dim == 8
    with pytest.raises(ValueError):
        index.upsert(["b"], _vectors(1, dim=16))


def test_model_dimension_is_read_from_the_model_folder_without_loading_it():
    from matching import embedding

    loaded = embedding.is_loaded()
    assert embedding.dimension() == 384  # multilingual-e5-small
    assert embedding.is_loaded() == loaded
