"""Django side of matching: embed saved profiles and challenges, keep the indexes, rank, explain.

Requests never load the model: ranking uses the vectors stored in ``Embedding`` rows, which
Celery tasks fill off the request path after a save (``matching.signals``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from matching import explain, ranking
from matching.embedding import default_embedder, model_location, text_hash
from matching.index import ElasticsearchIndex, NumpyIndex, VectorIndex
from matching.models import Embedding, IndexBuildRun

logger = logging.getLogger(__name__)

_indexes: dict[str, NumpyIndex] = {}
_index_mtimes: dict[str, float] = {}


# --- records in the engine's schema -------------------------------------------------------


def expert_record(profile) -> dict:
    """Return an expert profile as a dict in the eval schema (plus visibility and consent)."""
    return {
        "id": str(profile.pk),
        "name": profile.name,
        "country": profile.country,
        "city_ties": list(profile.city_ties or []),
        "languages": list(profile.languages or []),
        "hours_per_month": profile.hours_per_month or 0,
        "can_travel_to_lithuania": profile.can_travel_to_lithuania,
        "headline": profile.headline or "",
        "cv": profile.cv_text or "",
        "help_topics": list(profile.competencies or []) + list(profile.help_topics or []),
        "notable": profile.notable,
        "visibility": profile.visibility,
        "consent": profile.consent_given_at is not None,
    }


def challenge_record(challenge) -> dict:
    """Return a challenge as a dict in the eval schema."""
    return {
        "id": str(challenge.pk),
        "municipality": str(challenge.municipality) if challenge.municipality_id else "",
        "kind": challenge.kind,
        "title": challenge.title,
        "description": challenge.description or "",
        "languages_required": list(challenge.languages_required or []),
        "hours_needed_per_month": challenge.hours_needed_per_month or 0,
        "in_person": challenge.in_person,
        "skills_wanted": list(challenge.skills_wanted or []),
    }


# --- indexes ------------------------------------------------------------------------------


def index_dir() -> Path:
    """Return the folder of the persisted numpy indexes."""
    return Path(getattr(settings, "MATCHING_INDEX_DIR", None) or Path(settings.PRIVATE_MEDIA_ROOT) / "matching")


def numpy_index(kind: str) -> NumpyIndex:
    """Return the process's numpy index for ``kind``, reloading it when another process saved it."""
    directory = index_dir()
    key = f"{directory}:{kind}"
    index = _indexes.get(key)
    if index is None:
        index = _indexes[key] = NumpyIndex(directory, name=kind)
    ids_file = directory / f"{kind}.ids.json"
    mtime = ids_file.stat().st_mtime_ns if ids_file.exists() else 0
    if _index_mtimes.get(key) != mtime:
        index.load() if mtime else index.clear(save=False)
        _index_mtimes[key] = mtime
    return index


def _remember_save(kind: str) -> None:
    """Record our own save so the next access does not reload needlessly."""
    directory = index_dir()
    ids_file = directory / f"{kind}.ids.json"
    _index_mtimes[f"{directory}:{kind}"] = ids_file.stat().st_mtime_ns if ids_file.exists() else 0


def indexes(kind: str) -> list[VectorIndex]:
    """Return every index that holds ``kind`` vectors: numpy always, Elasticsearch when configured."""
    found: list[VectorIndex] = [numpy_index(kind)]
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if url:
        prefix = getattr(settings, "MATCHING_ES_INDEX_PREFIX", "miestai-matching")
        found.append(ElasticsearchIndex(url, name=f"{prefix}-{kind}"))
    return found


def _upsert(kind: str, object_id: int, vector: np.ndarray) -> None:
    """Write one vector to every index."""
    for index in indexes(kind):
        try:
            index.upsert([str(object_id)], vector[None, :])
        except Exception:  # an unreachable Elasticsearch must not lose the numpy update
            logger.exception("matching: could not update the %s index %r", kind, index)
    _remember_save(kind)


def _remove(kind: str, object_ids: list[int]) -> None:
    """Remove vectors from every index."""
    for index in indexes(kind):
        try:
            index.remove([str(i) for i in object_ids])
        except Exception:
            logger.exception("matching: could not remove from the %s index %r", kind, index)
    _remember_save(kind)


# --- embedding ----------------------------------------------------------------------------


def _store(kind: str, object_id: int, digest: str, vector, sentences, sentence_vectors) -> None:
    """Save the Embedding row and the index entry for one object."""
    Embedding.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={
            "content_hash": digest,
            "model_name": model_location(),
            "vector": np.asarray(vector, np.float32).tobytes(),
            "sentences": sentences,
            "sentence_vectors": np.asarray(sentence_vectors, np.float32).tobytes(),
        },
    )
    _upsert(kind, object_id, np.asarray(vector, np.float32))


