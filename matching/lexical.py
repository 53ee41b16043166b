"""Char n-gram TF-IDF of a query against a pool, with the pool's n-grams counted once.

``ranking.lexical_scores`` fits scikit-learn's ``TfidfVectorizer`` (``char_wb`` 3–5-grams,
sublinear tf, smooth idf, l2 rows) on the pool's texts plus the query and returns the
cosine of each text with the query. Cutting the pool's texts into n-grams is most of that
work and is the same for every challenge, so ``PoolNgrams`` does it once and then computes,
per query, the exact same figures (the query only changes the document frequency of its own
n-grams and the number of documents); they agree with the refit to float rounding.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict

import numpy as np

NGRAMS = {"analyzer": "char_wb", "ngram_range": (3, 5), "lowercase": True}


class PoolNgrams:
    """The pool side of the TF-IDF: sublinear n-gram counts and document frequencies."""

    def __init__(self, docs: list[str]):
        from sklearn.feature_extraction.text import CountVectorizer

        vectorizer = CountVectorizer(**NGRAMS, dtype=np.float64)
        counts = vectorizer.fit_transform(docs).tocsc() if docs else None
        self.analyse = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_ if docs else {}
        self.size = len(docs)
        if counts is None:
            return
        counts.data = np.log(counts.data) + 1.0  # sublinear tf, as TfidfVectorizer does
        self.tf = counts
        self.df = np.diff(counts.indptr)  # documents holding each n-gram (CSC: entries per column)
        # With the query the fit has size + 1 documents; n-grams the query lacks keep this idf.
        self.idf = self._idf(self.df)
        self.norm_sq = np.asarray(counts.multiply(counts) @ (self.idf**2)).ravel()

    def _idf(self, df: np.ndarray) -> np.ndarray:
        """Return smooth idf over the pool and the query (``size + 1`` documents)."""
        return np.log((2.0 + self.size) / (1.0 + df)) + 1.0

    def scores(self, query: str) -> np.ndarray:
        """Return the TF-IDF cosine of the query with every pool text (as a refit would)."""
        if not self.size:
            return np.zeros(0, np.float32)
        grams = Counter(self.analyse(query))
        known = [(self.vocabulary[g], c) for g, c in grams.items() if g in self.vocabulary]
        unknown = np.array([c for g, c in grams.items() if g not in self.vocabulary], np.float64)
        cols = np.array([j for j, _ in known], np.int64)
        qtf = np.log(np.array([c for _, c in known], np.float64)) + 1.0
        idf_q = self._idf(self.df[cols] + 1.0)  # the query holds these n-grams too
        idf_new = self._idf(np.ones(1))[0]  # n-grams only the query has
        q_sq = ((qtf * idf_q) ** 2).sum() + (((np.log(unknown) + 1.0) * idf_new) ** 2).sum()
        q_norm = float(np.sqrt(q_sq))
        if not len(cols) or q_norm == 0:
            return np.zeros(self.size, np.float32)
        part = self.tf[:, cols]
        dot = np.asarray(part @ (qtf * idf_q**2)).ravel()
        norm_sq = self.norm_sq + np.asarray(part.multiply(part) @ (idf_q**2 - self.idf[cols] ** 2)).ravel()
        norms = np.sqrt(np.maximum(norm_sq, 0.0))
        out = np.divide(dot, norms * q_norm, out=np.zeros(self.size), where=norms > 0)
        return out.astype(np.float32)


_pools: OrderedDict[tuple[str, ...], PoolNgrams] = OrderedDict()
_lock = threading.Lock()
POOLS_KEPT = 4


def pool_ngrams(docs: list[str]) -> PoolNgrams:
    """Return the counted n-grams of these texts, reusing the last few pools' counts."""
    key = tuple(docs)
    with _lock:
        found = _pools.get(key)
        if found is not None:
            _pools.move_to_end(key)
            return found
    found = PoolNgrams(list(docs))
    with _lock:
        _pools[key] = found
        while len(_pools) > POOLS_KEPT:
            _pools.popitem(last=False)
    return found
