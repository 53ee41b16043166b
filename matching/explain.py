"""Explanations of a match: which wanted skills the profile evidences, and which constraints hold.

One implementation serves ``python -m matching explain``, the ranking (``Suggestion.evidence``)
and every page (challenge matches, why-not, the expert's recommendations). ``explain`` is pure:
plain dicts in the eval schema in, a plain dict out, no Django; the pages pass Django's
``gettext`` for the sentences.

For every wanted skill the evidence unit (headline, CV sentence or help topic, always
verbatim) is the one closest to the skill phrase (e5 ``query: `` on both sides, plus the
cross-language offset the ranking uses). Whether that counts as real evidence is a logistic
model over three features (see ``FEATURES``):

- ``relevance``: how far the expert stands out for this challenge among the candidates: the
  ranking's fused z-score without the lexical signal (``ranking.RELEVANCE_PARAMS``). A traffic
  engineer's best "water" sentence is still no evidence of water supply; sentence similarity
  alone scores most pairs 0.80–0.90 and separates poorly (dev AUC 0.65, absolute profile
  cosine 0.78, this z-score 0.88). The command and the pages therefore explain a pair inside
  the same kind of pool: every expert of ``--experts``, or the candidates the page ranks.
- ``lexical``: the share of the skill's word stems (Lithuanian and English Snowball stems,
  diacritics stripped, five-letter prefixes, so "infrastruktūros investicijų" meets
  "infrastructure investment") found in one unit of the profile.
- ``specificity``: how much closer the evidence unit is to this skill than to the challenge's
  other skills (a generic sentence near every skill proves none of them).

A competency or help topic that holds every stem of the skill ("nuotėkių mažinimas" for
"nuotėkių mažinimo") always counts, with that topic as the evidence.

The weights and the threshold were fitted on the dev labels with challenge-grouped folds and
checked on a split (``python -m matching explain-eval --fit``); see ``matching/README.md``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Logistic weights over FEATURES and the probability a skill needs to count as covered.
FEATURES = ("relevance", "lexical", "specificity")
WEIGHTS = {"relevance": 0.66, "lexical": 1.04, "specificity": 16.96}
BIAS = -2.91
THRESHOLD = 0.5
LANGUAGE_OFFSET = 0.04

_STOP = frozenset(
    "ir yra kad su iš is i į per bei prie ar kaip ir arba jų the and of in to a for with at on as an from by or "
    "und der die das für mit og i av for med och att för på och w z na do dla и в на с для".split()
)
_WORD = re.compile(r"\w+")


def _identity(text: str) -> str:
    """Return the text unchanged (no translation)."""
    return text


def _fold(text: str) -> str:
    """Return text lower-cased with diacritics removed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=2)
def _stemmers():
    """Return the Snowball stemmers used for stem keys (Lithuanian and English)."""
    import snowballstemmer

    return snowballstemmer.stemmer("lithuanian"), snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem_keys(text: str) -> frozenset[str]:
    """Return the five-letter stem prefixes of a text's content words (language-neutral keys)."""
    keys = set()
    for word in _WORD.findall(text.lower()):
        if len(word) <= 2 or word in _STOP or word.isdigit():
            continue
        for stemmer in _stemmers():
            stem = _fold(stemmer.stemWord(word))
            if len(stem) >= 4:
                keys.add(stem[:5])
    return frozenset(keys)


def lexical_overlap(skill: str, unit: str) -> float:
    """Return the share of the skill's stem keys that occur in the unit."""
    wanted = stem_keys(skill)
    return len(wanted & stem_keys(unit)) / len(wanted) if wanted else 0.0


@dataclass
class SkillEvidence:
    """The best evidence unit for one wanted skill and whether it counts as covering it."""

    skill: str
    sentence: str
    score: float
    covered: bool


def _sigmoid(value: float) -> float:
    """Return the logistic function of ``value``."""
    return 1.0 / (1.0 + math.exp(-value))


