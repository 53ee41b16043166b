"""Query-time encoding (semantic search, similar ideas) in the embedding process, never in a web request."""

from __future__ import annotations

import logging

import numpy as np
from django.conf import settings

from matching import worker
from matching.embedding import default_embedder

logger = logging.getLogger(__name__)


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
