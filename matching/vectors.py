"""The one vector store: ``Embedding`` rows are the truth, each process keeps an index built from them.

Every process (web worker, Celery worker, shell) holds its own ``NumpyIndex`` per kind and brings
it up to date from the rows before it answers: rows newer than its watermark (``updated_at``) are
loaded on every call; every ``MATCHING_INDEX_CHECK_SECONDS`` the rows of the last
``MATCHING_INDEX_LAG_SECONDS`` are looked at again (a transaction that commits late is not
missed) and a row count that differs from what was loaded reconciles deletions. Rankers read the
candidates' rows from the database afterwards, so a deletion seen late never shows a vector. Nothing is written
anywhere but the database, so two processes cannot overwrite each other's vectors.

Other apps read vectors only through ``expert_vectors`` / ``expert_vector`` and learn of
changes through ``matching.signals.expert_embedded`` / ``expert_vectors_removed``.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from matching import knn
from matching.index import NumpyIndex
from matching.models import Embedding

_CHUNK = 2000


class SyncedIndex:
    """A process-local index of one kind's vectors, refreshed from the Embedding rows."""

    def __init__(self, kind: str):
        self.kind = kind
        self.index = NumpyIndex()
        self._seen: dict[int, object] = {}  # object id -> updated_at of the loaded row
        self._watermark = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def _rows(self):
        return Embedding.objects.filter(kind=self.kind)

    def _load(self, rows) -> None:
        """Put (object id, vector bytes, updated_at) rows into the index."""
        ids, vectors = [], []
        for object_id, vector, stamp in rows:
            vec = np.frombuffer(bytes(vector), dtype=np.float32)
            self._seen[object_id] = stamp
            size = self.index.dim if len(self.index) else (len(vectors[0]) if vectors else len(vec))
            if len(vec) != size:  # written by another model (a model change in progress): not comparable
                self.index.remove([str(object_id)])
                continue
            ids.append(object_id)
            vectors.append(vec)
            if self._watermark is None or stamp > self._watermark:
                self._watermark = stamp
        if ids:
            self.index.upsert([str(i) for i in ids], np.vstack(vectors))

    def refresh(self) -> NumpyIndex:
        """Load rows changed since the watermark (and, every few seconds, recheck late commits and deletions)."""
        with self._lock:
            fields = ("object_id", "vector", "updated_at")
            if self._watermark is None:
                self._load(self._rows().values_list(*fields).iterator(chunk_size=_CHUNK))
                self._checked = time.monotonic()
                return self.index
            self._load(self._rows().filter(updated_at__gt=self._watermark).values_list(*fields))
            if time.monotonic() - self._checked >= float(getattr(settings, "MATCHING_INDEX_CHECK_SECONDS", 5)):
                self._checked = time.monotonic()
                lag = timedelta(seconds=float(getattr(settings, "MATCHING_INDEX_LAG_SECONDS", 120)))
                recent = self._rows().filter(updated_at__gte=self._watermark - lag)
                changed = [
                    i for i, stamp in recent.values_list("object_id", "updated_at") if self._seen.get(i) != stamp
                ]
                for start in range(0, len(changed), _CHUNK):
                    chunk = changed[start : start + _CHUNK]
                    self._load(self._rows().filter(object_id__in=chunk).values_list(*fields))
                if self._rows().count() != len(self._seen):
                    self._reconcile()
            return self.index

    def _reconcile(self) -> None:
        """Make the index's ids equal the rows' ids (deletions by other processes, very late commits)."""
        present = set(self._rows().values_list("object_id", flat=True))
        gone = [i for i in self._seen if i not in present]
        self.index.remove([str(i) for i in gone])
        for i in gone:
            self._seen.pop(i, None)
        missing = [i for i in present if i not in self._seen]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            self._load(self._rows().filter(object_id__in=chunk).values_list("object_id", "vector", "updated_at"))

    def forget(self, object_ids) -> None:
        """Drop ids from this process's index at once (deletion, erasure)."""
        with self._lock:
            self.index.remove([str(i) for i in object_ids])
            for i in object_ids:
                self._seen.pop(int(i), None)


_synced: dict[tuple[str, str], SyncedIndex] = {}
_synced_lock = threading.Lock()


def synced(kind: str) -> SyncedIndex:
    """Return this process's synced index of ``kind`` for the current database."""
    key = (settings.DATABASES["default"]["NAME"].__str__(), kind)
    with _synced_lock:
        if key not in _synced:
            _synced[key] = SyncedIndex(kind)
        return _synced[key]


def current_index(kind: str) -> NumpyIndex:
    """Return this process's index of ``kind``, brought up to date from the rows."""
    return synced(kind).refresh()


def _local_nearest(kind: str):
    """Return a nearest-ids function over this process's index (and whether it ran out)."""
    index = current_index(kind)

    def nearest(vector, want):
        return [int(i) for i, _ in index.search(vector, k=want)], want >= len(index)

    return nearest


