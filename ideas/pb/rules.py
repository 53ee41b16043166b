"""The two rules (greedy by votes, Method of Equal Shares) run with pabutools, with each project's reason as data.

Pure module: it never imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from pabutools.election import Cost_Sat, Instance
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

from .files import PBError, money

RULES = ("greedy", "mes")


@dataclass
class ProjectResult:
    """The outcome for one project and the reason, as data (the caller words it)."""

    project_id: str
    name: str
    cost: Decimal
    votes: int
    selected: bool = False
    rank: int | None = None  # selection order, 1-based
    reason: str = ""  # selected | no_votes | over_budget | unaffordable_shares
    remaining: Decimal | None = None  # greedy: budget left when the project was considered
    paid: Decimal | None = None  # mes: what supporters paid in total
    max_share: Decimal | None = None  # mes: the largest single payment
    supporters_left: Decimal | None = None  # mes: what supporters had left in the end


@dataclass
class Outcome:
    """The result of one rule on one election."""

    rule: str
    budget: Decimal
    projects: list[ProjectResult] = field(default_factory=list)

    @property
    def winners(self) -> list[str]:
        """Return winning project ids in selection order."""
        chosen = [p for p in self.projects if p.selected]
        return [p.project_id for p in sorted(chosen, key=lambda p: p.rank)]

    @property
    def spent(self) -> Decimal:
        """Return the total cost of the winning projects."""
        return sum((p.cost for p in self.projects if p.selected), Decimal("0.00"))


def project_votes(instance, profile) -> dict:
    """Return the number of ballots approving each project."""
    votes = {project: 0 for project in instance}
    for ballot in profile:
        for project in ballot:
            votes[project] = votes.get(project, 0) + 1
    return votes


def compute(instance, profile, rule: str) -> Outcome:
    """Run the rule with pabutools and explain every project's outcome."""
    if rule not in RULES:
        raise PBError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    votes = project_votes(instance, profile)
    outcome = Outcome(rule=rule, budget=money(instance.budget_limit))
    results = {}
    for project in sorted(instance, key=lambda p: p.name):
        name = instance.project_meta.get(project, {}).get("name", project.name)
        results[project] = ProjectResult(project.name, name, money(project.cost), votes[project])
        if votes[project] == 0:
            results[project].reason = "no_votes"
    # Only projects someone voted for compete.
    contested = Instance([p for p in instance if votes[p] > 0], budget_limit=instance.budget_limit)
    if rule == "greedy":
        _explain_greedy(contested, profile, votes, results)
    else:
        _explain_mes(contested, profile, results)
    outcome.projects = sorted(results.values(), key=lambda r: (r.rank is None, r.rank or 0, -r.votes, r.project_id))
    return outcome


def _explain_greedy(instance, profile, votes, results):
    """Run greedy-by-votes within the budget and record the budget left when each project came up."""
    allocation = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat) if len(instance) else []
    chosen = set(allocation)
    # With cost satisfaction, greedy's order is by votes, ties broken by project id (pabutools' lexicographic rule).
    order = sorted(instance, key=lambda p: (-votes[p], p.name))
    remaining = instance.budget_limit
    rank = 0
    for project in order:
        result = results[project]
        result.remaining = money(remaining)
        if project in chosen:
            rank += 1
            remaining -= project.cost
            result.selected, result.rank, result.reason = True, rank, "selected"
        else:
            result.reason = "over_budget"


def _explain_mes(instance, profile, results):
    """Run the Method of Equal Shares and record each project's payments or its supporters' shortfall."""
    if not len(instance):
        return
    allocation = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, analytics=True)
    iterations = allocation.details.iterations
    rank = 0
    final_budgets = None
    for iteration in iterations:
        if iteration.selected_project is None:
            final_budgets = iteration.voters_budget
            continue
        rank += 1
        before, after = iteration.voters_budget, iteration.voters_budget_after_selection
        payments = [b - a for b, a in zip(before, after, strict=True) if b != a]
        project = instance.get_project(iteration.selected_project.name)
        result = results[project]
        result.selected, result.rank, result.reason = True, rank, "selected"
        result.paid = money(sum(payments))
        result.max_share = money(max(payments)) if payments else money(0)
        final_budgets = after
    if final_budgets is None:
        per_voter = Fraction(str(instance.budget_limit)) / max(profile.num_ballots(), 1)
        final_budgets = [per_voter] * profile.num_ballots()
    for project in instance:
        result = results[project]
        if result.selected:
            continue
        left = sum(
            (Fraction(str(final_budgets[i])) for i, ballot in enumerate(profile) if project in ballot), Fraction(0)
        )
        result.supporters_left = money(left)
        result.reason = "unaffordable_shares"
