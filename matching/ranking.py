"""Rank experts for a challenge: dense e5 scores fused with char n-gram TF-IDF, then constraints.

Everything here works on plain dicts in the eval schema (see ``../shared/eval/README.md``)
and needs no Django settings. Signals, all cosine similarities:

- ``dense``: the whole challenge (``query: ``) against the whole profile (``passage: ``);
- ``sent``: the whole challenge against the best single CV sentence;
- ``skill``: for every wanted skill (``query: ``) the best CV sentence, averaged;
- ``lex``: TF-IDF over character n-grams of the two texts (catches names, acronyms, shared
  stems across Lithuanian inflections).

e5 scores pairs in the same language higher than cross-language pairs, so a Lithuanian
challenge would prefer any Lithuanian CV to a strong English one. Before fusion, each dense
signal is therefore corrected per challenge: it is regressed over the candidate pool on the
CV's Lithuanian share (0 = English, 1 = Lithuanian, mixed in between) and only the residual
is kept ("language-shift correction"; dev nDCG@10 0.73 → 0.90). Pools too small for a
regression (and single pairs) get a fixed offset instead: ``language_offset`` times the
difference in Lithuanian share between the two texts (dev: 0.73 → 0.88 on its own). The
same offset applies to sentence-level evidence, so a skill asked in Lithuanian can be
evidenced by an English CV sentence.

Third languages and long CVs (``matching/README.md``, "Third languages and long CVs"): the
same regression also gives each detected third CV language (``matching.language``) its own
offset, shrunk by ``language_prior`` pseudo-CVs, because e5 scores German, French or Russian
CVs higher or lower against everything than English ones; ``sent`` and ``skill``, maxima over
a profile's units, are also regressed on log(units), so a 20-sentence CV does not beat a
9-sentence one by having more chances; and ``lex`` is standardised among CVs in the
challenge's language only (other languages get 0), since character n-grams of two languages
are noise. All of this is computed over the pool at rank time from the texts and the stored
vectors, so the pages and the command rank alike without new stored data.

Hubness (``hubness``, CSLS): long generalist CVs lie near many challenges, so ``dense`` is taken
minus half the expert's mean cosine to its ten nearest challenges of a reference set (the
command's challenges, the site's stored ones), when that set holds ten challenges or more.

Each signal is then z-normalised over the pool and the z-scores are summed with weights
tuned on the dev set (``python -m matching tune``); the weights are few and shared by every
challenge, so the method is tuned, not the people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matching import constraints, evidence, language
from matching.corrections import (  # noqa: F401 - re-exported: services, cli and tests read them here
    HUBNESS_K,
    MIN_POOL_FOR_CORRECTION,
    MIN_POOL_FOR_EXTRA_TERMS,
    MIN_REFERENCE_FOR_HUBNESS,
    correct_language_shift,
    hubness,
    matched_zscore,
    zscore,
)
from matching.evidence import SkillEvidence
from matching.profiles import (  # noqa: F401 - re-exported: indexing, explain and tests read them here
    LONG_PROFILE_WORDS,
    PASSAGE_WORDS,
    PreparedExpert,
    prepare_experts,
    profile_passages,
)
from matching.text import (  # noqa: F401 - re-exported: services, bench and tests read them here
    challenge_skills,
    challenge_text,
    expert_sentences,
    expert_text,
    lithuanian_share,
    split_sentences,
)

SIGNALS = ("dense", "sent", "skill", "lex")


@dataclass(frozen=True)
class FusionParams:
    """Weights of the z-normalised signals and the evidence threshold."""

    dense: float = 1.0
    sent: float = 0.25
    skill: float = 1.0
    lex: float = 0.25
    soft_hours_penalty: float = 0.5
    coverage: float = 0.5
    protected_top: int = 5
    language_correction: bool = True
    language_offset: float = 0.04
    # Third languages: each CV language gets its own offset in the language-shift correction,
    # shrunk toward the Lithuanian-share fit by this many pseudo-CVs (0 = no per-language offsets).
    language_prior: float = 5.0
    # ``sent`` and ``skill`` are maxima over a profile's units: regress them on log(units) too.
    unit_count_correction: bool = True
    # TF-IDF is standardised among CVs in the challenge's language and weighted by the match.
    lexical_same_language: bool = True
    # Hubness (CSLS): subtract this times the expert's mean cosine to its ``hubness_k`` nearest
    # challenges of the reference set from ``hubness_signals`` (0 = off; see ``hubness``).
    hubness: float = 0.5
    hubness_k: int = HUBNESS_K
    hubness_signals: tuple[str, ...] = ("dense",)


DEFAULT_PARAMS = FusionParams()
# What explanations take as an expert's standing in the pool: the fused dense signals, no
# TF-IDF (the pages that rank for one expert leave it out, and its fit depends on the pool),
# corrected as when the evidence model was fitted (``evidence_model.json``).
RELEVANCE_PARAMS = FusionParams(lex=0.0, language_prior=0.0, unit_count_correction=False, hubness=0.0)
DEFAULT_LANGUAGE_OFFSET = DEFAULT_PARAMS.language_offset
DENSE_ONLY = FusionParams(
    dense=1.0, sent=0.0, skill=0.0, lex=0.0, soft_hours_penalty=0.0, language_correction=False, hubness=0.0
)
LEXICAL_ONLY = FusionParams(
    dense=0.0, sent=0.0, skill=0.0, lex=1.0, soft_hours_penalty=0.0, language_correction=False,
    lexical_same_language=False, hubness=0.0,
)  # fmt: skip


@dataclass
class Suggestion:
    """One ranked expert with its score, signals, constraint results and evidence."""

    expert: dict
    score: float
    signals: dict
    constraints: list
    evidence: list[SkillEvidence] = field(default_factory=list)
    rank: int = 0

    @property
    def id(self) -> str:
        """Return the expert id."""
        return str(self.expert["id"])

    @property
    def violations(self) -> list[str]:
        """Return the hard constraints this suggestion breaks."""
        return [c.code for c in self.constraints if c.hard and not c.ok]

    @property
    def covered(self) -> list[SkillEvidence]:
        """Return the wanted skills that a CV sentence covers."""
        return [e for e in self.evidence if e.covered]

    @property
    def missing(self) -> list[str]:
        """Return the wanted skills no CV sentence covers."""
        return [e.skill for e in self.evidence if not e.covered]


def lexical_scores(query: str, docs: list[str]) -> np.ndarray:
    """Return TF-IDF char n-gram cosine of ``query`` against each doc (fitted on the pool and the query).

    The pool's n-grams are counted once per pool (``matching.lexical``), not once per challenge.
    """
    from matching.lexical import pool_ngrams

    return pool_ngrams(docs).scores(query)


@dataclass
class ChallengeVectors:
    """A challenge's query vector and one vector per wanted skill (storable)."""

    qvec: np.ndarray
    skills: list[str]
    kvecs: np.ndarray


