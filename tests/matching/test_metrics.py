"""Metrics on hand-computed examples, and the run/qrels file round trip."""

import math

import pytest

from matching import metrics


def test_ndcg_matches_a_hand_computed_example():
    judged = {"a": 2, "b": 1, "c": 2}
    ranked = ["b", "x", "a", "c"]
    # DCG: (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) + (2^2-1)/log2(5)
    dcg = 1 / 1 + 3 / 2 + 3 / math.log2(5)
    # Ideal order a, c, b: 3/1 + 3/log2(3) + 1/2
    ideal = 3 + 3 / math.log2(3) + 1 / 2
    assert metrics.ndcg_at(ranked, judged) == pytest.approx(dcg / ideal)
    assert metrics.ndcg_at(["a", "c", "b"], judged) == pytest.approx(1.0)
    assert metrics.ndcg_at(ranked, {}) == 0.0


def test_precision_mrr_recall_and_violations(tmp_path):
    qrels_path = tmp_path / "qrels.tsv"
    qrels_path.write_text("q1\ta\t2\nq1\tb\t1\nq1\tc\t2\n", encoding="utf-8")
    run_path = tmp_path / "run.tsv"
    metrics.write_run(run_path, {"q1": [("x", 3.0), ("a", 2.0), ("y", 1.0), ("b", 0.5), ("z", 0.1)]})
    run = metrics.read_run(run_path)
    assert run == {"q1": ["x", "a", "y", "b", "z"]}
    result = metrics.evaluate(run, metrics.read_qrels(qrels_path), violations=lambda q, d: d in {"x", "y"})
    assert result["p@5"] == pytest.approx(2 / 5)
    assert result["mrr"] == pytest.approx(1 / 2)
    assert result["recall2@10"] == pytest.approx(1 / 2)
    assert result["violations@5"] == 2
    assert run_path.read_text().splitlines()[0] == "q1 Q0 x 1 3.000000 miestai"