def _elastic_nearest(levels):
    """Return a nearest-ids function over Elasticsearch kNN (filtered there by consent and visibility)."""

    def nearest(vector, want):
        hits = knn.nearest_ids(vector, want, levels)
        return hits, hits is not None and (len(hits) < want or want >= knn.MAX_K)

    return nearest


def candidate_ids(kind: str, vector, k: int, allowed=None, versions: dict | None = None, levels=None) -> list[int]:
    """Return up to ``k`` nearest object ids, best first; ``allowed`` (a queryset of the owners) filters them.

    The index is asked for ``k`` ids; when the filter removes some, it is asked again for four
    times as many, until ``k`` allowed ids are found or the index is exhausted. Only those ids
    reach the database, never the whole table. With Elasticsearch, experts come from its kNN,
    filtered by consent and ``levels`` of visibility (suggestable ones by default), and this
    process's index is the fallback. ``versions`` (a dict) receives, per id, the owner's
    ``updated_at`` and the vector's ``updated_at`` (a cache key for rankers).
    """
    from_elastic = kind == Embedding.Kind.EXPERT and knn.enabled()
    nearest = _elastic_nearest(levels or knn.SUGGESTABLE_LEVELS) if from_elastic else _local_nearest(kind)
    want = k
    while True:
        hits, exhausted = nearest(vector, want)
        if hits is None:  # Elasticsearch does not answer: this process's index gives the pool
            from_elastic, nearest = False, _local_nearest(kind)
            continue
        if allowed is None:
            found, keep = hits[:k], {}
        else:
            keep = dict(allowed.filter(pk__in=hits).values_list("pk", "updated_at"))
            found = [i for i in hits if i in keep][:k]
        if allowed is None or len(found) >= k or exhausted:
            break
        want *= 4
    if versions is not None:
        if from_elastic:
            stamps = dict(
                Embedding.objects.filter(kind=kind, object_id__in=found).values_list("object_id", "updated_at")
            )
        else:
            stamps = synced(kind)._seen
        versions.update({i: (keep.get(i), stamps.get(i)) for i in found})
    return found


def rows(kind: str, object_ids) -> dict[int, Embedding]:
    """Return {object id: Embedding} for the given ids (missing ones are absent)."""
    return {row.object_id: row for row in Embedding.objects.filter(kind=kind, object_id__in=list(object_ids))}


def expert_vectors(profile_ids) -> dict[int, np.ndarray]:
    """Return {profile id: profile vector} for the experts that are embedded (the public read API)."""
    found = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=list(profile_ids))
    return {i: np.frombuffer(bytes(v), dtype=np.float32).copy() for i, v in found.values_list("object_id", "vector")}


def expert_vector(profile_id) -> np.ndarray | None:
    """Return one expert's stored profile vector, or None when it is not embedded yet."""
    return expert_vectors([profile_id]).get(int(profile_id))


def is_embedded(kind: str, object_id) -> bool:
    """Return True when the object has a stored vector."""
    return Embedding.objects.filter(kind=kind, object_id=object_id).exists()


def save(kind: str, object_id: int, **fields) -> Embedding:
    """Write one object's row (inside the caller's transaction) and announce it after commit."""
    row, _ = Embedding.objects.update_or_create(kind=kind, object_id=object_id, defaults=fields)
    if kind == Embedding.Kind.EXPERT:
        vector = row.doc_vector()

        def announce():
            from matching.signals import expert_embedded

            expert_embedded.send(sender=Embedding, profile_id=object_id, vector=vector)

        transaction.on_commit(announce)
    return row


def save_many(kind: str, rows_by_id: dict[int, dict]) -> None:
    """Write many objects' rows at once (bulk import) and announce each after commit."""
    existing = set(
        Embedding.objects.filter(kind=kind, object_id__in=list(rows_by_id)).values_list("object_id", flat=True)
    )
    fresh = [Embedding(kind=kind, object_id=i, **f) for i, f in rows_by_id.items() if i not in existing]
    Embedding.objects.bulk_create(fresh, batch_size=500)
    now = timezone.now()
    for object_id in existing:
        Embedding.objects.filter(kind=kind, object_id=object_id).update(**rows_by_id[object_id], updated_at=now)
    if kind == Embedding.Kind.EXPERT:

        def announce():
            from matching.signals import expert_embedded

            for object_id, f in rows_by_id.items():
                vector = np.frombuffer(bytes(f["vector"]), dtype=np.float32)
                expert_embedded.send(sender=Embedding, profile_id=object_id, vector=vector)

        transaction.on_commit(announce)


def delete(kind: str, object_ids) -> int:
    """Delete objects' rows and drop them from this process's index (other processes reconcile); return how many."""
    object_ids = [int(i) for i in object_ids]
    deleted, _ = Embedding.objects.filter(kind=kind, object_id__in=object_ids).delete()
    synced(kind).forget(object_ids)
    return deleted