def prepare_challenge(challenge: dict, embedder) -> ChallengeVectors:
    """Embed the challenge text and each wanted skill with ``query: ``."""
    skills = challenge_skills(challenge)
    vecs = embedder.queries([challenge_text(challenge)] + skills)
    return ChallengeVectors(vecs[0], skills, vecs[1:])


def compute_signals(
    challenge: dict,
    pool: list[PreparedExpert],
    embedder=None,
    lexical: bool = True,
    vectors: ChallengeVectors | None = None,
    offset: float = DEFAULT_LANGUAGE_OFFSET,
    hub: dict | None = None,
) -> dict:
    """Return every raw signal (arrays over the pool) and the per-skill evidence matrix.

    ``hub`` is ``hubness(pool, reference)``, kept for ``fuse`` (None: no hubness correction).
    """
    vectors = vectors or prepare_challenge(challenge, embedder)
    qvec, skills, kvecs = vectors.qvec, vectors.skills, vectors.kvecs
    n = len(pool)
    dense = np.array([p.doc_vec @ qvec for p in pool], np.float32) if n else np.zeros(0, np.float32)
    sent = np.zeros(n, np.float32)
    skill = np.zeros(n, np.float32)
    best = []  # per expert: (best sentence index per skill, its score)
    skill_shares = np.array([lithuanian_share(k) for k in skills])
    for i, p in enumerate(pool):
        if len(p.sentences) == 0:
            best.append((np.zeros(len(skills), int), np.zeros(len(skills), np.float32)))
            continue
        sent[i] = float((p.sent_vecs @ qvec).max())
        sent_shares = np.array([lithuanian_share(t) for t in p.sentences])
        # skills x sentences, with the cross-language offset per pair
        sims = kvecs @ p.sent_vecs.T + offset * np.abs(skill_shares[:, None] - sent_shares[None, :])
        idx = sims.argmax(axis=1)
        top = sims[np.arange(len(skills)), idx]
        skill[i] = float(top.mean())
        best.append((idx, top))
    texts = [expert_text(p.expert) for p in pool]
    query_text = challenge_text(challenge)
    lex = lexical_scores(query_text, texts) if lexical else None
    shares = np.array([lithuanian_share(t) for t in texts], np.float64)
    return {
        "dense": dense,
        "sent": sent,
        "skill": skill,
        "lex": lex if lex is not None else np.zeros(n, np.float32),
        "skills": skills,
        "best": best,
        "vectors": vectors,
        "lt_share": shares,
        "lang_diff": np.abs(shares - lithuanian_share(query_text)),
        "cv_language": np.array([language.detect(t) for t in texts]),
        "log_units": np.log1p(np.array([len(p.sentences) for p in pool], np.float64)),
        "language_match": np.array([language.match(t, query_text) for t in texts], np.float64),
        "hub": hub,
    }