def _digest(*parts) -> str:
    """Return the content hash of the embedded texts and the model that embeds them."""
    return text_hash("\x1f".join([model_location(), *parts]))


def embed_expert(profile_id: int, force: bool = False) -> bool:
    """Embed one expert profile unless its text is unchanged; return whether it was embedded."""
    from experts.models import ExpertProfile

    profile = ExpertProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        remove_expert(profile_id)
        return False
    record = expert_record(profile)
    sentences = ranking.expert_sentences(record)
    digest = _digest(ranking.expert_text(record), *sentences)
    existing = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id=profile_id).first()
    if existing and existing.content_hash == digest and not force:
        if str(profile_id) not in numpy_index("expert"):
            _upsert("expert", profile_id, existing.doc_vector())
        return False
    prepared = ranking.prepare_experts([record], default_embedder())[0]
    _store(Embedding.Kind.EXPERT, profile_id, digest, prepared.doc_vec, sentences, prepared.sent_vecs)
    return True


def embed_challenge(challenge_id: int, force: bool = False) -> bool:
    """Embed one challenge (text and wanted skills) unless unchanged; return whether it was embedded."""
    from challenges.models import Challenge

    challenge = Challenge.objects.filter(pk=challenge_id).first()
    if challenge is None:
        remove_challenge(challenge_id)
        return False
    record = challenge_record(challenge)
    skills = ranking.challenge_skills(record)
    digest = _digest(ranking.challenge_text(record), *skills)
    existing = Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id=challenge_id).first()
    if existing and existing.content_hash == digest and not force:
        return False
    vectors = ranking.prepare_challenge(record, default_embedder())
    _store(Embedding.Kind.CHALLENGE, challenge_id, digest, vectors.qvec, skills, vectors.kvecs)
    return True


def remove_expert(profile_id: int) -> None:
    """Remove an expert's vectors from the database and every index (erasure, deletion)."""
    Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id=profile_id).delete()
    _remove("expert", [profile_id])


def remove_challenge(challenge_id: int) -> None:
    """Remove a challenge's vectors from the database and every index."""
    Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id=challenge_id).delete()
    _remove("challenge", [challenge_id])


def rebuild_index(force: bool = False, run: IndexBuildRun | None = None, progress=None) -> IndexBuildRun:
    """Embed every profile and challenge (unchanged ones are skipped unless ``force``), tracking progress."""
    from challenges.models import Challenge
    from experts.models import ExpertProfile

    expert_ids = list(ExpertProfile.objects.order_by("pk").values_list("pk", flat=True))
    challenge_ids = list(Challenge.objects.order_by("pk").values_list("pk", flat=True))
    run = run or IndexBuildRun.objects.create()
    run.total, run.done, run.embedded, run.status = len(expert_ids) + len(challenge_ids), 0, 0, run.Status.RUNNING
    run.save()
    try:
        # Vectors of objects that no longer exist are dropped first.
        for kind, ids in (("expert", expert_ids), ("challenge", challenge_ids)):
            stale = Embedding.objects.filter(kind=kind).exclude(object_id__in=ids)
            stale_ids = list(stale.values_list("object_id", flat=True))
            stale.delete()
            extra = set(numpy_index(kind).ids()) - {str(i) for i in ids}
            if stale_ids or extra:
                _remove(kind, stale_ids + [int(i) for i in extra])
        jobs = [(embed_expert, pk) for pk in expert_ids] + [(embed_challenge, pk) for pk in challenge_ids]
        for position, (job, pk) in enumerate(jobs, start=1):
            run.embedded += int(job(pk, force=force))
            run.done = position
            if position % 10 == 0 or position == len(jobs):
                IndexBuildRun.objects.filter(pk=run.pk).update(done=run.done, embedded=run.embedded)
            if progress:
                progress(1)
        run.status = run.Status.DONE
    except Exception as exc:
        run.status, run.message = run.Status.FAILED, repr(exc)
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run


# --- ranking ------------------------------------------------------------------------------


def _prepared(rows: list[Embedding], records: dict[str, dict]) -> list[ranking.PreparedExpert]:
    """Return PreparedExperts built from stored Embedding rows."""
    return [
        ranking.PreparedExpert(
            records[str(row.object_id)], row.doc_vector(), list(row.sentences), row.sentence_matrix()
        )
        for row in rows
        if str(row.object_id) in records
    ]


