"""Django side of matching: embed saved profiles and challenges, rank, explain.

Requests never load the model: ranking uses the vectors stored in ``Embedding`` rows
(``matching.vectors``), which the Celery worker (or, without a broker, the background thread
of ``matching.worker``) fills after a save; query-time encoding goes there too, with a timeout.
"""

from __future__ import annotations

import copy
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from matching import explain, ranking, vectors, worker
from matching.embedding import default_embedder, model_location, text_hash
from matching.models import Embedding, IndexBuildRun

logger = logging.getLogger(__name__)


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


# --- embedding (in the Celery worker, or the embedded default's background thread) ---------


def _digest(*parts) -> str:
    """Return the content hash of the embedded texts and the model that embeds them."""
    return text_hash("\x1f".join([model_location(), *parts]))


def _expert_digest(record: dict) -> str:
    """Return the content hash of an expert record's profile text and evidence sentences."""
    return _digest(ranking.expert_text(record), *ranking.expert_sentences(record))


def _expert_fields(prepared: ranking.PreparedExpert) -> dict:
    """Return the Embedding field values of one prepared expert."""
    return {
        "model_name": model_location(),
        "vector": np.asarray(prepared.doc_vec, np.float32).tobytes(),
        "sentences": list(prepared.sentences),
        "sentence_vectors": np.asarray(prepared.sent_vecs, np.float32).tobytes(),
    }


def _write_experts(prepared: list[ranking.PreparedExpert], digests: dict[int, str]) -> int:
    """Store prepared experts whose profile still exists, consents and says what was embedded.

    The profile rows are locked inside the write transaction, so an erasure either happens
    before (no vector is written: the row is gone) or waits for the commit and then deletes the
    vector with the profile. A profile edited while it was encoded is skipped here: the task of
    that later save embeds the new text.
    """
    from experts.models import ExpertProfile

    ids = [int(p.id) for p in prepared]
    with transaction.atomic():
        locked = {p.pk: p for p in ExpertProfile.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
        keep, drop = {}, []
        for item in prepared:
            profile = locked.get(int(item.id))
            if profile is None or profile.consent_given_at is None:
                drop.append(int(item.id))
            elif _expert_digest(expert_record(profile)) == digests[int(item.id)]:
                keep[int(item.id)] = {"content_hash": digests[int(item.id)], **_expert_fields(item)}
        if drop:
            vectors.delete(Embedding.Kind.EXPERT, drop)
        if len(keep) == 1:
            ((object_id, fields),) = keep.items()
            vectors.save(Embedding.Kind.EXPERT, object_id, **fields)
        elif keep:
            vectors.save_many(Embedding.Kind.EXPERT, keep)
    return len(keep)


def embed_experts(profile_ids, force: bool = False, batch_size: int | None = None, progress=None) -> int:
    """Embed many experts, batching the encoder across them (profiles and CV sentences); return how many.

    Unchanged profiles are skipped unless ``force``; profiles without consent lose their vectors.
    ``progress`` is called with the number of profiles done after each batch.
    """
    from experts.models import ExpertProfile

    batch_size = batch_size or int(getattr(settings, "MATCHING_EMBED_BATCH", 64))
    profile_ids = list(dict.fromkeys(int(i) for i in profile_ids))
    embedded = 0
    for start in range(0, len(profile_ids), batch_size):
        chunk = profile_ids[start : start + batch_size]
        profiles = {p.pk: p for p in ExpertProfile.objects.filter(pk__in=chunk)}
        gone = [i for i in chunk if i not in profiles or profiles[i].consent_given_at is None]
        if gone:
            remove_experts(gone)
        hashes = dict(
            Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id__in=list(profiles)).values_list(
                "object_id", "content_hash"
            )
        )
        records, digests = [], {}
        for pk in chunk:
            profile = profiles.get(pk)
            if profile is None or profile.consent_given_at is None:
                continue
            record = expert_record(profile)
            digests[pk] = _expert_digest(record)
            if force or hashes.get(pk) != digests[pk]:
                records.append(record)
        if records:
            embedded += _write_experts(ranking.prepare_experts(records, default_embedder()), digests)
        if progress:
            progress(len(chunk))
    return embedded


def embed_experts_with_progress(profile_ids, force: bool = False) -> int:
    """Embed many experts with a tqdm progress bar on a terminal (imports, rebuilds)."""
    from tqdm import tqdm

    with tqdm(total=len(profile_ids), unit="expert", desc="embedding", disable=None) as bar:
        return embed_experts(profile_ids, force=force, progress=bar.update)


