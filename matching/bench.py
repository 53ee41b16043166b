"""Benchmarks, each a ratio against its floor measured in the same run (figures are noisy, ratios less so).

- encode: our Embedder vs plain ``SentenceTransformer.encode`` (alternated rounds).
- import: ``import_experts`` end to end (profiles written in bulk, batched embedding, bulk vector
  writes) vs one plain batched ``encode`` of the same texts; also the old per-expert path.
- suggest: ``suggestions_for_challenge`` at N synthetic experts (warm, p95) vs a raw NumPy top-10
  over the same vectors plus fetching those 10 profiles and vector rows.
- rss: a web worker that served requests (no model) and the embedding process (model loaded).
- rank: the rank command's path on a synthetic set of the held-out set's size class
  (``matching.bench_rank``), against the 60 s target of the whole command.

The Django parts run on a scratch database (SQLite file, tables made without migrations) unless
``--database-url`` names another scratch database; no broker, so the embedding thread is used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from matching import bench_rank, metrics, ranking
from matching.embedding import PASSAGE_PREFIX, QUERY_PREFIX, Embedder, get_model
from matching.index import NumpyIndex, normalise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "dev" / "experts.jsonl"


def _p(samples: list[float], q: int) -> float:
    return float(np.percentile(np.array(samples) * 1000, q))


def dev_experts(path: Path | None, count: int) -> list[dict]:
    """Return ``count`` distinct expert records: the dev set, then variants whose every text differs."""
    path = Path(path) if path else DEFAULT_TEXTS
    base = list(metrics.read_jsonl(path)) if path.exists() else []
    if not base:
        base = [{"id": "x", "name": "X", "country": "GB", "city_ties": [], "languages": ["lt"], "hours_per_month": 5,
                 "can_travel_to_lithuania": True, "headline": "Water engineer", "help_topics": ["water"],
                 "cv": "I plan water networks. I reduce leakage."}]  # fmt: skip
    out = []
    for i in range(count):
        record, k = dict(base[i % len(base)]), i // len(base)
        record["id"] = f"bench-{i}"
        if k:
            record["headline"] = f"{record['headline']} ({k})"
            record["cv"] = " ".join(f"{s.rstrip('.')} ({k})." for s in ranking.split_sentences(record["cv"]))
            record["help_topics"] = [f"{t} ({k})" for t in record.get("help_topics", [])]
        out.append(record)
    return out


def bench_encode(texts: list[str], rounds: int = 2, batch_size: int = 32) -> dict:
    """Return texts/s of our Embedder and of plain SentenceTransformer.encode, alternated."""
    model = get_model()
    model.encode(texts[:8], prompt=PASSAGE_PREFIX)  # warm-up
    ours, plain = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        model.encode(texts, prompt=PASSAGE_PREFIX, batch_size=batch_size, normalize_embeddings=True)
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        Embedder(model, batch_size=batch_size).passages(texts)  # a fresh memo: no cache hits
        ours.append(time.perf_counter() - start)
    return {"ours": len(texts) / min(ours), "plain": len(texts) / min(plain), "ratio": min(plain) / min(ours)}


def bench_index(size: int, queries: int = 100, dim: int = 384, seed: int = 0) -> dict:
    """Return p95 of NumpyIndex.search with an ``allowed`` filter vs a raw matmul + top-10, alternated."""
    rng = np.random.default_rng(seed)
    vectors = normalise(rng.standard_normal((size, dim)).astype(np.float32))
    index = NumpyIndex()
    index.upsert([str(i) for i in range(size)], vectors)
    allowed = {str(i) for i in range(0, size, 2)}
    ours, raw = [], []
    for q in normalise(rng.standard_normal((queries, dim)).astype(np.float32)):
        start = time.perf_counter()
        index.search(q, k=300, allowed=allowed)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        np.argpartition(-(vectors @ q), 10)[:10]
        raw.append(time.perf_counter() - start)
    return {"size": size, "p95": _p(ours, 95), "raw_p95": _p(raw, 95), "ratio": _p(ours, 95) / _p(raw, 95)}


# --- Django parts ---------------------------------------------------------------------------


def setup_django(database_url: str | None) -> str:
    """Configure Django on a scratch database with tables made from the models; return its URL."""
    sys.path.insert(0, str(ROOT / "platform"))
    scratch = database_url or f"sqlite:///{tempfile.mkdtemp(prefix='matching-bench-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = scratch
    os.environ["CELERY_BROKER_URL"] = os.environ["REDIS_URL"] = ""  # the embedding thread, no broker
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.conf import settings

    settings.MATCHING_INDEX_CHECK_SECONDS = 3600  # steady state: no writes while we measure
    django.setup()
    from django.apps import apps

    settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    return scratch


def _plain_floor(records: list[dict]) -> float:
    """Return seconds for plain batched encode of exactly the texts an import embeds."""
    model = get_model()
    docs = [PASSAGE_PREFIX + ranking.expert_text(r) for r in records]
    sentences = [QUERY_PREFIX + s for r in records for s in ranking.expert_sentences(r)]
    start = time.perf_counter()
    model.encode(docs, batch_size=32, normalize_embeddings=True)
    model.encode(sentences, batch_size=32, normalize_embeddings=True)
    return time.perf_counter() - start


def bench_import(count: int, per_expert: int, texts: Path | None = None) -> dict:
    """Return experts/s of the batched import, of plain encode, and of the old one-expert-per-task path."""
    from experts.importing import import_experts
    from experts.models import ExpertProfile
    from matching import embedding, indexing, worker
    from matching.models import Embedding

    records = dev_experts(texts, count)
    get_model().encode(["warm-up"])
    path = Path(tempfile.mkdtemp(prefix="matching-bench-")) / "experts.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    plain = [_plain_floor(records)]
    embedding._default_embedder = None  # no memoised vectors from earlier runs
    start = time.perf_counter()
    import_experts(path)
    worker.local_worker().join(timeout=None)
    ours = time.perf_counter() - start
    plain.append(_plain_floor(records))
    assert Embedding.objects.filter(kind="expert").count() == count, "the import did not embed every expert"
    # The old path: one task per saved profile, two encoder calls each.
    ids = list(ExpertProfile.objects.order_by("pk").values_list("pk", flat=True)[:per_expert])
    Embedding.objects.filter(object_id__in=ids).delete()
    embedding._default_embedder = None
    start = time.perf_counter()
    for pk in ids:
        indexing.embed_experts([pk])
    old = time.perf_counter() - start
    floor = float(np.mean(plain))
    return {"count": count, "ours": count / ours, "plain": count / floor, "ratio": ours / floor,
            "old": len(ids) / old}  # fmt: skip


def _synthetic_world(size: int, dim: int, seed: int = 0):
    """Create ``size`` consenting public experts with synthetic vectors and one open challenge."""
    from django.utils import timezone

    from challenges.models import Challenge, Municipality
    from experts.models import ExpertProfile
    from matching.models import Embedding

    rng = np.random.default_rng(seed)
    base = dev_experts(None, 67)
    ExpertProfile.objects.all().delete()
    Embedding.objects.all().delete()
    now = timezone.now()
    for start in range(0, size, 5000):
        n = min(5000, size - start)
        made = ExpertProfile.objects.bulk_create(
            [
                ExpertProfile(
                    name=f"Synthetic {start + i}",
                    headline=base[i % 67]["headline"],
                    cv_text=base[i % 67]["cv"],
                    languages=base[i % 67]["languages"],
                    hours_per_month=base[i % 67]["hours_per_month"],
                    can_travel_to_lithuania=True,
                    country="GB",
                    visibility="public",
                    consent_given_at=now,
                )  # fmt: skip
                for i in range(n)
            ]
        )
        docs = normalise(rng.standard_normal((n, dim)).astype(np.float32))
        sents = normalise(rng.standard_normal((n * 2, dim)).astype(np.float32))
        Embedding.objects.bulk_create(
            [
                Embedding(
                    kind="expert",
                    object_id=p.pk,
                    content_hash="synthetic",
                    model_name="synthetic",
                    vector=docs[i].tobytes(),
                    sentences=ranking.split_sentences(p.cv_text)[:2] or ["-", "-"],
                    sentence_vectors=sents[2 * i : 2 * i + 2].tobytes(),
                )  # fmt: skip
                for i, p in enumerate(made)
            ],
            batch_size=2000,
        )
    town = Municipality.objects.get_or_create(slug="bench", defaults={"name": "Bench", "city_name": "Bench"})[0]
    challenge = Challenge.objects.create(
        municipality=town, kind="expert_opinion", title="Water network renewal plan", status="open",
        description="Review the investment plan for water mains renewal and leakage reduction.",
        skills_wanted=["water mains renewal", "leakage reduction"], languages_required=["lt"],
        hours_needed_per_month=4,
    )  # fmt: skip
    qvec = normalise(rng.standard_normal(dim).astype(np.float32))[0]
    Embedding.objects.create(
        kind="challenge", object_id=challenge.pk, content_hash="synthetic", model_name="synthetic",
        vector=qvec.tobytes(), sentences=challenge.skills_wanted,
        sentence_vectors=normalise(rng.standard_normal((2, dim)).astype(np.float32)).tobytes(),
    )  # fmt: skip
    return challenge, qvec


def bench_suggest(size: int, rounds: int, dim: int = 384) -> dict:
    """Return p50/p95 of suggestions_for_challenge vs raw NumPy top-10 + fetching those 10 rows, alternated."""
    from django.conf import settings

    from experts.models import ExpertProfile
    from matching import services, vectors
    from matching.models import Embedding

    settings.MATCHING_AUTO_EMBED = False  # synthetic vectors: nothing to embed
    start = time.perf_counter()
    challenge, qvec = _synthetic_world(size, dim)
    built = time.perf_counter() - start
    matrix = np.vstack(
        [
            np.frombuffer(bytes(v), np.float32)
            for v in Embedding.objects.filter(kind="expert").values_list("vector", flat=True)
        ]
    )
    ids = np.array(Embedding.objects.filter(kind="expert").values_list("object_id", flat=True))
    services.suggestions_for_challenge(challenge)  # warm: the process's index loads once
    assert len(vectors.current_index("expert")) == size
    ours, raw = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        result = services.suggestions_for_challenge(challenge)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        top = ids[np.argpartition(-(matrix @ qvec), 10)[:10]].tolist()
        list(ExpertProfile.objects.filter(pk__in=top))
        list(Embedding.objects.filter(kind="expert", object_id__in=top))
        raw.append(time.perf_counter() - start)
    assert len(result.suggestions) + len(result.also_relevant) > 0
    cold = []
    for _ in range(max(3, rounds // 5)):  # a changed pool or challenge: the pool is reranked
        services._ranked.clear()
        start = time.perf_counter()
        services.suggestions_for_challenge(challenge)
        cold.append(time.perf_counter() - start)
    return {"cold_p50": _p(cold, 50), "size": size, "p50": _p(ours, 50), "p95": _p(ours, 95), "raw_p50": _p(raw, 50), "raw_p95": _p(raw, 95),
            "ratio": _p(ours, 95) / _p(raw, 95), "built_s": built}  # fmt: skip


RSS_WEB = """
import os, sys; sys.path.insert(0, {platform!r})
import django; django.setup()
from django.test import Client
from matching import embedding
c = Client(raise_request_exception=False)
for url in ("/en/", "/en/search/experts/?q=vanduo&semantic=on", "/en/experts/", "/en/search/?q=vanduo"):
    c.get(url)
