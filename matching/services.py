"""Suggestions for staff, recommendations for experts, and why an expert is (not) suggested.

Requests never load the model: ranking uses the vectors stored in ``Embedding`` rows
(``matching.vectors``), which ``matching.indexing`` fills off the request path. The index gives
a candidate pool first; only those profiles and rows are read from the database.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.conf import settings

from matching import explain, knn, ranking, vectors
from matching.embedding import text_hash
from matching.models import Embedding
from matching.records import challenge_record, expert_record, expert_records


def challenge_vectors(challenge) -> ranking.ChallengeVectors | None:
    """Return the stored vectors of a challenge, or None when not embedded yet."""
    # No ORDER BY (``first()`` would add one, and SQLite then scans the table by primary key).
    row = next(iter(Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id=challenge.pk)[:1]), None)
    if row is None:
        return None
    found = ranking.ChallengeVectors(row.doc_vector(), list(row.sentences), row.sentence_matrix())
    found.digest = f"{row.content_hash}:{row.updated_at.isoformat()}"
    return found


def reference_challenges() -> np.ndarray | None:
    """Return the vectors of every stored challenge: the reference set of the hubness correction.

    They come from this process's challenge index (kept current from the ``Embedding`` rows),
    the site's counterpart of the command's ``--challenges`` file (``ranking.hubness``).
    """
    index = vectors.current_index(Embedding.Kind.CHALLENGE)
    found = [index.get(i) for i in index.ids()]
    found = [v for v in found if v is not None]
    return np.stack(found) if found else None


@dataclass
class MatchResult:
    """Suggestions for a challenge plus what was left out and why."""

    suggestions: list
    also_relevant: list
    profiles: object = field(repr=False)  # the experts the viewer may be suggested
    ready: bool

    @cached_property
    def pending(self) -> int:
        """Return how many of those experts have no vector yet (counted only when shown)."""
        embedded = Embedding.objects.filter(kind=Embedding.Kind.EXPERT).values("object_id")
        return self.profiles.exclude(pk__in=embedded).count()


def _levels(user) -> tuple[str, ...]:
    """Return the visibility levels of suggestable experts that ``user`` may see (Elasticsearch's kNN filter)."""
    if user is None:
        return knn.SUGGESTABLE_LEVELS
    from accounts.viewer import as_viewer

    return tuple(level for level in as_viewer(user).expert_visibility_levels() if level in knn.SUGGESTABLE_LEVELS)


def _candidates(qvec, profiles, user=None, versions=None) -> list[int]:
    """Return the ids of the nearest embedded experts among ``profiles`` (the pool that is reranked)."""
    limit = int(getattr(settings, "MATCHING_CANDIDATES", 300))
    return vectors.candidate_ids(Embedding.Kind.EXPERT, qvec, limit, profiles, versions, _levels(user))


def _pool(ids, records: dict[str, dict]) -> list[ranking.PreparedExpert]:
    """Return PreparedExperts for ``ids`` from their rows (only those rows are read)."""
    found = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=[int(i) for i in ids])
    out = []
    for object_id, vector, sentences, flat in found.values_list("object_id", "vector", "sentences", "sentence_vectors"):
        record = records.get(str(object_id))
        if record is None:
            continue
        doc = np.frombuffer(bytes(vector), np.float32)
        sent = np.frombuffer(bytes(flat), np.float32).reshape(len(sentences), len(doc))
        out.append(ranking.PreparedExpert(record, doc, list(sentences), sent))
    return out


_ranked: OrderedDict[str, list] = OrderedDict()


def _rank_cached(challenge, challenge_vecs, profiles, user=None) -> list:
    """Rank a challenge's candidate pool, reusing the answer while no candidate, vector or the challenge changed.

    The key holds the challenge's vector version and record, and each candidate's id, profile
    ``updated_at`` and vector version, so a warm page reads only the candidates' versions.
    """
    versions: dict = {}
    ids = _candidates(challenge_vecs.qvec, profiles, user, versions)
    record = challenge_record(challenge)
    reference = reference_challenges()
    stored = hashlib.blake2b(reference.tobytes() if reference is not None else b"", digest_size=16).hexdigest()
    key = text_hash(json.dumps([challenge_vecs.digest, record, sorted(versions.items()), stored], default=str))
    if key not in _ranked:
        pool = _pool(ids, expert_records(profiles, ids))
        _ranked[key] = ranking.rank(record, pool, vectors=challenge_vecs, reference=reference)
        while len(_ranked) > 32:
            _ranked.popitem(last=False)
    _ranked.move_to_end(key)
    return [copy.copy(s) for s in _ranked[key]]


