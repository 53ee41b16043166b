"""Pool-level corrections of the raw ranking signals: language shift, hubness, z-scores.

Every function here works on arrays over one candidate pool (see ``matching.ranking`` for what
the signals are and why each correction exists; figures in ``matching/README.md``).
"""

from __future__ import annotations

import numpy as np

MIN_POOL_FOR_CORRECTION = 8
# Unit counts and per-language offsets are extra regressors: below this pool size they would
# fit the few candidates themselves (a clear fit among nine would be corrected away).
MIN_POOL_FOR_EXTRA_TERMS = 30


# Detected languages that the Lithuanian share already places (no offset of their own).
SHARE_LANGUAGES = frozenset({"lt", "en", "mixed", "und"})


def correct_language_shift(
    values: np.ndarray,
    shares: np.ndarray,
    extra: list[np.ndarray] | None = None,
    languages: np.ndarray | None = None,
    prior: float = 0.0,
) -> np.ndarray:
    """Return ``values`` minus their fit over the pool on the CVs' Lithuanian share.

    ``extra`` columns (e.g. log unit counts) join the least-squares fit. With ``languages``
    (detected CV languages) and ``prior`` > 0, every third language also gets an offset of its
    own, ridge-penalised by ``prior`` (both only in pools of ``MIN_POOL_FOR_EXTRA_TERMS``+): a language with n CVs in the pool moves by about
    n / (n + prior) of its mean residual, so two CVs that both fit the challenge are not
    corrected away, while a language e5 scores high against everything is brought down.
    """
    if len(values) < MIN_POOL_FOR_CORRECTION or np.ptp(shares) < 1e-6:
        return values
    cols = [np.ones_like(shares), shares]
    if len(values) < MIN_POOL_FOR_EXTRA_TERMS:
        extra, prior = None, 0.0
    cols += [c for c in extra or [] if np.ptp(c) > 1e-9]
    free = len(cols)
    if languages is not None and prior > 0:
        cols += [(languages == g).astype(np.float64) for g in sorted(set(languages.tolist()) - SHARE_LANGUAGES)]
    design = np.c_[tuple(cols)]
    penalty = np.zeros(design.shape[1])
    penalty[free:] = prior
    coef = np.linalg.lstsq(design.T @ design + np.diag(penalty), design.T @ values.astype(np.float64), rcond=None)[0]
    return values - design @ coef


# Hubness needs a reference set of challenges: with fewer, an expert's "nearest challenges" are
# nearly all of them, and the correction would only measure how close they are to this one.
MIN_REFERENCE_FOR_HUBNESS = 10
HUBNESS_K = 10


def hubness(pool: list, reference, k: int = HUBNESS_K) -> dict | None:
    """Return per expert its mean cosine to its ``k`` nearest reference challenges (CSLS's r).

    Long generalist CVs lie close to many challenges and reach the top 10 of neighbouring ones
    ("hubs"); subtracting r (cross-domain similarity local scaling) ranks an expert by how much
    nearer they are to this challenge than to their usual ones. ``reference`` is a matrix of
    challenge vectors (the command's ``--challenges``, the site's stored challenges); one entry
    per signal the correction can apply to (``dense``: the profile vector, ``sent``: the best
    CV sentence). None below ``MIN_REFERENCE_FOR_HUBNESS`` challenges (no correction).
    """
    if reference is None or len(reference) < MIN_REFERENCE_FOR_HUBNESS or not pool:
        return None
    ref = np.asarray(reference, np.float32)
    if ref.ndim != 2 or ref.shape[1] != len(pool[0].doc_vec):  # another model's vectors: not comparable
        return None
    k = max(1, min(k, len(ref)))
    dense = np.stack([p.doc_vec for p in pool]) @ ref.T
    empty = np.zeros(len(ref), np.float32)
    sent = np.stack([(p.sent_vecs @ ref.T).max(axis=0) if len(p.sentences) else empty for p in pool])
    return {name: np.sort(m, axis=1)[:, -k:].mean(axis=1) for name, m in (("dense", dense), ("sent", sent))}


def zscore(values: np.ndarray) -> np.ndarray:
    """Return values standardised over the pool (zeros when constant)."""
    std = values.std()
    return (values - values.mean()) / std if std > 1e-9 else np.zeros_like(values)


def matched_zscore(values: np.ndarray, match: np.ndarray) -> np.ndarray:
    """Return values standardised over the CVs in the challenge's language, times the match.

    Character n-grams only compare texts in one language: across languages the score is
    noise that puts every cross-lingual CV below same-language ones. ``match`` (0–1, see
    ``language.match``) weights both the pool statistics and the result, so a CV in another
    language gets 0 (neutral) and a mixed CV half its standing.
    """
    w = np.clip(match, 0.0, 1.0)
    if w.sum() < 2:
        return np.zeros_like(values)
    mean = (w * values).sum() / w.sum()
    std = np.sqrt((w * (values - mean) ** 2).sum() / w.sum())
    return w * (values - mean) / std if std > 1e-9 else np.zeros_like(values)
