"""Experts as the ranker reads them: the profile vector (passages when long) and one vector per evidence unit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matching.text import expert_sentences, expert_text, split_sentences


@dataclass
class PreparedExpert:
    """An expert with the vectors the ranker needs (storable between requests)."""

    expert: dict
    doc_vec: np.ndarray
    sentences: list[str]
    sent_vecs: np.ndarray

    @property
    def id(self) -> str:
        """Return the expert id."""
        return str(self.expert["id"])


LONG_PROFILE_WORDS = 180
PASSAGE_WORDS = 90


def profile_passages(expert: dict) -> list[str]:
    """Return the profile text, plus passages of whole sentences when it is long.

    e5 reads at most 512 tokens, and a 300-word CV in Norwegian or Polish is past that: what
    comes after the cut would never count. Long profiles are also read as passages of about
    ``PASSAGE_WORDS`` words; profiles up to ``LONG_PROFILE_WORDS`` words stay one text.
    """
    text = expert_text(expert)
    if len(text.split()) <= LONG_PROFILE_WORDS:
        return [text]
    passages, current = [], []
    for sentence in [expert.get("headline", "")] + split_sentences(expert.get("cv", "")):
        current.append(sentence)
        if sum(len(s.split()) for s in current) >= PASSAGE_WORDS:
            passages.append(" ".join(current))
            current = []
    if current:
        passages.append(" ".join(current))
    return [text] + passages


def _profile_vectors(experts: list[dict], embedder) -> np.ndarray:
    """Return one profile vector per expert: the normalised mean of its passages' vectors."""
    groups = [profile_passages(e) for e in experts]
    flat = embedder.passages([t for g in groups for t in g])
    out, pos = [], 0
    for group in groups:
        vec = flat[pos : pos + len(group)].mean(axis=0)
        out.append(vec / (np.linalg.norm(vec) or 1.0))
        pos += len(group)
    return np.asarray(out, np.float32).reshape(len(experts), -1) if out else flat


def prepare_experts(experts: list[dict], embedder) -> list[PreparedExpert]:
    """Embed the profile text (in passages when long) and every evidence sentence of each expert."""
    docs = _profile_vectors(experts, embedder)
    sentences = [expert_sentences(e) for e in experts]
    flat = [s for group in sentences for s in group]
    # Evidence sentences are compared with short skill phrases: a symmetric task, so e5's
    # guidance is ``query: `` on both sides (it finds the right sentence across languages
    # where ``passage: `` picks generic ones).
    flat_vecs = embedder.queries(flat) if flat else np.zeros((0, docs.shape[1] if len(docs) else 384), np.float32)
    out, pos = [], 0
    for expert, doc, group in zip(experts, docs, sentences, strict=True):
        out.append(PreparedExpert(expert, doc, group, flat_vecs[pos : pos + len(group)]))
        pos += len(group)
    return out
