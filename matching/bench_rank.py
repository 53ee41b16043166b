"""The rank command's speed: a synthetic set of the held-out set's size class and the command's timed path.

``size_class_set``: ~160 experts with 150–450-word CVs × 32 challenges built from the dev sets;
``bench_rank``: cold (a fresh model load, timed on its own, and a fresh embedder), then ranking
every challenge and writing the run, against the 60 s target of the whole command.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from matching import metrics, ranking
from matching.embedding import Embedder, get_model

ROOT = Path(__file__).resolve().parents[1]
SIZE_CLASS_SOURCES = (ROOT.parent / "shared" / "eval" / "dev", ROOT / "eval" / "dev-multilingual")
RANK_TARGET_S = 60.0


def _words(text: str) -> int:
    return len(text.split())


def size_class_set(
    experts: int = 160, challenges: int = 32, sources=SIZE_CLASS_SOURCES, cv_words: tuple[int, int] = (150, 450)
) -> tuple[list[dict], list[dict]]:
    """Return experts and challenges of the held-out set's size class, built from the dev sets.

    The experts of every source whose CV already has ``cv_words`` words are kept; the rest are
    synthetic (ids ``s001``...): the profile of one expert with the CV and help topics of a
    second, different expert appended, so every text is new (no cache hits) and each CV stays
    within ``cv_words``; every one of its units carries its number (`` (12)``), so no sentence
    repeats another expert's either (a few tokens more per sentence). Challenges past the sources' are joins of two (ids ``cs01``...). The
    same arguments give the same set.
    """
    base_e = [e for folder in sources for e in metrics.read_jsonl(Path(folder) / "experts.jsonl")]
    base_c = [c for folder in sources for c in metrics.read_jsonl(Path(folder) / "challenges.jsonl")]
    low, high = cv_words
    out_e = [dict(e) for e in base_e if low <= _words(e["cv"]) <= high][:experts]
    n = len(base_e)
    pairs = ((i, (i * 7 + step) % n) for step in range(1, n) for i in range(n))
    for i, j in pairs:
        if len(out_e) >= experts:
            break
        a, b, k = base_e[i], base_e[j], len(out_e) + 1
        # Every unit gets the synthetic expert's number, so no sentence is a cache hit either.
        cv = " ".join(f"{s.rstrip('.')} ({k})." for s in ranking.split_sentences(f"{a['cv']} {b['cv']}"))
        if i == j or not low <= _words(cv) <= high:
            continue
        joined = dict(a, id=f"s{k:03d}", name=f"{a['name']} / {b['name']}", headline=f"{a['headline']} ({k})", cv=cv)
        topics = list(dict.fromkeys(list(a.get("help_topics") or []) + list(b.get("help_topics") or [])))
        joined["help_topics"] = [f"{t} ({k})" for t in topics]
        joined["languages"] = list(dict.fromkeys(list(a["languages"]) + list(b["languages"])))
        out_e.append(joined)
    out_c = [dict(c) for c in base_c][:challenges]
    m = len(base_c)
    for k in range(challenges - len(out_c)):
        a, b = base_c[k % m], base_c[(k * 5 + 3) % m]
        if a is b:
            b = base_c[(k * 5 + 4) % m]
        wanted = list(dict.fromkeys(list(a.get("skills_wanted") or []) + list(b.get("skills_wanted") or [])[:1]))
        out_c.append(dict(a, id=f"cs{k + 1:02d}", title=f"{a['title']}: {b['title']}",
                          description=f"{a['description']} {b['description']}", skills_wanted=wanted))  # fmt: skip
    return out_e, out_c


def bench_rank(experts: list[dict], challenges: list[dict], out: Path | None = None) -> dict:
    """Return seconds of the rank command's path: model load, then ``runs.rank_all`` + writing the run.

    Cold: the process's loaded models are dropped first, and the embedder is new (empty memo).
    """
    from matching import embedding, runs

    embedding._models.clear()
    cpu, start = time.process_time(), time.perf_counter()
    model = get_model()
    load = time.perf_counter() - start
    out = out or Path(tempfile.mkdtemp(prefix="matching-bench-")) / "run.tsv"
    start = time.perf_counter()
    runs = runs.rank_all(experts, challenges, embedder=Embedder(model))
    metrics.write_run(out, runs)
    ranked = time.perf_counter() - start
    return {"load_s": load, "rank_s": ranked, "total_s": load + ranked, "cpu_s": time.process_time() - cpu,
            "lines": sum(len(r) for r in runs.values()), "load_avg": os.getloadavg()[0]}  # fmt: skip


def report(quick: bool, write_set: str | None = None) -> None:
    """Print the rank part of ``python -m matching bench`` (and write the set to ``write_set`` if given)."""
    experts, challenges = size_class_set(*((40, 8) if quick else (160, 32)))
    if write_set:
        folder = Path(write_set)
        folder.mkdir(parents=True, exist_ok=True)
        for name, items in (("experts", experts), ("challenges", challenges)):
            (folder / f"{name}.jsonl").write_text(
                "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8"
            )
    r = bench_rank(experts, challenges)
    words = np.mean([len(e["cv"].split()) for e in experts])
    print(f"rank: {len(experts)} experts (CVs {words:.0f} words on average) x {len(challenges)} challenges: "
          f"model load {r['load_s']:.1f} s, rank_all + run file {r['rank_s']:.1f} s, total {r['total_s']:.1f} s "
          f"(target < {RANK_TARGET_S:.0f} s for the whole command); CPU {r['cpu_s']:.1f} s; "
          f"load average {r['load_avg']:.1f} on {os.cpu_count()} cores")  # fmt: skip
