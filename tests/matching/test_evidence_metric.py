"""The evidence metric: trained on ESCO, stored once per vector space, read (never trained) by web processes."""

import logging

import numpy as np
import pytest

from matching import evidence, evidence_metric, ranking
from matching.embedding import stored_evidence_metric, vector_space


def _unit(rows):
    rows = np.asarray(rows, np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _recall_at_1(queries, keys):
    return float(((queries @ keys.T).argmax(axis=1) == np.arange(len(queries))).mean())


def test_training_pulls_each_definition_to_its_own_labels():
    # Definitions are their labels seen through a distortion plus noise: in the raw space many
    # are nearer another label; the trained map undoes part of the distortion.
    rng = np.random.default_rng(0)
    labels = _unit(rng.normal(size=(600, 16)))
    distortion = np.eye(16) + 0.9 * rng.normal(size=(16, 16)) / 4
    definitions = _unit(labels @ distortion + 0.25 * rng.normal(size=(600, 16)))
    before = _recall_at_1(definitions, labels)
    weights = evidence_metric.train(labels, definitions, epochs=300)
    after = _recall_at_1(evidence_metric.apply(definitions, weights), evidence_metric.apply(labels, weights))
    assert after > before + 0.05, (before, after)
    assert weights.shape == (16, 16) and weights.dtype == np.float32


def test_esco_pairs_are_labels_and_their_definitions():
    labels, definitions = evidence_metric.esco_pairs()
    assert len(labels) == len(definitions) > 13000
    assert all(d[0].isupper() for d in definitions[:200])
    assert all(len(d.split()) <= evidence_metric.DEFINITION_WORDS for d in definitions)


def test_the_metric_is_stored_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("MATCHING_MODEL_CACHE", str(tmp_path / "models" / "m"))
    space = "test-space-stored"
    calls = []

    def encode(texts):  # a small stand-in encoder: eight hashed dimensions per text
        calls.append(len(texts))
        rows = np.array([[hash((t, i)) % 1000 for i in range(8)] for t in texts], np.float32) + 1
        return _unit(rows)

    monkeypatch.setattr(evidence_metric, "EPOCHS", 1)
    evidence_metric._metrics.pop(space, None)
    built = evidence_metric.ensure(space, encode)
    assert built.shape == (8, 8) and len(calls) == 2
    path = evidence_metric.metric_path(space)
    assert path.exists() and not list(path.parent.glob(".*"))  # renamed into place, nothing half-written
    evidence_metric._metrics.pop(space, None)
    assert np.array_equal(evidence_metric.stored(space), built)
    assert np.array_equal(evidence_metric.ensure(space, encode), built) and len(calls) == 2  # not retrained
    evidence_metric._metrics.pop(space, None)


def test_a_web_process_without_the_metric_uses_plain_cosines_and_says_so(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("MATCHING_MODEL_CACHE", str(tmp_path / "models" / "m"))
    with caplog.at_level(logging.WARNING, logger="matching.evidence_metric"):
        assert evidence_metric.stored("test-space-never-built") is None
        assert evidence_metric.stored("test-space-never-built") is None
    assert sum("No evidence metric" in r.getMessage() for r in caplog.records) == 1
    vectors = _unit([[1, 2, 3]])
    assert evidence_metric.apply(vectors, None) is vectors


@pytest.mark.usefixtures("embedder")
def test_the_configured_space_has_its_metric_and_the_evidence_uses_it(embedder):
    # bin/setup (`python -m matching build-model`) trains it; the shipped coefficients assume it.
    metric = stored_evidence_metric()
    assert metric is not None, f"run `python -m matching build-model` ({vector_space()})"
    assert metric.shape == (384, 384) and not np.allclose(metric, np.eye(384), atol=1e-3)
    assert evidence_metric.matches(evidence.model()["metric"], metric)  # the coefficients were fitted with it
    assert not evidence_metric.matches(evidence.model()["metric"], None)
    challenge = {"id": "c", "title": "Vandentiekio tinklų renovacija", "description": "Reikia patarimo.",
                 "skills_wanted": ["vandens tiekimas", "renginių organizavimas"]}  # fmt: skip
    experts = [
        {"id": "w", "headline": "Water engineer", "help_topics": ["leakage reduction"],
         "cv": "I manage water mains replacement for a regional water company. I organised one conference."},
        {"id": "e", "headline": "Renginių vadybininkė", "help_topics": ["festivaliai"],
         "cv": "Organizuoju miesto šventes ir festivalius jau dešimt metų. Rašau projektų paraiškas."},
    ]  # fmt: skip
    pool = ranking.prepare_experts(experts, embedder)
    vectors = ranking.prepare_challenge(challenge, embedder)
    relevance = np.zeros(len(pool))
    default = evidence.pool_features(pool, vectors, relevance)
    stored = evidence.pool_features(pool, vectors, relevance, metric=metric)
    plain = evidence.pool_features(pool, vectors, relevance, metric=np.eye(384, dtype=np.float32))
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(default, stored, strict=True))
    standing = evidence.FEATURES.index("standing")
    assert not all(np.allclose(a[1][:, standing], b[1][:, standing]) for a, b in zip(stored, plain, strict=True))


def test_a_computation_may_look_up_another_stored_array(tmp_path):
    # Training the metric encodes through the concept map, which is itself stored or computed.
    from matching import concepts

    memo = {}

    def inner():
        return concepts.stored_or_computed(memo, "inner", tmp_path / "inner.npy", lambda: np.ones(2, np.float32))

    outer = concepts.stored_or_computed(memo, "outer", tmp_path / "outer.npy", lambda: inner() * 2)
    assert outer.tolist() == [2.0, 2.0] and np.load(tmp_path / "inner.npy").tolist() == [1.0, 1.0]
