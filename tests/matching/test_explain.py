"""Explanations: true evidence, verbatim, consistent with the constraint lines and the ranking."""

import json

import numpy as np

from matching import cli, constraints, evidence, explain, metrics, ranking, text

from .conftest import WATER_CHALLENGE, WATER_EN

TRAFFIC_EN = {
    "id": "traffic-en",
    "name": "Tomas",
    "languages": ["lt", "en"],
    "hours_per_month": 10,
    "can_travel_to_lithuania": True,
    "headline": "Traffic engineer at a city council",
    "cv": (
        "I model traffic flows at signalised junctions for Manchester city council. "
        "I planned bus priority lanes and the timing of traffic lights on the inner ring road. "
        "I also advise on infrastructure investment planning for new cycle routes."
    ),
    "help_topics": ["traffic signal timing"],
}
LEAKS_LT = {
    "id": "leaks-lt",
    "name": "Vaida",
    "languages": ["lt"],
    "hours_per_month": 10,
    "can_travel_to_lithuania": True,
    "headline": "Vandentvarkos inžinierė",
    "cv": "Dirbu vandens įmonėje Kaune. Vadovavau nuotėkių mažinimo programai, kuri sumažino vandens nuostolius.",
    "help_topics": ["nuotėkių mažinimas"],
}


def _explain(challenge, expert, embedder, *extra):
    """Explain the pair inside the conftest pool (the explanation depends on the candidates)."""
    from .conftest import EVENTS_LT, NURSE_LT, OTHERS

    pool = [dict(o) for o in OTHERS] + [WATER_EN, EVENTS_LT, NURSE_LT, *extra]
    return explain.explain(challenge, expert, embedder, pool=pool)


def test_evidence_is_verbatim_and_skills_are_the_wanted_phrases(embedder):
    result = _explain(WATER_CHALLENGE, WATER_EN, embedder)
    assert set(result) >= {"challenge_id", "expert_id", "covered", "missing", "constraints"}
    names = [c["skill"] for c in result["covered"]] + result["missing"]
    assert sorted(names) == sorted(WATER_CHALLENGE["skills_wanted"])
    assert WATER_CHALLENGE["skills_wanted"][0] in [c["skill"] for c in result["covered"]]
    for item in result["covered"]:
        assert metrics.is_grounded(item["evidence"], WATER_EN)
        assert "basketball" not in item["evidence"]


def test_unrelated_profile_sentences_are_not_shown_as_proof(embedder):
    result = _explain(WATER_CHALLENGE, TRAFFIC_EN, embedder, TRAFFIC_EN)
    assert result["covered"] == []
    assert result["missing"] == WATER_CHALLENGE["skills_wanted"]


def test_a_declared_competency_in_another_word_form_counts(embedder):
    challenge = {**WATER_CHALLENGE, "skills_wanted": ["nuotėkių mažinimas", "tarifų pagrindimas"]}
    result = _explain(challenge, LEAKS_LT, embedder)
    covered = {c["skill"]: c["evidence"] for c in result["covered"]}
    assert covered.get("nuotėkių mažinimas") == "nuotėkių mažinimas"
    assert "nuotėkių mažinimas" not in result["missing"]
    assert text.stem_keys("nuotėkių mažinimo") == text.stem_keys("nuotėkių mažinimas")


def _lines(expert_hours, needed):
    expert = {"languages": ["lt"], "hours_per_month": expert_hours, "can_travel_to_lithuania": True}
    challenge = {"languages_required": ["lt"], "hours_needed_per_month": needed, "kind": "mentoring"}
    checks = constraints.check(expert, challenge)
    return explain.constraint_lines(checks), explain.summary_line(0, 2, checks)


def test_partial_hours_never_read_as_every_constraint_holding():
    lines, summary = _lines(10, 20)
    hours = next(line for line in lines if line["name"] == "hours")
    assert hours["ok"] and "partial" in hours["text"] and "10 of the 20" in hours["text"]
    assert "every hard constraint holds" not in summary
    assert [line["name"] for line in lines] == ["languages", "hours"]  # one line per hard rule

    lines, summary = _lines(4, 20)
    hours = next(line for line in lines if line["name"] == "hours")
    assert not hours["ok"] and "less than half" in hours["text"]
    assert "fails" in summary and "every hard constraint holds" not in summary

    lines, summary = _lines(20, 20)
    assert all(line["ok"] for line in lines) and "every hard constraint holds" in summary


def test_every_line_agrees_with_the_ok_flag_and_the_summary():
    for given in range(0, 25):
        lines, summary = _lines(given, 20)
        failing = [line for line in lines if not line["ok"]]
        assert ("fails" in summary) == bool(failing)
        assert ("every hard constraint holds" in summary) == (given >= 20)