def fuse(signals: dict, params: FusionParams) -> np.ndarray:
    """Return the fused score: a weighted sum of per-pool z-scores."""
    total = np.zeros_like(signals["dense"], dtype=np.float64)
    for name in SIGNALS:
        weight = getattr(params, name)
        if weight:
            values = signals[name].astype(np.float64)
            hub = signals.get("hub")
            if params.hubness and hub is not None and name in params.hubness_signals:
                values = values - params.hubness * hub[name]
            if name == "lex" and params.lexical_same_language and "language_match" in signals:
                total += weight * matched_zscore(values, signals["language_match"])
                continue
            if params.language_correction and name != "lex":
                if name != "skill":  # skill evidence already carries the per-pair offset
                    values = values + params.language_offset * signals["lang_diff"]
                # A maximum over 20 units is higher than over 8 for anyone: long CVs would win
                # every challenge on ``sent`` and ``skill`` alone.
                counts = name in ("sent", "skill") and params.unit_count_correction and "log_units" in signals
                values = correct_language_shift(
                    values,
                    signals["lt_share"],
                    [signals["log_units"]] if counts else None,
                    signals.get("cv_language"),
                    params.language_prior,
                )
            total += weight * zscore(values)
    return total


def order(suggestions: list[Suggestion], protected_top: int = 0) -> list[Suggestion]:
    """Return suggestions best first: the first ``protected_top`` places (all when 0) go to experts
    who meet every hard constraint; below them everyone is ordered by score, breakers with
    ``VIOLATION_PENALTY`` taken off."""
    compliant = sorted((s for s in suggestions if not s.violations), key=lambda s: (-s.score, s.id))
    breakers = [s for s in suggestions if s.violations]
    if not protected_top:
        return compliant + sorted(breakers, key=lambda s: (-s.score, s.id))
    head, rest = compliant[:protected_top], compliant[protected_top:] + breakers
    return head + sorted(rest, key=lambda s: (-(s.score - VIOLATION_PENALTY * bool(s.violations)), s.id))


VIOLATION_PENALTY = 1.0


def rank(
    challenge: dict,
    pool: list[PreparedExpert],
    embedder=None,
    params: FusionParams = DEFAULT_PARAMS,
    top: int | None = None,
    signals: dict | None = None,
    vectors: ChallengeVectors | None = None,
    reference=None,
) -> list[Suggestion]:
    """Rank the suggestable experts of ``pool`` for ``challenge``, best first.

    ``reference`` (a matrix of challenge vectors, the challenge's own among them) turns on the
    hubness correction (``hubness``) when it holds ``MIN_REFERENCE_FOR_HUBNESS`` challenges.
    Hidden or non-consenting experts are filtered out; experts breaking a hard constraint
    never take one of the first ``params.protected_top`` places while a compliant expert is
    left for it, and below those compete with a penalty (see ``matching.constraints``).
    """
    kept = [p for p in pool if constraints.is_suggestable(p.expert)]
    if signals is not None and len(kept) != len(pool):
        raise ValueError("signals were computed for a pool that holds unsuggestable experts")
    pool = kept
    if not pool:
        return []
    if signals is None:
        hub = hubness(pool, reference, params.hubness_k) if params.hubness else None
        signals = compute_signals(challenge, pool, embedder, lexical=bool(params.lex), vectors=vectors, hub=hub)
    fused = fuse(signals, params)
    evidence_of = signals.get("evidence")
    if evidence_of is None:
        relevance = fuse(signals, RELEVANCE_PARAMS)
        evidence_of = evidence.pool_evidence(pool, signals.get("vectors") or vectors, relevance)
    suggestions = []
    for i, p in enumerate(pool):
        checks = constraints.check(p.expert, challenge)
        score = float(fused[i])
        if any(not c.ok and not c.hard for c in checks):
            score -= params.soft_hours_penalty
        found = evidence_of[i]
        # The share of wanted skills the explanation shows as covered counts in the score, so
        # the order never contradicts what the explanations say (3 of 3 above 0 of 2).
        if found:
            score += params.coverage * sum(e.covered for e in found) / len(found)
        raw = {name: float(signals[name][i]) for name in SIGNALS}
        suggestions.append(Suggestion(p.expert, score, raw, checks, found))
    suggestions = order(suggestions, params.protected_top)
    for position, suggestion in enumerate(suggestions, start=1):
        suggestion.rank = position
    return suggestions[:top] if top else suggestions