assert not embedding.is_loaded(), "a request loaded the model"
print(int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024)
"""
RSS_EMBED = """
import sys; sys.path.insert(0, {platform!r})
from matching.embedding import default_embedder
default_embedder().passages(["Vandentiekio tinklų renovacija ir nuotėkių mažinimas ({{}}).".format(i) for i in range(64)])
print(int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024)
"""


def bench_rss() -> dict:
    """Return the resident MiB of a web worker after a few requests and of the embedding process."""
    out = {}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test")}
    # A web worker with a broker (memory:// has no worker: queries time out and go lexical, as they should).
    envs = {"web": {**env, "CELERY_BROKER_URL": "memory://", "MATCHING_QUERY_TIMEOUT": "0.5"}, "embedding": env}
    for name, script in (("web", RSS_WEB), ("embedding", RSS_EMBED)):
        done = subprocess.run(
            [sys.executable, "-c", script.format(platform=str(ROOT / "platform"))],
            capture_output=True, text=True, env=envs[name], cwd=ROOT, timeout=300,
        )  # fmt: skip
        lines = done.stdout.strip().splitlines()
        out[name] = int(lines[-1]) if done.returncode == 0 and lines else f"failed: {done.stderr.strip()[-300:]}"
    return out


def run(args) -> None:
    """Print every benchmark with its ratio and target."""
    quick = args.quick
    parts = set((args.only or "encode,import,suggest,rss,rank").split(","))
    if "encode" in parts:
        texts = [ranking.expert_text(r) for r in dev_experts(args.texts, 64 if quick else 300)]
        enc = bench_encode(texts)
        print(f"encode: {len(texts)} texts, ours {enc['ours']:.1f} texts/s, plain SentenceTransformer.encode "
              f"{enc['plain']:.1f} texts/s, ratio {enc['ratio']:.2f}x (target >= 0.9x)")  # fmt: skip
        for size in (2000,) if quick else (10000, 100000):
            r = bench_index(size, 30 if quick else args.queries)
            print(f"index {size:>7}: search(k=300, allowed=half) p95 {r['p95']:.2f} ms; raw matmul+top-10 "
                  f"p95 {r['raw_p95']:.2f} ms; ratio {r['ratio']:.2f}x")  # fmt: skip
    if parts & {"import", "suggest"}:
        print(f"database: {setup_django(args.database_url)}")
    if "import" in parts:
        count = args.import_count or (32 if quick else 200)
        r = bench_import(count, 8 if quick else 32, args.texts)
        print(f"import: {count} experts, {r['ours']:.1f} experts/s end to end (batched); plain batched encode of the "
              f"same texts {r['plain']:.1f} experts/s; time ratio {r['ratio']:.2f}x (target <= 1.5x); "
              f"old one-expert-per-task path {r['old']:.1f} experts/s")  # fmt: skip
    if "suggest" in parts:
        for size in (int(s) for s in (args.sizes or ("2000" if quick else "10000,100000")).split(",")):
            r = bench_suggest(size, 10 if quick else 30)
            print(f"suggest {size:>7} experts: p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms; raw NumPy top-10 + "
                  f"10 rows p50 {r['raw_p50']:.1f} ms, p95 {r['raw_p95']:.1f} ms; p95 ratio {r['ratio']:.1f}x "
                  f"(target <= 3x); cold (pool reranked) p50 {r['cold_p50']:.0f} ms; data built in {r['built_s']:.0f} s")  # fmt: skip
    if "rank" in parts:
        bench_rank.report(quick, args.write_set)
    if "rss" in parts:
        r = bench_rss()
        print(
            f"rss: web worker after requests {r['web']} MiB (model not loaded); embedding process {r['embedding']} MiB"
        )
