"""The rank command's speed work: the size-class set, the batched encoder, and the bench's rank part."""

import numpy as np

from matching import bench_rank, embedding, ranking


def test_size_class_set_has_long_distinct_cvs():
    experts, challenges = bench_rank.size_class_set()
    assert len(experts) == 160 and len(challenges) == 32
    assert len({e["id"] for e in experts}) == 160 and len({c["id"] for c in challenges}) == 32
    assert all(150 <= len(e["cv"].split()) <= 450 for e in experts)
    units = [u for e in experts for u in ranking.expert_sentences(e)]
    assert len(set(units)) > 0.98 * len(units)  # no cache hits to flatter the encoder
    assert bench_rank.size_class_set()[0] == experts  # the same set every time


def test_encode_batches_keeps_the_order_and_the_vectors(embedder, monkeypatch):
    model = embedder.model
    texts = ["query: vandentiekio tinklų renovacija", "passage: " + " ".join(["Water mains."] * 40), "query: a"] * 3
    plain = model.encode(texts, normalize_embeddings=True)
    monkeypatch.setenv("MATCHING_ENCODE_WORKERS", "2")
    for precision, tolerance in (("float32", 1e-5), ("bfloat16", 1e-4)):
        monkeypatch.setenv("MATCHING_ENCODER_PRECISION", precision)
        embedding.use_bfloat16.cache_clear()
        ours = embedding.encode_batches(model, texts, batch_size=2)
        assert ours.dtype == np.float32 and ours.shape == plain.shape
        assert np.all((ours * plain).sum(axis=1) >= 1 - tolerance), precision
    embedding.use_bfloat16.cache_clear()
    assert embedding.encode_batches(model, []).shape == (0, plain.shape[1])


def test_bench_prints_the_rank_time_against_the_target(run_bench):
    out = run_bench("--only", "rank")
    assert "rank: 40 experts" in out and "(target < 60 s for the whole command)" in out
