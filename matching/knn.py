"""Candidate pools from Elasticsearch kNN at scale (``ELASTICSEARCH_URL``), filtered there by consent and visibility.

The vectors live in search's expert documents (written on ``matching.signals.expert_embedded``);
this module only asks for the nearest ids. The database stays the judge: ``vectors.candidate_ids``
still filters the ids through the viewer's queryset and the rankers read the rows from the database.
"""

from __future__ import annotations

import logging

from elasticsearch_dsl import Q, Search

logger = logging.getLogger(__name__)

# What ``ExpertProfile.objects.suggestable()`` may hold: consented profiles that are not hidden.
SUGGESTABLE_LEVELS = ("public", "staff")
MAX_K = 10_000  # Elasticsearch's bound on k and num_candidates


def enabled() -> bool:
    """Return True when a deployment configured Elasticsearch, so pools come from its kNN."""
    from search import elastic

    return elastic.enabled()


def pool_search(index: str, vector, k: int, levels=SUGGESTABLE_LEVELS) -> Search:
    """Return the Search for the ``k`` nearest consenting experts whose visibility is one of ``levels``."""
    k = min(int(k), MAX_K)
    allowed = Q("bool", filter=[Q("term", consented=True), Q("terms", visibility=sorted(levels))])
    return (
        Search(index=index)
        .knn(
            field="embedding",
            k=k,
            num_candidates=min(max(2 * k, 100), MAX_K),
            query_vector=[float(value) for value in vector],
            filter=allowed.to_dict(),
        )
        .source(False)
        .extra(size=k)
    )


def nearest_ids(vector, k: int, levels=SUGGESTABLE_LEVELS) -> list[int] | None:
    """Return up to ``k`` nearest expert ids from Elasticsearch, best first; None when it does not answer."""
    from search import documents, elastic

    try:
        response = elastic.execute(pool_search(documents.experts_alias(), vector, k, levels))
    except elastic.ElasticUnavailable as exc:
        logger.warning("matching: Elasticsearch kNN unavailable, the local index gives the pool (%s)", exc)
        return None
    return [int(hit.meta.id) for hit in response]