def embed_expert(profile_id: int, force: bool = False) -> bool:
    """Embed one expert profile unless its text is unchanged; return whether it was embedded."""
    return bool(embed_experts([profile_id], force=force))


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
    prepared = ranking.prepare_challenge(record, default_embedder())
    with transaction.atomic():
        if not Challenge.objects.select_for_update().filter(pk=challenge_id).exists():
            return False
        vectors.save(
            Embedding.Kind.CHALLENGE,
            challenge_id,
            content_hash=digest,
            model_name=model_location(),
            vector=np.asarray(prepared.qvec, np.float32).tobytes(),
            sentences=list(skills),
            sentence_vectors=np.asarray(prepared.kvecs, np.float32).tobytes(),
        )
    return True


def embedding_pending(profile) -> bool:
    """Return True while a consenting profile's current text is not embedded yet ("being processed")."""
    if profile.pk is None or profile.consent_given_at is None:
        return False
    stored = Embedding.objects.filter(kind=Embedding.Kind.EXPERT, object_id=profile.pk).values_list(
        "content_hash", flat=True
    )
    return stored.first() != _expert_digest(expert_record(profile))


def remove_experts(profile_ids) -> None:
    """Remove experts' vectors and CV sentences (erasure, deletion, withdrawn consent)."""
    profile_ids = [int(i) for i in profile_ids]
    if vectors.delete(Embedding.Kind.EXPERT, profile_ids):
        transaction.on_commit(lambda: _announce_removed(profile_ids))


def _announce_removed(profile_ids) -> None:
    from matching.signals import expert_vectors_removed

    expert_vectors_removed.send(sender=Embedding, profile_ids=profile_ids)


def remove_expert(profile_id: int) -> None:
    """Remove one expert's vectors."""
    remove_experts([profile_id])


def remove_challenge(challenge_id: int) -> None:
    """Remove a challenge's vectors."""
    vectors.delete(Embedding.Kind.CHALLENGE, [challenge_id])


def rebuild_index(force: bool = False, run: IndexBuildRun | None = None, progress=None) -> IndexBuildRun:
    """Embed every profile and challenge (unchanged ones are skipped unless ``force``), tracking progress."""
    from challenges.models import Challenge
    from experts.models import ExpertProfile

    expert_ids = list(ExpertProfile.objects.order_by("pk").values_list("pk", flat=True))
    challenge_ids = list(Challenge.objects.order_by("pk").values_list("pk", flat=True))
    run = run or IndexBuildRun.objects.create()
    run.total, run.done, run.embedded, run.status = len(expert_ids) + len(challenge_ids), 0, 0, run.Status.RUNNING
    run.save()

    def advance(count):
        run.done += count
        IndexBuildRun.objects.filter(pk=run.pk).update(done=run.done, embedded=run.embedded)
        if progress:
            progress(count)

    try:
        # Vectors of objects that no longer exist are dropped first.
        for kind, ids in (("expert", expert_ids), ("challenge", challenge_ids)):
            stale = list(
                Embedding.objects.filter(kind=kind).exclude(object_id__in=ids).values_list("object_id", flat=True)
            )
            if stale:
                vectors.delete(kind, stale)
        run.embedded += embed_experts(expert_ids, force=force, progress=advance)
        for pk in challenge_ids:
            run.embedded += int(embed_challenge(pk, force=force))
            advance(1)
        run.status = run.Status.DONE
    except Exception as exc:
        run.status, run.message = run.Status.FAILED, repr(exc)
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run


# --- query-time encoding (never in the web process) -----------------------------------------


def encode_texts(texts: list[str], query: bool = True) -> list[list[float]]:
    """Encode texts here (the worker's side of ``encode_remote``)."""
    embedder = default_embedder()
    found = embedder.queries(texts) if query else embedder.passages(texts)
    return found.tolist()


def encode_remote(texts: list[str], query: bool = True, timeout: float | None = None) -> np.ndarray | None:
    """Encode texts in the embedding process, waiting at most ``timeout`` s; None when it does not answer.

    Callers fall back to lexical search on None: a web request never loads the model.
    """
    timeout = float(getattr(settings, "MATCHING_QUERY_TIMEOUT", 2.0) if timeout is None else timeout)
    try:
        if worker.local_mode():
            result = worker.local_worker().submit(encode_texts, list(texts), query).result(timeout=timeout)
        else:
            from config.celery import app

            pending = app.send_task("matching.tasks.encode_texts", (list(texts), query), expires=timeout)
            result = pending.get(timeout=timeout, disable_sync_subtasks=False)
    except Exception as exc:  # timeout, no worker, no broker, no model: the caller goes lexical
        logger.info("matching: query encoding unavailable (%s)", exc.__class__.__name__)
        return None
    return np.asarray(result, dtype=np.float32)


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
    # No ORDER BY (``first()`` would add one, and SQLite then scans the table by primary key).
    row = next(iter(Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE, object_id=challenge.pk)[:1]), None)
    if row is None:
        return None
    found = ranking.ChallengeVectors(row.doc_vector(), list(row.sentences), row.sentence_matrix())
    found.digest = f"{row.content_hash}:{row.updated_at.isoformat()}"
    return found


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