def test_ranking_evidence_is_the_explanation(embedder, pool_dicts):
    """The site shows Suggestion.evidence; it must equal the pure explain() of the pair."""
    pool, challenge = pool_dicts
    ranked = ranking.rank(challenge, ranking.prepare_experts(pool, embedder), embedder)
    for suggestion in ranked:
        page = explain.build(challenge["id"], suggestion.id, suggestion.evidence, suggestion.constraints)
        pure = explain.explain(challenge, suggestion.expert, embedder, pool=pool)
        assert page == pure


def _prepared(ident, dim=8):
    vec = np.ones(dim, np.float32) / np.sqrt(dim)
    expert = {"id": ident, "languages": ["lt"], "hours_per_month": 10, "can_travel_to_lithuania": True}
    return ranking.PreparedExpert(expert, vec, ["a"], vec[None, :])


def test_covering_more_skills_ranks_higher_when_otherwise_equal():
    pool = [_prepared("none"), _prepared("all")]
    same = np.zeros(2, np.float32)
    found = [
        [evidence.SkillEvidence("x", "a", 0.1, False), evidence.SkillEvidence("y", "a", 0.1, False)],
        [evidence.SkillEvidence(k, "a", 0.9, True) for k in ("x", "y", "z")],
    ]
    signals = {
        "dense": same,
        "sent": same,
        "skill": same,
        "lex": same,
        "lt_share": np.zeros(2),
        "lang_diff": np.zeros(2),
        "evidence": found,
    }
    ranked = ranking.rank({"id": "c", "hours_needed_per_month": 10}, pool, signals=signals)
    assert [s.id for s in ranked] == ["all", "none"]
    assert ranked[0].score > ranked[1].score


def test_explain_command_writes_one_object_per_pair(embedder, tmp_path, pool_dicts):
    pool, challenge = pool_dicts
    experts, challenges, pairs, out = (tmp_path / n for n in ("e.jsonl", "c.jsonl", "p.tsv", "o.jsonl"))
    experts.write_text("\n".join(json.dumps(e) for e in pool + [TRAFFIC_EN]), encoding="utf-8")
    challenges.write_text(json.dumps(challenge), encoding="utf-8")
    pairs.write_text("challenge_id\texpert_id\nc-water\twater-en\nc-water\ttraffic-en\n", encoding="utf-8")
    assert cli.main(["explain", "--experts", str(experts), "--challenges", str(challenges),
                     "--pairs", str(pairs), "--out", str(out)]) == 0  # fmt: skip
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["challenge_id"], r["expert_id"]) for r in rows] == [("c-water", "water-en"), ("c-water", "traffic-en")]
    assert set(rows[0]) == {"challenge_id", "expert_id", "covered", "missing", "constraints"}
    assert rows[1]["covered"] == []
    for row in rows:  # exactly what explain() (and so the pages) compute for the same pool
        expert = next(e for e in pool + [TRAFFIC_EN] if e["id"] == row["expert_id"])
        pure = explain.explain(challenge, expert, embedder, pool=pool + [TRAFFIC_EN])
        assert row == {k: pure[k] for k in row}
    assert all(set(c) == {"name", "ok", "text"} for c in rows[0]["constraints"])
    by_id = {e["id"]: e for e in pool}
    assert all(metrics.is_grounded(c["evidence"], by_id["water-en"]) for c in rows[0]["covered"])


def test_explanation_scores_count_precision_recall_and_grounding():
    expert = {"id": "e", "headline": "h", "cv": "Real sentence. Other.", "help_topics": ["topic"]}
    labels = [
        {"challenge_id": "c", "expert_id": "e", "skill": "a", "covered": True, "evidence": ""},
        {"challenge_id": "c", "expert_id": "e", "skill": "b", "covered": False, "evidence": ""},
        {"challenge_id": "c", "expert_id": "e", "skill": "d", "covered": True, "evidence": ""},
    ]
    out = [
        {
            "challenge_id": "c",
            "expert_id": "e",
            "covered": [{"skill": "a", "evidence": "Real sentence."}, {"skill": "b", "evidence": "invented"}],
        }
    ]
    scores = metrics.explanation_scores(out, labels, {"e": expert})
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5 and scores["grounding"] == 0.5


def test_breakers_stay_out_of_the_top_five_but_come_before_unrelated_experts():
    def suggestion(ident, score, broken=False):
        checks = [constraints.ConstraintResult("travel", not broken)]
        return ranking.Suggestion({"id": ident}, score, {}, checks)

    fits = [suggestion(f"fit{i}", 10 - i) for i in range(5)]
    far = [suggestion(f"far{i}", -3 - i) for i in range(3)]
    strong_breaker = suggestion("breaker", 20, broken=True)
    ordered = [s.id for s in ranking.order(fits + far + [strong_breaker], protected_top=5)]
    assert ordered[:5] == [f"fit{i}" for i in range(5)]
    assert ordered[5] == "breaker"  # a right-field expert before unrelated compliant ones
    few = [s.id for s in ranking.order(fits[:2] + [strong_breaker], protected_top=5)]
    assert few == ["fit0", "fit1", "breaker"]
