"""Similar ideas for a draft: embeddings from matching's embedding process when it answers in time, else lexical."""

import logging
import time

from django.conf import settings

from common.translations import default_language_version

from ..models import Idea

logger = logging.getLogger(__name__)


def similar_ideas(call, title: str, summary: str, limit: int = 5, exclude_pk=None, user=None):
    """Return up to `limit` ideas of the call most similar to a draft title and summary, with scores.

    Only public (accepted) ideas are suggested, plus the user's own: unmoderated text stays private.
    """
    call = default_language_version(call)
    visible = (
        Idea.objects.for_call(call).visible_to(user) if user is not None else Idea.objects.for_call(call).accepted()
    )
    candidates = list(
        visible.exclude(status__in=[Idea.Status.REJECTED, Idea.Status.MERGED])
        .exclude(pk=exclude_pk)
        .only("pk", "title", "summary", "status")[:500]
    )
    query = f"{title}\n{summary}".strip()
    if not candidates or len(query) < 3:
        return []
    texts = [f"{idea.title}\n{idea.summary}" for idea in candidates]
    scores = None
    if getattr(settings, "IDEAS_SIMILARITY", "auto") in ("auto", "embeddings"):
        scores = _embedding_scores(query, texts)
        # Cosines in matching's concept space: unrelated short ideas sit around 0.55-0.76, ideas
        # about the same thing (in any two languages) above 0.8.
        threshold = getattr(settings, "IDEAS_EMBEDDING_THRESHOLD", 0.78)
    if scores is None:
        scores = _lexical_scores(query, texts)
        threshold = getattr(settings, "IDEAS_SIMILARITY_THRESHOLD", 0.2)
    ranked = sorted(zip(candidates, scores, strict=True), key=lambda pair: -pair[1])
    return [(idea, float(score)) for idea, score in ranked[:limit] if score >= threshold]


def _embedding_scores(query, texts):
    """Return cosine similarities encoded by matching's embedding process, or None (lexical then).

    Never encoded in this request: both encodings share one MATCHING_QUERY_TIMEOUT, so a slow or
    absent worker costs the request that long at most before the lexical fallback answers.
    """
    from matching.query_encoding import encode_remote

    budget = float(getattr(settings, "MATCHING_QUERY_TIMEOUT", 2.0))
    deadline = time.monotonic() + budget
    vectors = encode_remote(texts, query=False, timeout=budget)
    left = deadline - time.monotonic()
    q = encode_remote([query], query=True, timeout=left) if vectors is not None and left > 0 else None
    if q is None:
        logger.info("ideas: embeddings unavailable, using the lexical fallback")
        return None
    return list(vectors @ q[0])


def _lexical_scores(query, texts):
    """Return TF-IDF cosine similarities on character n-grams (robust to Lithuanian inflection)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
    matrix = vectorizer.fit_transform([*texts, query])
    return list(cosine_similarity(matrix[-1], matrix[:-1])[0])