def _candidates(qvec, profiles) -> list[int]:
    """Return the ids of the nearest embedded experts among ``profiles`` (the pool that is reranked)."""
    return vectors.candidate_ids(
        Embedding.Kind.EXPERT, qvec, int(getattr(settings, "MATCHING_CANDIDATES", 300)), profiles
    )


RECORD_FIELDS = (
    "id", "name", "country", "city_ties", "languages", "hours_per_month", "can_travel_to_lithuania", "headline",
    "cv_text", "competencies", "help_topics", "notable", "visibility", "consent_given_at",
)  # fmt: skip


def _records(profiles, ids) -> dict[str, dict]:
    """Return {id: record} for the profiles among ``ids``, read as plain values (no model instances)."""
    found = profiles.filter(pk__in=list(ids)).values(*RECORD_FIELDS)
    return {str(v["id"]): expert_record(SimpleNamespace(pk=v["id"], **v)) for v in found}


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


def _rank_cached(challenge, challenge_vecs, profiles) -> list:
    """Rank a challenge's candidate pool, reusing the answer while no candidate, vector or the challenge changed.

    The key holds the challenge's vector version and record, and each candidate's id, profile
    ``updated_at`` and vector version, so a warm page reads only the candidates' versions.
    """
    versions: dict = {}
    limit = int(getattr(settings, "MATCHING_CANDIDATES", 300))
    ids = vectors.candidate_ids(Embedding.Kind.EXPERT, challenge_vecs.qvec, limit, profiles, versions)
    record = challenge_record(challenge)
    key = text_hash(json.dumps([challenge_vecs.digest, record, sorted(versions.items())], default=str))
    if key not in _ranked:
        _ranked[key] = ranking.rank(record, _pool(ids, _records(profiles, ids)), vectors=challenge_vecs)
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
    ranked = _rank_cached(challenge, challenge_vecs, profiles)
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
    out = []
    for crow in crows:
        challenge = challenges[crow.object_id]
        challenge_vecs = ranking.ChallengeVectors(crow.doc_vector(), list(crow.sentences), crow.sentence_matrix())
        pool = [prepared[i] for i in sorted(pools[crow.object_id]) if i in prepared]
        ranked = ranking.rank(challenge_record(challenge), pool, params=params, vectors=challenge_vecs)
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
    ids = set(_candidates(challenge_vecs.qvec, profiles)) | {profile.pk}
    records = {str(p.pk): expert_record(p) for p in profiles.filter(pk__in=ids)}
    mine = expert_record(profile)
    # Rank the expert as if they were suggestable, to show where they would land and why.
    records[mine["id"]] = {**mine, "visibility": "public", "consent": True}
    ranked = ranking.rank(challenge_record(challenge), _pool(ids, records), vectors=challenge_vecs)
    suggestion = next(s for s in ranked if s.id == mine["id"])
    suggestion.expert = mine
    if suggestion.violations:
        reasons.append("constraints")
    if suggestion.rank > top:
        reasons.append("ranked_below")
    return WhyNot(suggestion, reasons, suggestion.rank, len(ranked), top)


def schedule_embedding(kind: str, object_id: int) -> None:
    """Queue the embedding once the current transaction commits (never run in the request)."""
    if not getattr(settings, "MATCHING_AUTO_EMBED", True):
        return
    task = "matching.tasks.embed_expert" if kind == "expert" else "matching.tasks.embed_challenge"
    if worker.local_mode():
        # No broker: the background thread embeds, so the save returns at once.
        job = embed_expert if kind == "expert" else embed_challenge
        transaction.on_commit(lambda: worker.local_worker().submit(job, object_id))
        return
    from common.outbox import enqueue

    # Recorded with the save: an unreachable broker never breaks it, and the work is not lost.
    enqueue(task, object_id)


def schedule_bulk_embedding(profile_ids) -> None:
    """Queue one batched embedding of many experts (an import) once the transaction commits."""
    if not getattr(settings, "MATCHING_AUTO_EMBED", True) or not profile_ids:
        return
    profile_ids = [int(i) for i in profile_ids]
    if worker.local_mode():
        transaction.on_commit(lambda: worker.local_worker().submit(embed_experts_with_progress, profile_ids))
        return
    from common.outbox import enqueue

    enqueue("matching.tasks.embed_experts", profile_ids)  # by name: services never import their tasks
