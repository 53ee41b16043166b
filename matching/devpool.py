"""Merge judged sets into one pool: ``python -m matching.devpool OUT DIR[:SUFFIX] ...``.

The held-out set is ~160 experts × 32 challenges; each dev set alone is smaller and easier.
The merged pool ranks every expert of every set for every challenge; pairs not listed in any
qrels file count as 0 (true where the sets' fields are disjoint; ``dev/`` and
``dev-multilingual/`` share some fields, so there the merged figure is a lower bound).
Writes ``experts.jsonl``, ``challenges.jsonl`` and ``qrels.tsv`` (the union) into OUT, so
``python -m matching rank`` / ``evaluate --by-language`` run on it unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def merge(out: Path | str, sources: list[tuple[Path, str]]) -> dict[str, int]:
    """Write the merged files for ``sources`` ((folder, suffix) pairs; suffix "" = plain names)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"experts": 0, "challenges": 0, "qrels": 0}
    seen: set[tuple[str, str]] = set()
    with (
        open(out / "experts.jsonl", "w", encoding="utf-8") as experts,
        open(out / "challenges.jsonl", "w", encoding="utf-8") as challenges,
        open(out / "qrels.tsv", "w", encoding="utf-8") as qrels,
    ):
        for folder, suffix in sources:
            judged = [
                line
                for line in (folder / f"qrels{suffix}.tsv").read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
            done = {line.split()[0] for line in judged}  # challenges still being written have no qrels yet
            for name, handle, keep in (("experts", experts, None), ("challenges", challenges, done)):
                for line in (folder / f"{name}{suffix}.jsonl").read_text(encoding="utf-8").splitlines():
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    if keep is not None and record["id"] not in keep:
                        continue
                    if (name, record["id"]) in seen:
                        raise SystemExit(f"duplicate id {record['id']} in {folder}")
                    seen.add((name, record["id"]))
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    counts[name] += 1
            qrels.writelines(line + "\n" for line in judged)
            counts["qrels"] += len(judged)
    return counts


def main(argv: list[str]) -> int:
    """Parse ``OUT DIR[:SUFFIX] ...`` and merge."""
    if len(argv) < 2:
        print(__doc__)
        return 2
    sources = []
    for spec in argv[1:]:
        folder, _, suffix = spec.partition(":")
        sources.append((Path(folder), suffix))
    print(merge(argv[0], sources))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
