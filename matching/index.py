"""Vector indexes behind one small interface: exact numpy (default) and Elasticsearch kNN.

Both store L2-normalised float32 vectors by string id and answer top-k cosine queries. The
numpy index persists to ``<dir>/<name>.npy`` + ``<name>.ids.json`` (written to temporary
files and renamed, so a crash never leaves a torn index) and reloads after a restart.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class VectorIndex:
    """The interface every index implements."""

    def upsert(self, ids: list[str], vectors: np.ndarray) -> None:
        """Add or replace vectors by id."""
        raise NotImplementedError

    def remove(self, ids: list[str]) -> int:
        """Remove vectors by id; return how many were present."""
        raise NotImplementedError

    def search(self, vector: np.ndarray, k: int = 10, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Return the ``k`` nearest ids with cosine scores, best first."""
        raise NotImplementedError

    def ids(self) -> list[str]:
        """Return every stored id."""
        raise NotImplementedError

    def __contains__(self, item: str) -> bool:
        return item in set(self.ids())

    def __len__(self) -> int:
        return len(self.ids())


class NumpyIndex(VectorIndex):
    """Exact in-process index: one contiguous matrix, one matmul per query."""

    def __init__(self, directory: Path | str | None = None, name: str = "vectors", dim: int = 384):
        self.directory = Path(directory) if directory else None
        self.name = name
        self.dim = dim
        self._lock = threading.RLock()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._matrix = np.zeros((0, dim), np.float32)
        self._size = 0
        if self.directory:
            self.load()

    @property
    def _paths(self) -> tuple[Path, Path]:
        return self.directory / f"{self.name}.npy", self.directory / f"{self.name}.ids.json"

    def load(self) -> None:
        """Reload the persisted vectors (an absent index loads empty)."""
        vec_path, id_path = self._paths
        with self._lock:
            if vec_path.exists() and id_path.exists():
                ids = json.loads(id_path.read_text(encoding="utf-8"))
                matrix = np.load(vec_path)
                if len(ids) != len(matrix):  # pragma: no cover - only after manual tampering
                    raise ValueError(f"{vec_path}: {len(matrix)} vectors but {len(ids)} ids")
                self._ids, self._matrix, self._size = list(ids), np.ascontiguousarray(matrix, np.float32), len(ids)
                self._pos = {item: i for i, item in enumerate(self._ids)}

    def save(self) -> None:
        """Persist atomically: write temporary files, then rename over the old ones."""
        if not self.directory:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        vec_path, id_path = self._paths
        with self._lock:
            for path, write in (
                (vec_path, lambda h: np.save(h, self._matrix[: self._size])),
                (id_path, lambda h: h.write(json.dumps(self._ids).encode("utf-8"))),
            ):
                fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=f".{path.name}.")
                with os.fdopen(fd, "wb") as handle:
                    write(handle)
                os.replace(tmp, path)

    def upsert(self, ids, vectors, save: bool = True) -> None:
        """Add or replace vectors by id (amortised O(1) appends)."""
        vectors = normalise(vectors)
        with self._lock:
            for item, vec in zip(ids, vectors, strict=True):
                item = str(item)
                if item in self._pos:
                    self._matrix[self._pos[item]] = vec
                    continue
                if self._size == len(self._matrix):
                    grown = np.zeros((max(16, 2 * len(self._matrix)), self.dim), np.float32)
                    grown[: self._size] = self._matrix[: self._size]
                    self._matrix = grown
                self._matrix[self._size] = vec
                self._pos[item] = self._size
                self._ids.append(item)
                self._size += 1
            if save:
                self.save()

    def remove(self, ids, save: bool = True) -> int:
        """Remove vectors by id, moving the last row into each hole."""
        removed = 0
        with self._lock:
            for item in map(str, ids):
                pos = self._pos.pop(item, None)
                if pos is None:
                    continue
                last = self._size - 1
                if pos != last:
                    moved = self._ids[last]
                    self._matrix[pos] = self._matrix[last]
                    self._ids[pos] = moved
                    self._pos[moved] = pos
                self._ids.pop()
                self._size -= 1
                removed += 1
            if removed and save:
                self.save()
        return removed

    def clear(self, save: bool = True) -> None:
        """Drop every vector."""
        with self._lock:
            self._ids, self._pos, self._size = [], {}, 0
            self._matrix = np.zeros((0, self.dim), np.float32)
            if save:
                self.save()

    def get(self, item: str) -> np.ndarray | None:
        """Return the stored vector of ``item`` or None."""
        with self._lock:
            pos = self._pos.get(str(item))
            return None if pos is None else self._matrix[pos].copy()

    def search(self, vector, k=10, allowed=None):
        """Return the ``k`` best ids by cosine (exact; argpartition over one matmul)."""
        query = normalise(vector)[0]
        with self._lock:
            matrix, ids = self._matrix[: self._size], self._ids
            if not self._size:
                return []
            scores = matrix @ query
            if allowed is not None:
                mask = np.fromiter((i in allowed for i in ids), bool, len(ids))
                scores = np.where(mask, scores, -np.inf)
            k = min(k, len(scores))
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
            return [(ids[i], float(scores[i])) for i in top if np.isfinite(scores[i])]

    def ids(self):
        """Return every stored id."""
        with self._lock:
            return list(self._ids)

    def __contains__(self, item):
        return str(item) in self._pos

    def __len__(self):
        return self._size


