"""The pool's n-grams counted once give the same TF-IDF cosines as refitting per query."""

from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from matching import lexical, metrics, ranking

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def _refit(query, docs):
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
    matrix = vectorizer.fit_transform(docs + [query])
    return np.asarray((matrix[:-1] @ matrix[-1].T).toarray()).ravel()


def test_counted_once_equals_a_refit_per_query():
    docs = [ranking.expert_text(e) for e in metrics.read_jsonl(DEV / "experts.jsonl")]
    queries = [ranking.challenge_text(c) for c in metrics.read_jsonl(DEV / "challenges.jsonl")]
    pool = lexical.pool_ngrams(docs)
    for query in queries[:6] + ["Vandentiekis", "zzzz qqqq", ""]:
        np.testing.assert_allclose(pool.scores(query), _refit(query, docs) if query else 0.0, atol=1e-6)
    assert lexical.pool_ngrams(list(docs)) is pool  # the same texts reuse the counts


def test_small_and_empty_pools():
    assert lexical.PoolNgrams([]).scores("vanduo").shape == (0,)
    docs = ["ab", "water mains", "mains"]
    np.testing.assert_allclose(lexical.PoolNgrams(docs).scores("mains water"), _refit("mains water", docs), atol=1e-6)
