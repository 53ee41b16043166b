"""Fit and cross-validate the evidence model (``evidence_model.json``) on gold skill labels.

``python -m matching explain-eval --data DIR --fit`` prints the figures of 5-fold
cross-validation over challenges (repeated with three shuffles; a challenge's rows are
never split between training and test) and the in-sample ones, and ``--write`` stores the
coefficients fitted on all labels. The coefficients are fitted, never the people: the
features and the threshold (``evidence_model.json``) are the same for every challenge.
"""

from __future__ import annotations

import json

import numpy as np

from matching import evidence, ranking
from matching.text import stem_keys

FOLDS = 5
SEEDS = (0, 1, 2)
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
# Pool sizes of the small-pool check (the tests' pools hold about ten candidates).
SMALL_POOLS = (10, 30)


def label_features(experts, challenges, labels, embedder, pool_size=None, seed=0):
    """Return (features rows × FEATURES, covered, challenge ids, declared) for every label row.

    By default every challenge ranks every expert. With ``pool_size`` each challenge ranks
    only its labelled experts plus random others up to that many candidates (a page ranks
    the candidates its viewer may see, so pools differ in size).
    """
    pool = ranking.prepare_experts(list(experts), embedder)
    position = {p.id: i for i, p in enumerate(pool)}
    by_c = {str(c["id"]): c for c in challenges}
    rng = np.random.default_rng(seed)
    per_challenge = {}
    for cid in sorted({r["challenge_id"] for r in labels}):
        members = list(range(len(pool)))
        if pool_size:
            judged = sorted({position[r["expert_id"]] for r in labels if r["challenge_id"] == cid})
            others = [i for i in members if i not in judged]
            extra = max(0, min(len(others), pool_size - len(judged)))
            members = sorted(judged + [int(i) for i in rng.choice(others, extra, replace=False)])
        candidates = [pool[i] for i in members]
        vectors = ranking.prepare_challenge(by_c[cid], embedder)
        signals = ranking.compute_signals(by_c[cid], candidates, lexical=False, vectors=vectors)
        relevance = ranking.fuse(signals, ranking.RELEVANCE_PARAMS)
        found = evidence.pool_features(candidates, vectors, relevance)
        per_challenge[cid] = (vectors.skills, {pool[i].id: f for i, (_, f) in zip(members, found, strict=True)})
    rows, covered, groups, declared = [], [], [], []
    for r in labels:
        skills, found = per_challenge[r["challenge_id"]]
        i = position[r["expert_id"]]
        rows.append(found[r["expert_id"]][skills.index(r["skill"])])
        covered.append(bool(r["covered"]))
        groups.append(r["challenge_id"])
        keys = stem_keys(r["skill"])
        topics = pool[i].expert.get("help_topics") or []
        declared.append(bool(keys) and any(keys <= stem_keys(t) for t in topics))
    return np.array(rows), np.array(covered), np.array(groups), np.array(declared)


def fit(features, covered):
    """Return (weights on the raw features, bias) of a logistic regression."""
    from sklearn.linear_model import LogisticRegression

    mean, std = features.mean(axis=0), features.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=2000).fit((features - mean) / std, covered)
    weights = model.coef_[0] / std
    return weights, float(model.intercept_[0] - (model.coef_[0] * mean / std).sum())


def _claims(features, weights, bias, declared, threshold):
    """Return which rows the model claims as covered (a declared competency always is)."""
    return (1.0 / (1.0 + np.exp(-(features @ weights + bias))) >= threshold) | declared


def _scores(claimed, covered) -> tuple[float, float]:
    """Return (precision, recall) of the claims."""
    precision = covered[claimed].mean() if claimed.any() else 0.0
    return float(precision), float(claimed[covered].mean()) if covered.any() else 0.0


