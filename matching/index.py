"""The in-process vector index: exact cosine top-k over one contiguous float32 matrix.

It holds no file of its own: ``matching.vectors`` builds it from the ``Embedding`` rows (the
only stored copy of a vector) and keeps it current in each process.
"""

from __future__ import annotations

import threading

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class NumpyIndex:
    """Exact in-memory index: one contiguous matrix, one matmul per query, thread-safe."""

    def __init__(self, dim: int | None = None):
        self.dim = dim
        self._lock = threading.RLock()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._matrix = np.zeros((0, dim or 0), np.float32)
        self._size = 0

    def upsert(self, ids, vectors) -> None:
        """Add or replace vectors by id (amortised O(1) appends; the size comes from the first vectors)."""
        vectors = normalise(vectors)
        with self._lock:
            if self.dim is None or not self._size:
                self.dim = vectors.shape[1]
                if self._matrix.shape[1] != self.dim:
                    self._matrix = np.zeros((0, self.dim), np.float32)
            if vectors.shape[1] != self.dim:
                raise ValueError(f"vectors of size {vectors.shape[1]} in an index of size {self.dim}")
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

    def remove(self, ids) -> int:
        """Remove vectors by id, moving the last row into each hole; return how many were present."""
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
        return removed

    def clear(self) -> None:
        """Drop every vector."""
        with self._lock:
            self._ids, self._pos, self._size = [], {}, 0
            self._matrix = np.zeros((0, self.dim or 0), np.float32)

    def get(self, item: str) -> np.ndarray | None:
        """Return the stored vector of ``item`` or None."""
        with self._lock:
            pos = self._pos.get(str(item))
            return None if pos is None else self._matrix[pos].copy()

    def search(self, vector, k=10, allowed=None) -> list[tuple[str, float]]:
        """Return the ``k`` best ids by cosine, best first (exact; argpartition over one matmul)."""
        query = normalise(vector)[0]
        with self._lock:
            if not self._size or k <= 0:
                return []
            matrix, ids = self._matrix[: self._size], self._ids
            scores = matrix @ query
            if allowed is not None:
                mask = np.fromiter((i in allowed for i in ids), bool, len(ids))
                scores = np.where(mask, scores, -np.inf)
            k = min(k, len(scores))
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
            return [(ids[i], float(scores[i])) for i in top if np.isfinite(scores[i])]

    def ids(self) -> list[str]:
        """Return every stored id."""
        with self._lock:
            return list(self._ids)

    def __contains__(self, item) -> bool:
        return str(item) in self._pos

    def __len__(self) -> int:
        return self._size