def skill_features(
    challenge: dict, prepared, vectors, relevance: float = 0.0
) -> tuple[list[str], list[int], np.ndarray]:
    """Return (skills, best unit index per skill, features skills × FEATURES) for one pair.

    ``prepared`` is a ``ranking.PreparedExpert`` (profile vector, units, unit vectors),
    ``vectors`` a ``ranking.ChallengeVectors`` (challenge vector, skills, skill vectors) and
    ``relevance`` the expert's z-score in the ranked pool (0 for a pair on its own).
    """
    from matching import ranking

    skills, units = list(vectors.skills), list(prepared.sentences)
    features = np.zeros((len(skills), len(FEATURES)), np.float64)
    if not skills:
        return skills, [], features
    features[:, 0] = relevance
    if not units:
        return skills, [-1] * len(skills), features
    raw = vectors.kvecs @ prepared.sent_vecs.T  # skills × units
    skill_shares = np.array([ranking.lithuanian_share(k) for k in skills])
    unit_shares = np.array([ranking.lithuanian_share(u) for u in units])
    best = (raw + LANGUAGE_OFFSET * np.abs(skill_shares[:, None] - unit_shares[None, :])).argmax(axis=1)
    for k, skill in enumerate(skills):
        j = int(best[k])
        others = np.delete(raw[:, j], k)
        features[k, 1] = max(lexical_overlap(skill, unit) for unit in units)
        features[k, 2] = float(raw[k, j] - others.max()) if len(others) else 0.0
    return skills, [int(j) for j in best], features


def skill_evidence(challenge: dict, prepared, vectors, relevance: float = 0.0) -> list[SkillEvidence]:
    """Return one SkillEvidence per wanted skill of the challenge for this profile."""
    skills, best, features = skill_features(challenge, prepared, vectors, relevance)
    weights = np.array([WEIGHTS[name] for name in FEATURES])
    topics = [t for t in prepared.expert.get("help_topics") or [] if t in prepared.sentences]
    out = []
    for k, skill in enumerate(skills):
        probability = _sigmoid(float(features[k] @ weights + BIAS))
        sentence = prepared.sentences[best[k]] if best[k] >= 0 else ""
        declared = next((t for t in topics if stem_keys(skill) and stem_keys(skill) <= stem_keys(t)), None)
        if declared is not None:
            # The expert lists the skill itself (same stems, any word form) as a competency or
            # help topic: that topic is the evidence.
            out.append(SkillEvidence(skill, declared, max(probability, THRESHOLD), True))
            continue
        out.append(SkillEvidence(skill, sentence, probability, bool(sentence) and probability >= THRESHOLD))
    return out


# --- sentences -----------------------------------------------------------------------------


def constraint_lines(checks, gettext=_identity) -> list[dict]:
    """Return ``{"name", "ok", "text"}`` for every hard constraint (hours say when only partly met)."""
    _ = gettext
    by_code = {c.code: c for c in checks}
    lines = []
    for result in checks:
        if not result.hard:
            continue
        p = result.params
        if result.code == "languages":
            if not p["required"]:
                text = _("No particular language is required.")
            elif result.ok:
                text = _("Speaks every required language: %(langs)s.") % {"langs": ", ".join(p["required"])}
            else:
                text = _("Does not speak a required language: %(langs)s.") % {"langs": ", ".join(p["missing"])}
        elif result.code == "hours":
            full = by_code.get("hours_full")
            if not result.ok:
                text = _("Can give only %(given)s hours a month, less than half of the %(needed)s needed.") % p
            elif full is not None and not full.ok:
                text = (
                    _(
                        "Can give %(given)s of the %(needed)s hours a month: at least half, so it may work, "
                        "but only as a partial commitment."
                    )
                    % p
                )
            elif p["needed"]:
                text = _("Can give %(given)s hours a month (%(needed)s needed).") % p
            else:
                text = _("No particular number of hours is asked.")
        elif result.code == "travel":
            if result.ok:
                text = _("Can travel to Lithuania, as this in-person challenge needs.")
            else:
                text = _("Cannot travel to Lithuania, but this challenge is in person.")
        else:
            text = result.code
        lines.append({"name": result.code, "ok": bool(result.ok), "text": text})
    return lines


def summary_line(covered: int, total: int, checks, gettext=_identity) -> str:
    """Return one sentence that agrees with the constraint lines and the skill lists."""
    _ = gettext
    failing = [c for c in checks if c.hard and not c.ok]
    partial = any(not c.ok and not c.hard for c in checks)
    skills = _("Covers %(covered)s of %(total)s wanted skills") % {"covered": covered, "total": total}
    if failing:
        return skills + "; " + _("a hard constraint fails, so this expert is listed after those who meet them all.")
    if partial:
        return skills + "; " + _("the hard constraints hold, but only part of the hours needed can be given.")
    return skills + "; " + _("every hard constraint holds.")