def cross_validate(features, covered, groups, declared, threshold=0.5, test_features=None) -> tuple[float, float]:
    """Return precision and recall of FOLDS-fold cross-validation over challenges (mean of SEEDS).

    ``test_features`` (the same rows computed in other pools) replace the held-out rows'
    features: trained on the full pools, judged in smaller ones.
    """
    test_features = features if test_features is None else test_features
    results = []
    challenges = np.array(sorted(set(groups)))
    for seed in SEEDS:
        order = np.random.default_rng(seed).permutation(challenges)
        claimed = np.zeros(len(covered), bool)
        for fold in range(FOLDS):
            test = np.isin(groups, order[fold::FOLDS])
            weights, bias = fit(features[~test], covered[~test])
            claimed[test] = _claims(test_features[test], weights, bias, declared[test], threshold)
        results.append(_scores(claimed, covered))
    return tuple(np.mean(results, axis=0))


def fold_spread(features, covered, groups, declared, threshold=0.5) -> tuple[float, float, float, float]:
    """Return (precision mean, std, recall mean, std) over the single test folds of every shuffle.

    The spread says how much the figure moves from one set of held-out challenges to another,
    which is what a held-out set of the same kind will do.
    """
    precisions, recalls = [], []
    challenges = np.array(sorted(set(groups)))
    for seed in SEEDS:
        order = np.random.default_rng(seed).permutation(challenges)
        for fold in range(FOLDS):
            test = np.isin(groups, order[fold::FOLDS])
            weights, bias = fit(features[~test], covered[~test])
            claimed = _claims(features[test], weights, bias, declared[test], threshold)
            if claimed.any():
                precisions.append(covered[test][claimed].mean())
            if covered[test].any():
                recalls.append(claimed[covered[test]].mean())
    return (float(np.mean(precisions)), float(np.std(precisions)), float(np.mean(recalls)), float(np.std(recalls)))


def report(experts, challenges, labels, embedder, write: bool = False) -> None:
    """Print cross-validated and in-sample figures of the evidence model; optionally store it."""
    features, covered, groups, declared = label_features(experts, challenges, labels, embedder)
    threshold = evidence.model()["threshold"]
    precision, recall = cross_validate(features, covered, groups, declared, threshold)
    print(f"{FOLDS}-fold CV over challenges (x{len(SEEDS)}): precision={precision:.3f}  recall={recall:.3f}")
    p_mean, p_std, r_mean, r_std = fold_spread(features, covered, groups, declared, threshold)
    print(f"  per test fold: precision {p_mean:.3f} ± {p_std:.3f}  recall {r_mean:.3f} ± {r_std:.3f}")
    curve = (cross_validate(features, covered, groups, declared, t) for t in THRESHOLDS)
    print(
        "  CV by threshold: " + "  ".join(f"{t}: {p:.3f}/{r:.3f}" for t, (p, r) in zip(THRESHOLDS, curve, strict=True))
    )
    for size in SMALL_POOLS:
        small = label_features(experts, challenges, labels, embedder, pool_size=size)[0]
        precision, recall = cross_validate(features, covered, groups, declared, threshold, test_features=small)
        print(
            f"  CV, held-out challenges ranked in pools of {size} candidates: precision={precision:.3f}  recall={recall:.3f}"
        )
    weights, bias = fit(features, covered)
    precision, recall = _scores(_claims(features, weights, bias, declared, threshold), covered)
    named = {name: round(float(w), 3) for name, w in zip(evidence.FEATURES, weights, strict=True)}
    print(f"in-sample (fit on all): precision={precision:.3f}  recall={recall:.3f}  weights {named} bias {bias:.3f}")
    if write:
        from matching.embedding import stored_evidence_metric
        from matching.evidence_metric import fingerprint

        coef = {
            "features": list(evidence.FEATURES),
            "weights": named,
            "bias": round(bias, 3),
            "threshold": threshold,
            "metric": fingerprint(stored_evidence_metric()),
        }
        evidence.MODEL_FILE.write_text(json.dumps(coef, indent=2) + "\n", encoding="utf-8")
        evidence.model.cache_clear()
        print(f"wrote {evidence.MODEL_FILE}")
