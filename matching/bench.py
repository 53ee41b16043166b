"""Benchmarks: encode throughput vs plain SentenceTransformer.encode, index latency vs raw numpy."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from matching import metrics, ranking
from matching.embedding import PASSAGE_PREFIX, Embedder, get_model
from matching.index import NumpyIndex, normalise

DEFAULT_TEXTS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "experts.jsonl"


def real_texts(path: Path | None, count: int = 300) -> list[str]:
    """Return ``count`` real-length profile and challenge texts (distinct, so no cache hits)."""
    path = Path(path) if path else DEFAULT_TEXTS
    base = []
    if path.exists():
        base = [ranking.expert_text(e) for e in metrics.read_jsonl(path)]
        challenges = path.with_name("challenges.jsonl")
        if challenges.exists():
            base += [ranking.challenge_text(c) for c in metrics.read_jsonl(challenges)]
    if not base:
        base = ["Municipal water network renewal and investment planning for a mid-sized city."] * 10
    return [f"{base[i % len(base)]} ({i})" for i in range(count)]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    """Return p50 and p95 in milliseconds."""
    arr = np.array(samples) * 1000
    return float(np.percentile(arr, 50)), float(np.percentile(arr, 95))


def bench_encode(texts: list[str], batch_size: int = 32) -> dict:
    """Return texts/s of our Embedder and of plain SentenceTransformer.encode on the same texts."""
    model = get_model()
    model.encode(texts[:8], prompt=PASSAGE_PREFIX)  # warm-up
    start = time.perf_counter()
    model.encode(texts, prompt=PASSAGE_PREFIX, batch_size=batch_size, normalize_embeddings=True)
    plain = len(texts) / (time.perf_counter() - start)
    embedder = Embedder(model, batch_size=batch_size)
    start = time.perf_counter()
    embedder.passages(texts)
    ours = len(texts) / (time.perf_counter() - start)
    return {"ours": ours, "plain": plain, "ratio": ours / plain}


def bench_index(size: int, queries: int = 200, dim: int = 384, seed: int = 0) -> dict:
    """Return p50/p95 query latency of NumpyIndex.search vs a raw numpy matmul at ``size`` vectors."""
    rng = np.random.default_rng(seed)
    vectors = normalise(rng.standard_normal((size, dim)).astype(np.float32))
    index = NumpyIndex(None)
    index.upsert([str(i) for i in range(size)], vectors, save=False)
    matrix = vectors.copy()
    qs = normalise(rng.standard_normal((queries, dim)).astype(np.float32))
    ours, raw = [], []
    for q in qs:
        start = time.perf_counter()
        index.search(q, k=10)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        matrix @ q
        raw.append(time.perf_counter() - start)
    (o50, o95), (r50, r95) = _percentiles(ours), _percentiles(raw)
    return {"size": size, "p50": o50, "p95": o95, "raw_p50": r50, "raw_p95": r95, "ratio_p95": o95 / r95}


def run(args) -> None:
    """Print both benchmarks."""
    texts = real_texts(args.texts)
    enc = bench_encode(texts)
    print(
        f"encode: {len(texts)} texts, ours {enc['ours']:.1f} texts/s, plain SentenceTransformer.encode "
        f"{enc['plain']:.1f} texts/s, ratio {enc['ratio']:.2f}x (target >= 0.9x)"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        r = bench_index(size, args.queries)
        print(
            f"index {size:>7} vectors: p50 {r['p50']:.2f} ms, p95 {r['p95']:.2f} ms; raw numpy matmul "
            f"p50 {r['raw_p50']:.2f} ms, p95 {r['raw_p95']:.2f} ms; p95 ratio {r['ratio_p95']:.2f}x (target <= 2x)"
        )