def build(challenge_id, expert_id, evidence: list[SkillEvidence], checks, gettext=_identity) -> dict:
    """Return the explanation dict from computed evidence and constraint results."""
    covered = [{"skill": e.skill, "evidence": e.sentence} for e in evidence if e.covered]
    return {
        "challenge_id": challenge_id,
        "expert_id": expert_id,
        "covered": covered,
        "missing": [e.skill for e in evidence if not e.covered],
        "constraints": constraint_lines(checks, gettext),
        "summary": summary_line(len(covered), len(evidence), checks, gettext),
    }


def explain(challenge: dict, expert: dict, embedder=None, *, pool=None, vectors=None, gettext=_identity) -> dict:
    """Return the explanation of one (challenge, expert) pair; pure, no Django.

    ``pool`` holds the candidates the expert is ranked among (``ranking.PreparedExpert``
    objects or expert dicts; the expert is added when missing); ``vectors`` the challenge's
    stored ``ranking.ChallengeVectors``. Whatever is missing ``embedder`` computes.
    """
    return explain_many(challenge, [expert], embedder, pool=pool, vectors=vectors, gettext=gettext)[0]


def explain_many(challenge: dict, experts: list[dict], embedder=None, *, pool=None, vectors=None, gettext=_identity):
    """Return the explanations of several experts for one challenge, ranked in one pool."""
    from matching import ranking

    pool = list(pool or [])
    raw = [p for p in pool if not isinstance(p, ranking.PreparedExpert)]
    prepared = [p for p in pool if isinstance(p, ranking.PreparedExpert)]
    known = {p.id for p in prepared} | {str(e["id"]) for e in raw}
    raw += [e for e in experts if str(e["id"]) not in known]
    if raw:
        prepared += ranking.prepare_experts(raw, embedder)
    if vectors is None:
        vectors = ranking.prepare_challenge(challenge, embedder)
    # The experts explained are ranked even when not suggestable (the why-not page and an
    # expert's own recommendations do the same); the rest of the pool is filtered as usual.
    targets = {str(e["id"]) for e in experts}
    visible = [
        ranking.PreparedExpert({**p.expert, "visibility": "public", "consent": True}, p.doc_vec, p.sentences,
                               p.sent_vecs) if p.id in targets else p
        for p in prepared
    ]  # fmt: skip
    ranked = {s.id: s for s in ranking.rank(challenge, visible, embedder, vectors=vectors)}
    out = []
    for expert in experts:
        suggestion = ranked[str(expert["id"])]
        out.append(build(challenge.get("id"), expert.get("id"), suggestion.evidence, suggestion.constraints, gettext))
    return out


def for_suggestion(suggestion, challenge_id=None) -> dict:
    """Return the explanation of a ranked suggestion in the active language (for the pages)."""
    from django.utils.translation import gettext

    return build(challenge_id, suggestion.id, suggestion.evidence, suggestion.constraints, gettext)


def why_not_lines(result) -> list[str]:
    """Return the reasons of a why-not check as sentences."""
    from django.utils.translation import gettext as _

    texts = {
        "no_consent": _("The expert has not given consent to be suggested, so matching never shows them."),
        "hidden": _("The expert hid their profile, so matching never shows them."),
        "not_visible_to_you": _("This profile is visible to approved municipality staff only."),
        "not_embedded": _("The profile or the challenge has not been processed yet; try again in a minute."),
        "constraints": _("A hard constraint fails, so the expert is listed after everyone who meets them all."),
    }
    lines = [texts[r] for r in result.reasons if r in texts]
    if "ranked_below" in result.reasons:
        lines.append(
            _("Ranked %(rank)s of %(total)s; only the first %(shown)s are suggested.")
            % {"rank": result.rank, "total": result.pool_size, "shown": result.shown}
        )
    elif result.rank is not None and not result.reasons:
        lines.append(
            _("The expert is suggested: ranked %(rank)s of %(total)s.")
            % {"rank": result.rank, "total": result.pool_size}
        )
    return lines
