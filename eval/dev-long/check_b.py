"""Validate part B of the long-CV development set (schema, word counts, qrels).

Run: ``python eval/dev-long/check_b.py [part]``; exits non-zero on the first kind of error so
hand-written data cannot drift from ``shared/eval/README.md``'s schema and labelling rules.
"""

import collections
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
KINDS = {"expert_opinion", "design_contest", "workshop", "mentoring", "job_shadowing"}
CV_LANGS = {"lt", "en", "de", "no", "sv", "pl", "ru", "fr", "es", "uk", "mixed"}
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
    """Count whitespace-separated words, the measure the brief uses."""
    return len(text.split())


def load(path):
    """Read a JSONL file, one object per non-empty line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_fields(obj, fields, errors):
    """Record missing, extra or mistyped fields of one record."""
    if set(obj) != set(fields):
        errors.append(f"{obj.get('id')}: fields {sorted(set(obj) ^ set(fields))}")
    for name, typ in fields.items():
        value = obj.get(name)
        if typ is int and isinstance(value, bool) or not isinstance(value, typ):
            errors.append(f"{obj.get('id')}: {name} is not {typ.__name__}")


def constraints_hold(expert, challenge):
    """Say whether the README's three hard constraints hold for a pair."""
    if (challenge["in_person"] or challenge["kind"] == "job_shadowing") and not expert["can_travel_to_lithuania"]:
        return False
    if not set(challenge["languages_required"]) <= set(expert["languages"]):
        return False
    return expert["hours_per_month"] * 2 >= challenge["hours_needed_per_month"]


def main(part="b"):
    """Check the three files of one part and print a short summary."""
    experts = load(HERE / f"experts-{part}.jsonl")
    challenges = load(HERE / f"challenges-{part}.jsonl")
    errors = []
    for e in experts:
        check_fields(e, EXPERT_FIELDS, errors)
        n = words(e["cv"])
        if not 150 <= n <= 450:
            errors.append(f"{e['id']}: cv has {n} words")
        if e["cv_language"] not in CV_LANGS:
            errors.append(f"{e['id']}: cv_language {e['cv_language']}")
        if not all(isinstance(x, str) and len(x) == 2 and x.islower() for x in e["languages"]):
            errors.append(f"{e['id']}: languages {e['languages']}")
        if len(e["country"]) != 2 or not e["country"].isupper():
            errors.append(f"{e['id']}: country {e['country']}")
        lang = e["cv_language"]
        if lang != "mixed" and lang not in e["languages"]:
            errors.append(f"{e['id']}: writes {lang} but does not list it")
    for c in challenges:
        check_fields(c, CHALLENGE_FIELDS, errors)
        n = words(c["description"])
        if not 50 <= n <= 150:
            errors.append(f"{c['id']}: description has {n} words")
        if c["kind"] not in KINDS:
            errors.append(f"{c['id']}: kind {c['kind']}")
        if not 2 <= len(c["skills_wanted"]) <= 3:
            errors.append(f"{c['id']}: {len(c['skills_wanted'])} skills")
    ex = {e["id"]: e for e in experts}
    ch = {c["id"]: c for c in challenges}
    if len(ex) != len(experts) or len(ch) != len(challenges):
        errors.append("duplicate ids")
    grades = collections.defaultdict(collections.Counter)
    seen = set()
    for line in (HERE / f"qrels-{part}.tsv").read_text(encoding="utf-8").splitlines():
        cid, eid, grade = line.split("\t")
        if cid not in ch or eid not in ex or grade not in {"1", "2"} or (cid, eid) in seen:
            errors.append(f"qrels line {line!r}")
            continue
        seen.add((cid, eid))
        grades[cid][grade] += 1
        if grade == "2" and not constraints_hold(ex[eid], ch[cid]):
            errors.append(f"{cid} {eid}: grade 2 but a hard constraint is broken")
    for cid in ch:
        if not 2 <= grades[cid]["2"] <= 4 or not 1 <= grades[cid]["1"] <= 4:
            errors.append(f"{cid}: grades {dict(grades[cid])}")
    counts = collections.Counter(e["cv_language"] for e in experts)
    lengths = sorted(words(e["cv"]) for e in experts)
    print(f"{len(experts)} experts, {len(challenges)} challenges, {len(seen)} judged pairs")
    print("cv_language:", dict(sorted(counts.items())))
    if lengths:
        long_ = sum(n > 300 for n in lengths)
        print(f"cv words {lengths[0]}-{lengths[-1]}, {long_} above 300")
    for cid in ch:
        print(cid, dict(grades[cid]))
    for err in errors:
        print("ERROR", err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
