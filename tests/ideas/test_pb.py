"""Greedy and MES outcomes on hand-worked examples, the .pb round trip and the Django-free command line."""

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ideas import pb

ROOT = Path(__file__).resolve().parents[2]


def election(projects, groups, budget):
    """Build an election from [(id, cost)] and [(count, [ids])] voter groups."""
    ballots = []
    for count, chosen in groups:
        for _ in range(count):
            ballots.append((f"v{len(ballots) + 1}", chosen))
    return pb.build_election([(pid, cost, f"Project {pid}") for pid, cost in projects], ballots, budget)


def differing_example():
    """Budget 100 €, 10 voters. A and B cost 50 each, C costs 30, D costs 10.

    Voters 1-6 approve A and B; voters 7-10 approve C; nobody approves D.

    Greedy by votes: A (6 votes, 100 € left → fits, 50 left), B (6 votes, ties with A broken by id,
    50 ≤ 50 → fits, 0 left), C (4 votes, 30 > 0 left → skipped), D (no votes → never funded).
    Greedy = {A, B}, 100 € spent.

    MES: each voter gets 100/10 = 10 €. With cost utilities a project's price per unit of
    utility is ρ = cost / (supporters · cost) when its supporters split it equally:
    A: ρ = 1/6 (6 × 8.33 € ≤ 6 × 10 €, affordable); B: same 1/6; C: ρ = 1/4 (4 × 7.50 € ≤ 40 €).
    Round 1 picks the lowest ρ: A (tie with B broken by id); voters 1-6 each pay 8.33 €, keep 1.67 €.
    Round 2: B needs 50 € but its supporters only have 6 × 1.67 = 10 € → unaffordable.
    C: 4 × 7.50 € = 30 € ≤ 40 € → picked; voters 7-10 keep 2.50 € each.
    No other project is affordable: MES = {A, C}, 80 € spent.
    """
    return election([("A", 50), ("B", 50), ("C", 30), ("D", 10)], [(6, ["A", "B"]), (4, ["C"])], 100)


def test_greedy_hand_worked():
    instance, profile = differing_example()
    outcome = pb.compute(instance, profile, "greedy")
    assert outcome.winners == ["A", "B"]
    assert outcome.spent == Decimal("100.00")
    by_id = {p.project_id: p for p in outcome.projects}
    assert by_id["C"].reason == "over_budget" and by_id["C"].remaining == Decimal("0.00")
    assert by_id["B"].remaining == Decimal("50.00")
    assert by_id["D"].reason == "no_votes" and not by_id["D"].selected


def test_mes_hand_worked_differs_from_greedy():
    instance, profile = differing_example()
    outcome = pb.compute(instance, profile, "mes")
    assert outcome.winners == ["A", "C"]
    assert outcome.spent == Decimal("80.00")
    by_id = {p.project_id: p for p in outcome.projects}
    assert by_id["A"].paid == Decimal("50.00") and by_id["A"].max_share == Decimal("8.33")
    assert by_id["C"].paid == Decimal("30.00") and by_id["C"].max_share == Decimal("7.50")
    # B's six supporters had 1.67 € each left = 10 €, far from its 50 € cost.
    assert by_id["B"].reason == "unaffordable_shares"
    assert by_id["B"].supporters_left == Decimal("10.00")


def test_expensive_project_skipped_and_plain_mes_may_fund_nothing():
    """Budget 12 000: X (30 000) is too expensive for both rules; Y (8 000) and Z (4 000) fit.

    Greedy: X has most votes (5) but 30 000 > 12 000 left → skipped; Y (3 votes) fits, 4 000 left;
    Z (2 votes) fits exactly, 0 left. MES: 10 voters hold 1 200 each; X's 5 supporters have 6 000 < 30 000;
    Y: 3 supporters hold 3 600 < 8 000 → also unaffordable! Z: 2 hold 2 400 < 4 000 → unaffordable.
    So plain MES funds nothing here, a documented property of MES without completion.
    """
    instance, profile = election([("X", 30000), ("Y", 8000), ("Z", 4000)], [(5, ["X"]), (3, ["Y"]), (2, ["Z"])], 12000)
    greedy = pb.compute(instance, profile, "greedy")
    assert greedy.winners == ["Y", "Z"]
    x = next(p for p in greedy.projects if p.project_id == "X")
    assert (x.reason, x.remaining, x.cost) == ("over_budget", Decimal("12000.00"), Decimal("30000.00"))
    mes = pb.compute(instance, profile, "mes")
    assert mes.winners == []
    assert {p.project_id: p.supporters_left for p in mes.projects} == {
        "X": Decimal("6000.00"),
        "Y": Decimal("3600.00"),
        "Z": Decimal("2400.00"),
    }


def test_pb_round_trip_gives_same_results(tmp_path):
    instance, profile = differing_example()
    path = tmp_path / "call.pb"
    path.write_text(pb.write_pb(instance, profile), encoding="utf-8")
    again_instance, again_profile = pb.read_pb(str(path))
    assert again_profile.num_ballots() == 10
    for rule in pb.RULES:
        assert pb.compute(again_instance, again_profile, rule).winners == pb.compute(instance, profile, rule).winners
    # A second trip is byte-identical: nothing drifts.
    assert pb.write_pb(again_instance, again_profile) == path.read_text(encoding="utf-8")


def test_bad_pb_file_is_refused():
    with pytest.raises(pb.PBError):
        pb.parse_pb("META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\nA;10\nVOTES\nvoter_id;vote\n1;A\n")


@pytest.mark.parametrize(("rule", "expected"), [("greedy", "A\nB\n"), ("mes", "A\nC\n")])
def test_command_line_without_django(tmp_path, rule, expected):
    instance, profile = differing_example()
    path = tmp_path / "call.pb"
    path.write_text(pb.write_pb(instance, profile), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    plain = subprocess.run(
        [sys.executable, "-m", "ideas.pb", "results", str(path), "--rule", rule],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == expected


def test_command_line_reports_unreadable_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    bad = tmp_path / "bad.pb"
    bad.write_text("not a pb file", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ideas.pb", "results", str(bad)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 2
    assert "error" in done.stderr


def test_pb_module_never_imports_django():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    code = "import sys, ideas.pb; sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT).returncode == 0