class ElasticsearchIndex(VectorIndex):
    """A ``dense_vector`` kNN index in Elasticsearch 8 through elasticsearch-dsl."""

    def __init__(self, url: str | None = None, name: str = "miestai-vectors", dim: int = 384, client=None):
        self.url, self.name, self.dim = url, name, dim
        self._client = client

    @property
    def client(self):
        """Return the Elasticsearch client, connecting lazily."""
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(self.url)
        return self._client

    def document_class(self):
        """Return the elasticsearch-dsl Document class bound to this index name."""
        from elasticsearch_dsl import DenseVector, Document, Keyword

        name, dim = self.name, self.dim

        class VectorDocument(Document):
            item_id = Keyword()
            vector = DenseVector(dims=dim, index=True, similarity="cosine")

            class Index:
                name = ""

        VectorDocument._index._name = name
        return VectorDocument

    def mapping(self) -> dict:
        """Return the index mapping JSON (testable without a node)."""
        return self.document_class()._index.to_dict()

    def knn_query(self, vector, k: int = 10, allowed: set[str] | None = None) -> dict:
        """Return the kNN search body JSON for ``vector``."""
        from elasticsearch_dsl import Q, Search

        knn = {
            "field": "vector",
            "query_vector": [float(x) for x in normalise(vector)[0]],
            "k": k,
            "num_candidates": max(100, 10 * k),
        }
        if allowed is not None:
            knn["filter"] = Q("terms", item_id=sorted(allowed)).to_dict()
        search = Search(index=self.name).extra(knn=knn, size=k, _source=["item_id"])
        return search.to_dict()

    def ensure(self) -> None:
        """Create the index with its mapping when missing."""
        self.document_class().init(using=self.client)

    def upsert(self, ids, vectors) -> None:
        """Index documents by id (the document id is the item id)."""
        from elasticsearch.helpers import bulk

        self.ensure()
        actions = [
            {"_op_type": "index", "_index": self.name, "_id": str(i), "item_id": str(i), "vector": v.tolist()}
            for i, v in zip(ids, normalise(vectors), strict=True)
        ]
        bulk(self.client, actions, refresh=True)

    def remove(self, ids) -> int:
        """Delete documents by id."""
        from elasticsearch.helpers import bulk

        actions = [{"_op_type": "delete", "_index": self.name, "_id": str(i)} for i in ids]
        ok, _errors = bulk(self.client, actions, refresh=True, raise_on_error=False)
        return ok

    def search(self, vector, k=10, allowed=None):
        """Return the nearest ids and their scores (ES cosine score is (1 + cos) / 2)."""
        body = self.knn_query(vector, k, allowed)
        response = self.client.search(index=self.name, body=body)
        return [(hit["_source"]["item_id"], 2 * hit["_score"] - 1) for hit in response["hits"]["hits"]]

    def ids(self):
        """Return every stored id (scan)."""
        from elasticsearch.helpers import scan

        return [hit["_id"] for hit in scan(self.client, index=self.name, _source=False)]
