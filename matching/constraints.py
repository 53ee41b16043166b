"""Hard constraints between an expert and a challenge (plain dicts in the eval schema).

Policy: visibility and consent *filter* (a hidden or non-consenting expert is never shown,
whatever the score); the three hard constraints below *demote*: a breaking expert never takes
one of the first five places while a compliant expert is left for it, and below those places
competes with a penalty (``ranking.VIOLATION_PENALTY``), so a right-field expert who could
still help (the labelling rules grade such a person 1) comes before compliant people from an
unrelated field. No top 5 holds a violation while five compliant experts exist
(dev nDCG@10 0.906 → 0.921 against "after every compliant expert"). The explanation says
what fails, and the challenge page lists breakers in their own section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TRAVEL_KINDS = {"job_shadowing"}


@dataclass
class ConstraintResult:
    """One checked constraint: a code, whether it holds, and the values behind it."""

    code: str
    ok: bool
    hard: bool = True
    params: dict = field(default_factory=dict)


def needs_travel(challenge: dict) -> bool:
    """Return whether the challenge requires the expert to come to Lithuania."""
    return bool(challenge.get("in_person")) or challenge.get("kind") in TRAVEL_KINDS


def check(expert: dict, challenge: dict) -> list[ConstraintResult]:
    """Return every constraint result for the pair (hard ones first)."""
    results = []
    spoken = {code.lower() for code in expert.get("languages") or []}
    required = [code.lower() for code in challenge.get("languages_required") or []]
    missing = [code for code in required if code not in spoken]
    results.append(ConstraintResult("languages", not missing, params={"required": required, "missing": missing}))

    needed = int(challenge.get("hours_needed_per_month") or 0)
    given = int(expert.get("hours_per_month") or 0)
    results.append(
        ConstraintResult("hours", not needed or 2 * given >= needed, params={"given": given, "needed": needed})
    )
    # Giving at least half but less than all the hours is a soft shortfall, not a violation.
    results.append(
        ConstraintResult(
            "hours_full", not needed or given >= needed, hard=False, params={"given": given, "needed": needed}
        )
    )
    if needs_travel(challenge):
        results.append(
            ConstraintResult(
                "travel", bool(expert.get("can_travel_to_lithuania")), params={"kind": challenge.get("kind")}
            )
        )
    return results


def violations(expert: dict, challenge: dict) -> list[str]:
    """Return the codes of the hard constraints the pair breaks."""
    return [r.code for r in check(expert, challenge) if r.hard and not r.ok]


def is_suggestable(expert: dict) -> bool:
    """Return whether the expert may be suggested at all (visible and consenting).

    Records without these keys (the eval schema) count as public and consenting.
    """
    if expert.get("visibility", "public") == "hidden":
        return False
    return expert.get("consent", True) is not False
