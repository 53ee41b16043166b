"""Per-skill evidence: which unit of a profile proves a wanted skill, and whether it really does.

For every wanted skill and expert the evidence unit (headline, CV sentence or help topic,
always verbatim) is the one most *about* that skill. Its similarity to the skill (e5
``query: `` on both sides) is standardised over every unit of the pool in the same language
group (Lithuanian or not, so an English sentence is compared with English sentences); the
*margin* is that z-score minus the unit's z-score for the challenge's best competing skill,
and the unit chosen maximises z-score plus min(margin, 0). A sentence close to every skill of the
challenge, or sharing a head word with a neighbouring skill, has a small margin. Whether the
unit counts is a logistic model (``evidence_model.json``) over ``FEATURES``:

- ``relevance``: the expert's standing among the candidates (the ranking's fused dense
  z-score, ``ranking.RELEVANCE_PARAMS``), clipped to [-2, 6] (a very strong expert does not
  cover every skill for it);
- ``margin``: the margin of the evidence unit;
- ``lexical``: the share of the skill's word stems (``text.stem_keys``) found in the evidence
  unit (the one shown: stems elsewhere in the profile do not make that unit proof);
- ``similarity``: the unit's plain cosine to the skill (fitted negative: of units equally close
  under the metric, the ones plain cosine already put close are short topics naming a
  neighbouring skill);
- ``standing``: the unit's z-score for the skill.

The z-scores and margins compare skill and unit through the evidence metric, a linear map
learned on ESCO alone (``matching.evidence_metric``), which sets a skill apart from its
neighbours better than the concept space does.

A CV fragment of fewer than ``MIN_CV_UNIT_WORDS`` words that shares no word stem with the
challenge's wanted skills ("Born in Šiauliai;", "2021 m.": ``text.split_sentences`` also
splits on ";") is about no skill and is never chosen as evidence; headline and help topics,
short by nature, always can be. The ranking's sentence signals still read every unit.

A competency or help topic that holds every stem of the skill always counts, with that topic
as the evidence. The coefficients were fitted on the dev labels and checked with 5-fold
cross-validation over challenges (``python -m matching explain-eval --fit``; see
``matching/README.md``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from matching.embedding import stored_evidence_metric
from matching.evidence_metric import apply as apply_metric
from matching.text import lexical_overlap, lithuanian_share, stem_keys

MODEL_FILE = Path(__file__).with_name("evidence_model.json")
FEATURES = ("relevance", "margin", "lexical", "similarity", "standing")
RELEVANCE_CLIP = (-2.0, 6.0)
# A language group needs this many units of the pool to be standardised on its own;
# smaller groups (and small pools) use the statistics of all units.
MIN_GROUP_UNITS = 30
# A CV fragment shorter than this, sharing no stem with a wanted skill, carries no content.
MIN_CV_UNIT_WORDS = 5


@dataclass
class SkillEvidence:
    """The best evidence unit for one wanted skill and whether it counts as covering it."""

    skill: str
    sentence: str
    score: float
    covered: bool


@cache
def model() -> dict:
    """Return the shipped logistic coefficients (``weights``, ``bias``, ``threshold``)."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def _standardise(sims: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Return skill × unit similarities standardised per skill within each language group."""
    out = np.zeros_like(sims, dtype=np.float64)
    whole = (sims.mean(axis=1, keepdims=True), sims.std(axis=1, keepdims=True) + 1e-6)
    for group in (groups, ~groups):
        if not group.any():
            continue
        part = sims[:, group]
        mean, std = (part.mean(axis=1, keepdims=True), part.std(axis=1, keepdims=True) + 1e-6)
        if group.sum() < MIN_GROUP_UNITS:
            mean, std = whole
        out[:, group] = (part - mean) / std
    return out


def evidence_candidates(prepared, skill_keys: frozenset[str]) -> np.ndarray:
    """Return which units of a prepared expert may be evidence (not a short CV fragment about nothing).

    ``skill_keys`` are the stem keys of every wanted skill of the challenge: a short CV
    fragment naming one of them ("nuotėkių mažinimas.") stays a candidate.
    """
    expert = prepared.expert
    others = {(t or "").strip() for t in expert.get("help_topics") or []} | {(expert.get("headline") or "").strip()}
    return np.array(
        [
            unit in others or len(unit.split()) >= MIN_CV_UNIT_WORDS or bool(stem_keys(unit) & skill_keys)
            for unit in prepared.sentences
        ],
        bool,
    )


