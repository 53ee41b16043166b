"""Keep the stored vectors current: schedule, embed (batched, off the request path), remove, rebuild.

Requests never run this: a save schedules the embedding after commit, and the Celery worker (or,
without a broker, the background thread of ``matching.worker``) calls ``embed_experts`` /
``embed_challenge``, which write ``Embedding`` rows through ``matching.vectors``.
"""

from __future__ import annotations

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from matching import ranking, vectors, worker
from matching.embedding import default_embedder, text_hash, vector_space
from matching.models import Embedding, IndexBuildRun
from matching.records import challenge_record, expert_record


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


def _digest(*parts) -> str:
    """Return the content hash of the embedded texts and the model that embeds them."""
    return text_hash("\x1f".join([vector_space(), *parts]))


def _expert_digest(record: dict) -> str:
    """Return the content hash of an expert record's profile text and evidence sentences."""
    return _digest(ranking.expert_text(record), *ranking.expert_sentences(record))


def _expert_fields(prepared: ranking.PreparedExpert) -> dict:
    """Return the Embedding field values of one prepared expert."""
    return {
        "model_name": vector_space(),
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
            model_name=vector_space(),
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