def suggestions_for_challenge(challenge, user=None, top: int = 10) -> MatchResult:
    """Rank the nearest suggestable experts that ``user`` may see; constraint breakers come back separately."""
    from experts.models import ExpertProfile

    challenge_vecs = challenge_vectors(challenge)
    profiles = ExpertProfile.objects.suggestable()
    if user is not None:
        profiles = profiles.visible_to(user)
    if challenge_vecs is None:
        return MatchResult([], [], profiles, False)
    ranked = _rank_cached(challenge, challenge_vecs, profiles, user)
    good = [s for s in ranked if not s.violations]
    weak = [s for s in ranked if s.violations]
    return MatchResult(good[:top], weak[: max(0, top // 2)], profiles, True)


def recommendations_for_expert(profile, top: int = 5) -> list:
    """Return open challenges for an expert, best first, as suggestions whose ``challenge`` is set.

    The expert is ranked inside each challenge's candidate pool of suggestable experts (lexical
    signal off, so no TF-IDF fit on the request path): the fused score says how much they stand
    out for that challenge, which makes scores comparable across challenges.
    """
    from dataclasses import replace

    from challenges.models import Challenge
    from experts.models import ExpertProfile

    if not vectors.is_embedded(Embedding.Kind.EXPERT, profile.pk):
        return []
    challenges = {c.pk: c for c in Challenge.objects.open().select_related("municipality")}
    crows = list(vectors.rows(Embedding.Kind.CHALLENGE, challenges).values())
    suggestable = ExpertProfile.objects.suggestable()
    pools = {crow.object_id: set(_candidates(crow.doc_vector(), suggestable)) | {profile.pk} for crow in crows}
    every = set().union(*pools.values()) if pools else set()
    records = {str(p.pk): expert_record(p) for p in ExpertProfile.objects.filter(pk__in=every)}
    mine = expert_record(profile)
    # The expert asks for their own recommendations, so their own visibility does not filter.
    records[mine["id"]] = {**mine, "visibility": "public", "consent": True}
    prepared = {int(p.id): p for p in _pool(every, records)}
    params = replace(ranking.DEFAULT_PARAMS, lex=0.0)
    reference = reference_challenges()
    out = []
    for crow in crows:
        challenge = challenges[crow.object_id]
        challenge_vecs = ranking.ChallengeVectors(crow.doc_vector(), list(crow.sentences), crow.sentence_matrix())
        pool = [prepared[i] for i in sorted(pools[crow.object_id]) if i in prepared]
        ranked = ranking.rank(
            challenge_record(challenge), pool, params=params, vectors=challenge_vecs, reference=reference
        )
        suggestion = next(s for s in ranked if s.id == mine["id"])
        suggestion.expert = mine
        suggestion.challenge = challenge
        suggestion.why = explain.for_suggestion(suggestion, str(challenge.pk))
        out.append(suggestion)
    out.sort(key=lambda s: (bool(s.violations), -s.score))
    return out[:top]


@dataclass
class WhyNot:
    """Why an expert is or is not among a challenge's suggestions."""

    suggestion: object | None
    reasons: list[str]
    rank: int | None
    pool_size: int
    shown: int


def why_not(challenge, profile, user=None, top: int = 10) -> WhyNot:
    """Explain the position of one expert for one challenge (hidden, constraints, rank, evidence)."""
    from experts.models import ExpertProfile

    reasons = []
    if profile.consent_given_at is None:
        reasons.append("no_consent")
    if profile.visibility == "hidden":
        reasons.append("hidden")
    if user is not None and not ExpertProfile.objects.visible_to(user).filter(pk=profile.pk).exists():
        reasons.append("not_visible_to_you")
    challenge_vecs = challenge_vectors(challenge)
    if challenge_vecs is None or not vectors.is_embedded(Embedding.Kind.EXPERT, profile.pk):
        reasons.append("not_embedded")
        return WhyNot(None, reasons, None, 0, top)
    profiles = ExpertProfile.objects.suggestable()
    if user is not None:
        profiles = profiles.visible_to(user)
    ids = set(_candidates(challenge_vecs.qvec, profiles, user)) | {profile.pk}
    records = {str(p.pk): expert_record(p) for p in profiles.filter(pk__in=ids)}
    mine = expert_record(profile)
    # Rank the expert as if they were suggestable, to show where they would land and why.
    records[mine["id"]] = {**mine, "visibility": "public", "consent": True}
    pool = _pool(ids, records)
    ranked = ranking.rank(challenge_record(challenge), pool, vectors=challenge_vecs, reference=reference_challenges())
    suggestion = next(s for s in ranked if s.id == mine["id"])
    suggestion.expert = mine
    if suggestion.violations:
        reasons.append("constraints")
    if suggestion.rank > top:
        reasons.append("ranked_below")
    return WhyNot(suggestion, reasons, suggestion.rank, len(ranked), top)
