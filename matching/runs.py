"""Rank every challenge of a file against every expert of a file: what ``rank``, ``tune`` and the bench run."""

from __future__ import annotations

import numpy as np

from matching import ranking


def shared_embedder():
    """Return the shared embedder (loads or builds the model), its evidence metric built too."""
    from matching.embedding import default_embedder, evidence_metric

    embedder = default_embedder()
    evidence_metric(embedder)  # the command's explanations use the metric the site stores
    return embedder


def prepare_challenges(challenges, embedder) -> dict:
    """Return ``{challenge_id: ranking.ChallengeVectors}``, every text and skill in one encoder call.

    One call sorts all of them by length: per challenge, three short skills would be padded
    to the length of its text.
    """
    embedder.queries([t for c in challenges for t in [ranking.challenge_text(c)] + ranking.challenge_skills(c)])
    return {c["id"]: ranking.prepare_challenge(c, embedder) for c in challenges}  # memo hits


def rank_all(experts, challenges, params=ranking.DEFAULT_PARAMS, top=10, embedder=None, cache=None):
    """Return ``{challenge_id: [(expert_id, score), ...]}`` for every challenge.

    The challenges of the file are the reference set of the hubness correction (as the stored
    challenges are on the site).
    """
    embedder = embedder or shared_embedder()
    pool = ranking.prepare_experts(experts, embedder)
    vectors = prepare_challenges(challenges, embedder)
    reference = np.stack([v.qvec for v in vectors.values()]) if vectors else None
    hub = ranking.hubness(pool, reference, params.hubness_k) if params.hubness else None
    runs = {}
    for challenge in challenges:
        key = challenge["id"]
        signals = cache.get(key) if cache is not None else None
        if signals is None:
            signals = ranking.compute_signals(challenge, pool, embedder, vectors=vectors[key], hub=hub)
            if cache is not None:
                cache[key] = signals
        suggestions = ranking.rank(challenge, pool, embedder, params, top=top, signals=signals)
        runs[key] = [(s.id, s.score) for s in suggestions]
    return runs
