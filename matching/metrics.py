"""TREC run and qrels files, and the ranking metrics used to judge the engine."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path


def read_jsonl(path: Path | str) -> list[dict]:
    """Read one JSON object per non-empty line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_qrels(path: Path | str) -> dict[str, dict[str, int]]:
    """Read ``challenge expert grade`` lines (tabs or spaces; TREC 4-column also accepted)."""
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                continue
            if len(parts) == 4:
                parts = [parts[0], parts[2], parts[3]]
            qrels[parts[0]][parts[1]] = int(parts[2])
    return dict(qrels)


def write_run(path: Path | str, runs: dict[str, list[tuple[str, float]]], tag: str = "miestai") -> None:
    """Write ``challenge_id Q0 expert_id rank score tag`` lines."""
    with open(path, "w", encoding="utf-8") as handle:
        for qid, ranked in runs.items():
            for position, (doc, score) in enumerate(ranked, start=1):
                handle.write(f"{qid} Q0 {doc} {position} {score:.6f} {tag}\n")


def read_run(path: Path | str) -> dict[str, list[str]]:
    """Read a TREC run file into ranked expert ids per challenge (ordered by rank)."""
    rows: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 4:
                rows[parts[0]].append((int(parts[3]), parts[2]))
    return {qid: [doc for _, doc in sorted(items)] for qid, items in rows.items()}


def dcg(grades: list[int]) -> float:
    """Return DCG with gain 2^g - 1 and a log2(rank + 1) discount."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """Return nDCG@k of one ranking (0 when nothing is relevant)."""
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([judged.get(doc, 0) for doc in ranked[:k]]) / ideal


def precision_at(ranked: list[str], judged: dict[str, int], k: int = 5) -> float:
    """Return the share of the top k with grade ≥ 1."""
    return sum(1 for doc in ranked[:k] if judged.get(doc, 0) > 0) / k


def reciprocal_rank(ranked: list[str], judged: dict[str, int]) -> float:
    """Return 1 / rank of the first grade ≥ 1 expert."""
    for position, doc in enumerate(ranked, start=1):
        if judged.get(doc, 0) > 0:
            return 1.0 / position
    return 0.0


def recall_strong_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """Return the share of grade-2 experts found in the top k."""
    strong = {doc for doc, grade in judged.items() if grade >= 2}
    if not strong:
        return 0.0
    return len(strong & set(ranked[:k])) / len(strong)


def evaluate(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], violations=None) -> dict:
    """Return mean metrics over the judged challenges; ``violations(c, e)`` counts top-5 breaks."""
    qids = sorted(qrels)
    if not qids:
        return {}
    totals = {"ndcg@10": 0.0, "p@5": 0.0, "mrr": 0.0, "recall2@10": 0.0}
    broken = 0
    for qid in qids:
        ranked, judged = run.get(qid, []), qrels[qid]
        totals["ndcg@10"] += ndcg_at(ranked, judged)
        totals["p@5"] += precision_at(ranked, judged)
        totals["mrr"] += reciprocal_rank(ranked, judged)
        totals["recall2@10"] += recall_strong_at(ranked, judged)
        if violations is not None:
            broken += sum(1 for doc in ranked[:5] if violations(qid, doc))
    result = {name: value / len(qids) for name, value in totals.items()}
    result["violations@5"] = broken if violations is not None else None
    result["challenges"] = len(qids)
    return result


def read_skill_labels(path: Path | str) -> list[dict]:
    """Read ``skills.tsv`` (challenge_id, expert_id, skill, covered, evidence; header line first)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            parts = line.rstrip("\n").split("\t")
            if number == 0 and parts[0] == "challenge_id" or len(parts) < 4:
                continue
            rows.append(
                {
                    "challenge_id": parts[0],
                    "expert_id": parts[1],
                    "skill": parts[2],
                    "covered": parts[3].strip() == "1",
                    "evidence": parts[4] if len(parts) > 4 else "",
                }
            )
    return rows


def is_grounded(evidence: str, expert: dict) -> bool:
    """Return whether ``evidence`` occurs verbatim in the profile (headline, CV or a help topic)."""
    if not evidence:
        return False
    topics = list(expert.get("help_topics") or [])
    return evidence in topics or evidence in (expert.get("headline") or "") or evidence in (expert.get("cv") or "")


def explanation_scores(explanations: list[dict], labels: list[dict], experts: dict[str, dict]) -> dict:
    """Return precision, recall and grounding of explanations against skill labels.

    Precision: claimed skills that are truly covered; recall: covered skills that are
    claimed; grounding: claimed evidence that occurs verbatim in the profile. Only labelled
    (challenge, expert, skill) triples count for precision and recall.
    """
    gold = {(r["challenge_id"], r["expert_id"], r["skill"]): r["covered"] for r in labels}
    claimed = {
        (x["challenge_id"], x["expert_id"], c["skill"]): c["evidence"] for x in explanations for c in x["covered"]
    }
    judged_claims = [key for key in claimed if key in gold]
    true_claims = sum(1 for key in judged_claims if gold[key])
    positives = [key for key, covered in gold.items() if covered]
    grounded = sum(1 for (c, e, _), ev in claimed.items() if e in experts and is_grounded(ev, experts[e]))
    return {
        "precision": true_claims / len(judged_claims) if judged_claims else 0.0,
        "recall": sum(1 for key in positives if key in claimed) / len(positives) if positives else 0.0,
        "grounding": grounded / len(claimed) if claimed else 1.0,
        "claimed": len(claimed),
        "labelled": len(gold),
        "covered": len(positives),
    }


def cv_language(expert: dict) -> str:
    """Return the CV's language group: ``cv_language`` when given, else lt/en/mixed by marker words."""
    if expert.get("cv_language"):
        return str(expert["cv_language"])
    from matching.ranking import lithuanian_share

    share = lithuanian_share(expert.get("cv") or "")
    return "lt" if share >= 0.8 else "en" if share <= 0.2 else "mixed"


def by_language(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], experts: dict[str, dict]) -> dict:
    """Return nDCG@10 and grade-2 recall@10 and @5 per CV language group.

    For a group, each challenge is judged on that group's relevant experts: relevant experts
    of other groups are taken out of the ranking (they neither help nor push the group down),
    everyone else stays. Challenges without a relevant expert of the group are skipped.
    """
    group_of = {d: cv_language(e) for d, e in experts.items()}
    groups = sorted({group_of[d] for judged in qrels.values() for d, g in judged.items() if g and d in group_of})
    out = {}
    for group in groups:
        ndcgs, recalls, recalls5, strong = [], [], [], 0
        for qid, judged in qrels.items():
            mine = {d: g for d, g in judged.items() if g and group_of.get(d) == group}
            if not mine:
                continue
            ranked = [d for d in run.get(qid, []) if d in mine or not judged.get(d)]
            ndcgs.append(ndcg_at(ranked, mine))
            if any(g >= 2 for g in mine.values()):
                recalls.append(recall_strong_at(ranked, mine))
                recalls5.append(recall_strong_at(ranked, mine, k=5))
                strong += sum(1 for g in mine.values() if g >= 2)
        out[group] = {
            "ndcg@10": sum(ndcgs) / len(ndcgs),
            "recall2@10": sum(recalls) / len(recalls) if recalls else None,
            "recall2@5": sum(recalls5) / len(recalls5) if recalls5 else None,
            "challenges": len(ndcgs),
            "strong": strong,
        }
    return out
