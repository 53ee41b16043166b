"""Celery tasks: thin, idempotent wrappers over matching.indexing and matching.query_encoding."""

from celery import shared_task

from matching import indexing, query_encoding


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def embed_expert(profile_id, force=False):
    """Embed one expert profile (skipped when its text is unchanged)."""
    return indexing.embed_expert(profile_id, force=force)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def embed_experts(profile_ids, force=False):
    """Embed many expert profiles in encoder batches (an import)."""
    return indexing.embed_experts_with_progress(profile_ids, force=force)


@shared_task
def encode_texts(texts, query=True):
    """Encode query-time texts for a web request that waits a short while for the answer."""
    return query_encoding.encode_texts(texts, query=query)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def embed_challenge(challenge_id, force=False):
    """Embed one challenge (skipped when its text is unchanged)."""
    return indexing.embed_challenge(challenge_id, force=force)


@shared_task
def remove_expert(profile_id):
    """Drop an expert's vectors from every index."""
    indexing.remove_expert(profile_id)


@shared_task
def rebuild_index(run_id=None, force=False):
    """Re-embed everything, recording progress on the given IndexBuildRun."""
    from matching.models import IndexBuildRun

    run = IndexBuildRun.objects.filter(pk=run_id).first() if run_id else None
    return indexing.rebuild_index(force=force, run=run).pk