def challenge_vectors(challenge) -> ranking.ChallengeVectors | None:
    """Return the stored vectors of a challenge, or None when not embedded yet."""
    row = Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id=challenge.pk).first()
    if row is None:
        return None
    return ranking.ChallengeVectors(row.doc_vector(), list(row.sentences), row.sentence_matrix())


@dataclass
class MatchResult:
    """Suggestions for a challenge plus what was left out and why."""

    suggestions: list
    also_relevant: list
    pending: int
    ready: bool


def suggestions_for_challenge(challenge, user=None, top: int = 10) -> MatchResult:
    """Rank suggestable experts that ``user`` may see; constraint breakers come back separately."""
    from experts.models import ExpertProfile

    vectors = challenge_vectors(challenge)
    profiles = ExpertProfile.objects.suggestable()
    if user is not None:
        profiles = profiles.visible_to(user)
    records = {str(p.pk): expert_record(p) for p in profiles}
    if vectors is None:
        return MatchResult([], [], len(records), False)
    rows = list(Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=[int(i) for i in records]))
    pool = _prepared(rows, records)
    limit = int(getattr(settings, "MATCHING_CANDIDATES", 300))
    if len(pool) > limit:
        # Large pools: keep the nearest candidates by dense score from the index, then rerank.
        near = {i for i, _ in numpy_index("expert").search(vectors.qvec, k=limit, allowed=set(records))}
        pool = [p for p in pool if p.id in near]
    ranked = ranking.rank(challenge_record(challenge), pool, vectors=vectors)
    good = [s for s in ranked if not s.violations]
    weak = [s for s in ranked if s.violations]
    return MatchResult(good[:top], weak[: max(0, top // 2)], len(records) - len(pool), True)


def recommendations_for_expert(profile, top: int = 5) -> list:
    """Return open challenges for an expert, best first, as suggestions whose ``challenge`` is set.

    The expert is ranked inside each challenge's pool of suggestable experts (lexical signal
    off, so no model and no TF-IDF fit on the request path): the fused score says how much
    they stand out for that challenge, which makes scores comparable across challenges.
    """
    from dataclasses import replace

    from challenges.models import Challenge
    from experts.models import ExpertProfile

    if not Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id=profile.pk).exists():
        return []
    records = {str(p.pk): expert_record(p) for p in ExpertProfile.objects.suggestable()}
    mine = expert_record(profile)
    # The expert asks for their own recommendations, so their own visibility does not filter.
    records[mine["id"]] = {**mine, "visibility": "public", "consent": True}
    rows = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=[int(i) for i in records])
    pool = _prepared(list(rows), records)
    params = replace(ranking.DEFAULT_PARAMS, lex=0.0)
    challenges = {c.pk: c for c in Challenge.objects.open().select_related("municipality")}
    out = []
    for crow in Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id__in=list(challenges)):
        challenge = challenges[crow.object_id]
        vectors = ranking.ChallengeVectors(crow.doc_vector(), list(crow.sentences), crow.sentence_matrix())
        ranked = ranking.rank(challenge_record(challenge), pool, params=params, vectors=vectors)
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
    vectors = challenge_vectors(challenge)
    row = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id=profile.pk).first()
    if vectors is None or row is None:
        reasons.append("not_embedded")
        return WhyNot(None, reasons, None, 0, top)
    profiles = ExpertProfile.objects.suggestable()
    if user is not None:
        profiles = profiles.visible_to(user)
    records = {str(p.pk): expert_record(p) for p in profiles}
    mine = expert_record(profile)
    # Rank the expert as if they were suggestable, to show where they would land and why.
    records[mine["id"]] = {**mine, "visibility": "public", "consent": True}
    rows = list(Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=[int(i) for i in records]))
    ranked = ranking.rank(challenge_record(challenge), _prepared(rows, records), vectors=vectors)
    suggestion = next(s for s in ranked if s.id == mine["id"])
    suggestion.expert = mine
    if suggestion.violations:
        reasons.append("constraints")
    if suggestion.rank > top:
        reasons.append("ranked_below")
    return WhyNot(suggestion, reasons, suggestion.rank, len(ranked), top)


def schedule_embedding(kind: str, object_id: int) -> None:
    """Queue the embedding task once the current transaction commits."""
    if not getattr(settings, "MATCHING_AUTO_EMBED", True):
        return
    from matching import tasks

    task = tasks.embed_expert if kind == "expert" else tasks.embed_challenge

    def send():
        # A failing embedding (eager mode) or an unreachable broker must never break the save.
        try:
            task.delay(object_id)
        except Exception:
            logger.exception("matching: could not embed %s %s", kind, object_id)

    transaction.on_commit(send)