def pool_features(pool, vectors, relevance, metric=None) -> list[tuple[list[int], np.ndarray]]:
    """Return per expert of ``pool`` (best unit index per skill, features skills × FEATURES).

    ``pool`` holds ``ranking.PreparedExpert`` objects, ``vectors`` the challenge's
    ``ranking.ChallengeVectors`` and ``relevance`` each expert's fused z-score in the pool.
    Skill and unit vectors are compared through the evidence metric (``matching.evidence_metric``):
    ``metric``, by default the stored one of the configured vector space (none for vectors
    of another size, such as hand-made ones).
    """
    skills = list(vectors.skills)
    sizes = [len(p.sentences) for p in pool]
    if not skills:
        return [([], np.zeros((0, len(FEATURES)))) for _ in pool]
    if metric is None:
        metric = stored_evidence_metric()
        if metric is not None and metric.shape[0] != vectors.kvecs.shape[-1]:
            metric = None
    units = [u for p in pool for u in p.sentences]
    if units:
        unit_vectors = np.vstack([p.sent_vecs for p in pool if len(p.sentences)])
        sims = apply_metric(vectors.kvecs, metric) @ apply_metric(unit_vectors, metric).T
        plain = vectors.kvecs @ unit_vectors.T
        z = _standardise(sims, np.array([lithuanian_share(u) > 0.5 for u in units]))
    skill_keys = frozenset().union(*(stem_keys(skill) for skill in skills))
    out, start = [], 0
    for i, p in enumerate(pool):
        features = np.zeros((len(skills), len(FEATURES)))
        features[:, 0] = np.clip(float(relevance[i]), *RELEVANCE_CLIP)
        if not sizes[i]:
            out.append(([-1] * len(skills), features))
            continue
        mine, cosines = z[:, start : start + sizes[i]], plain[:, start : start + sizes[i]]
        start += sizes[i]
        candidate = evidence_candidates(p, skill_keys)
        if not candidate.any():
            candidate[:] = True
        best = []
        for k, skill in enumerate(skills):
            rivals = np.delete(mine, k, axis=0)
            margin = mine[k] - (rivals.max(axis=0) if len(rivals) else 0.0)
            # Close to the skill and not closer to a rival one. Being far from the rivals earns
            # nothing: a unit far from every skill ("I play basketball.") has a margin too.
            j = int(np.where(candidate, mine[k] + np.minimum(margin, 0.0), -np.inf).argmax())
            best.append(j)
            features[k, 1] = float(margin[j])
            features[k, 2] = lexical_overlap(skill, p.sentences[j])
            features[k, 3] = float(cosines[k, j])
            features[k, 4] = float(mine[k, j])
        out.append((best, features))
    return out


def _sigmoid(value: float) -> float:
    """Return the logistic function of ``value``."""
    return 1.0 / (1.0 + math.exp(-value))


def decide(skill: str, prepared, best: int, features: np.ndarray) -> SkillEvidence:
    """Return the evidence of one skill from its features (a declared competency always counts)."""
    coef = model()
    weights = np.array([coef["weights"][name] for name in FEATURES])
    probability = _sigmoid(float(features @ weights + coef["bias"]))
    keys = stem_keys(skill)
    topics = [t for t in prepared.expert.get("help_topics") or [] if t in prepared.sentences]
    declared = next((t for t in topics if keys and keys <= stem_keys(t)), None)
    if declared is not None:
        # The expert lists the skill itself (same stems, any word form) as a competency or
        # help topic: that topic is the evidence.
        return SkillEvidence(skill, declared, max(probability, coef["threshold"]), True)
    sentence = prepared.sentences[best] if best >= 0 else ""
    return SkillEvidence(skill, sentence, probability, bool(sentence) and probability >= coef["threshold"])


def pool_evidence(pool, vectors, relevance) -> list[list[SkillEvidence]]:
    """Return one SkillEvidence per wanted skill for every expert of the pool."""
    return [
        [decide(skill, p, best[k], features[k]) for k, skill in enumerate(vectors.skills)]
        for p, (best, features) in zip(pool, pool_features(pool, vectors, relevance), strict=True)
    ]
