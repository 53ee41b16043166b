"""Validate a part of the dev-long set: schema, word counts, ids, qrels and hard constraints.

Usage: python eval/dev-long/check.py a [b ...]  (checks experts-<part>.jsonl etc. next to this file).
Written so that hand-written data can be checked after every edit; exits 1 on any error.
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"expert_opinion", "design_contest", "workshop", "mentoring", "job_shadowing"}
CV_LANGUAGES = {"lt", "en", "de", "no", "sv", "pl", "ru", "fr", "es", "uk", "mixed"}
EXPERT_FIELDS = {
    "id": str,
    "name": str,
    "country": str,
    "city_ties": list,
    "languages": list,
    "hours_per_month": int,
    "can_travel_to_lithuania": bool,
    "headline": str,
    "cv": str,
    "help_topics": list,
    "notable": bool,
    "cv_language": str,
}
CHALLENGE_FIELDS = {
    "id": str,
    "municipality": str,
    "kind": str,
    "title": str,
    "description": str,
    "languages_required": list,
    "hours_needed_per_month": int,
    "in_person": bool,
    "skills_wanted": list,
}


def words(text):
    """Count whitespace-separated words, the measure the brief's limits use."""
    return len(text.split())


def load_jsonl(path, fields, errors):
    """Read one JSON object per line and check field names and types."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if set(row) != set(fields):
            errors.append(f"{path.name}:{n}: fields {sorted(set(row) ^ set(fields))}")
        for key, typ in fields.items():
            if key in row and type(row[key]) is not typ:
                errors.append(f"{path.name}:{n}: {key} is not {typ.__name__}")
        rows.append(row)
    return rows


def constraint_broken(expert, challenge):
    """Return the first hard constraint the expert breaks for the challenge, or None."""
    if (challenge["in_person"] or challenge["kind"] == "job_shadowing") and not expert["can_travel_to_lithuania"]:
        return "travel"
    missing = set(challenge["languages_required"]) - set(expert["languages"])
    if missing:
        return "language " + " ".join(sorted(missing))
    if expert["hours_per_month"] * 2 < challenge["hours_needed_per_month"]:
        return "hours"
    return None


def check(part):
    """Check one part and print its counts; return the list of errors."""
    errors = []
    experts = load_jsonl(HERE / f"experts-{part}.jsonl", EXPERT_FIELDS, errors)
    challenges = load_jsonl(HERE / f"challenges-{part}.jsonl", CHALLENGE_FIELDS, errors)
    by_e = {e["id"]: e for e in experts}
    by_c = {c["id"]: c for c in challenges}
    if len(by_e) != len(experts) or len(by_c) != len(challenges):
        errors.append("duplicate ids")
    for e in experts:
        n = words(e["cv"])
        if not 150 <= n <= 450:
            errors.append(f"{e['id']}: cv has {n} words")
        if e["cv_language"] not in CV_LANGUAGES:
            errors.append(f"{e['id']}: cv_language {e['cv_language']}")
        if e["cv_language"] not in ("en", "mixed") and e["cv_language"] not in e["languages"]:
            errors.append(f"{e['id']}: does not list its CV language")
        if not e["help_topics"] or not all(isinstance(t, str) for t in e["help_topics"]):
            errors.append(f"{e['id']}: help_topics")
    for c in challenges:
        n = words(c["description"])
        if not 50 <= n <= 150:
            errors.append(f"{c['id']}: description has {n} words")
        if c["kind"] not in KINDS:
            errors.append(f"{c['id']}: kind {c['kind']}")
        if not 2 <= len(c["skills_wanted"]) <= 3:
            errors.append(f"{c['id']}: {len(c['skills_wanted'])} skills")
    grades = {c: Counter() for c in by_c}
    seen = set()
    for n, line in enumerate((HERE / f"qrels-{part}.tsv").read_text(encoding="utf-8").splitlines(), 1):
        cid, eid, grade = line.split("\t")
        if cid not in by_c or eid not in by_e:
            errors.append(f"qrels:{n}: unknown id {cid} {eid}")
            continue
        if (cid, eid) in seen:
            errors.append(f"qrels:{n}: duplicate pair")
        seen.add((cid, eid))
        if grade not in ("1", "2"):
            errors.append(f"qrels:{n}: grade {grade}")
            continue
        grades[cid][grade] += 1
        broken = constraint_broken(by_e[eid], by_c[cid])
        if grade == "2" and broken:
            errors.append(f"qrels:{n}: {cid} {eid} grade 2 but breaks {broken}")
    for cid, g in grades.items():
        if not 2 <= g["2"] <= 4 or not 1 <= g["1"] <= 4:
            errors.append(f"{cid}: {g['2']} grade-2, {g['1']} grade-1")
    counts = [words(e["cv"]) for e in experts]
    print(f"part {part}: {len(experts)} experts, {len(challenges)} challenges, {len(seen)} judged pairs")
    print("  cv_language:", dict(sorted(Counter(e["cv_language"] for e in experts).items())))
    if counts:
        print(f"  cv words {min(counts)}-{max(counts)}, {sum(n > 300 for n in counts)} above 300")
    for cid, g in grades.items():
        print(f"  {cid}: grade 2 x{g['2']}, grade 1 x{g['1']}")
    skills = HERE / f"skills-{part}.tsv"
    if skills.exists():
        errors += check_skills(skills, by_e, by_c, seen)
    return errors


def check_skills(path, by_e, by_c, judged):
    """Check the skill-coverage file: known ids and skills, verbatim evidence, judged pairs covered."""
    errors = []
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = set()
    for n, line in enumerate(lines[1:], 2):
        cid, eid, skill, covered, evidence = line.split("\t")
        if cid not in by_c or eid not in by_e:
            errors.append(f"skills:{n}: unknown id")
            continue
        pairs.add((cid, eid))
        if skill not in by_c[cid]["skills_wanted"]:
            errors.append(f"skills:{n}: unknown skill {skill}")
        e = by_e[eid]
        text = " ".join([e["headline"], e["cv"], *e["help_topics"]])
        if covered == "1" and (not evidence or evidence not in text):
            errors.append(f"skills:{n}: evidence not verbatim")
        if covered == "0" and evidence:
            errors.append(f"skills:{n}: evidence for an uncovered skill")
    for pair in judged - pairs:
        errors.append(f"skills: judged pair {pair} missing")
    return errors


if __name__ == "__main__":
    problems = [err for part in (sys.argv[1:] or ["a"]) for err in check(part)]
    for err in problems:
        print("ERROR", err)
    sys.exit(1 if problems else 0)
