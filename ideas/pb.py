"""Participatory budgeting outcomes and the pabulib `.pb` format, computed with pabutools.

Pure module: it never imports Django, so it also works from the command line::

    python -m ideas.pb results FILE.pb --rule greedy|mes

prints the winning project ids, one per line, in the order the rule selected them.

Projects nobody voted for are never funded (pabutools' greedy rule would otherwise spend leftover
budget on them); every other decision is pabutools' own. This module adds the explanations: for
each project, why it won or not under the rule, with the numbers a council member can check.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, Project
from pabutools.election.pabulib import election_as_pabulib_string, parse_pabulib_from_string
from pabutools.fractions import str_as_frac
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

RULES = ("greedy", "mes")

# Bounds on an imported file (docs/limits.md): what the platform stores, and what one request can do.
MAX_FILE_CHARS = 10 * 1024 * 1024
MAX_PROJECTS = 1_000
MAX_BALLOTS = 50_000
MAX_ID_CHARS = 64  # Idea.external_id, Ballot.external_voter_id
MAX_COST = Decimal("9999999999.99")  # Idea.estimated_cost: 12 digits, 2 after the point


class PBError(ValueError):
    """Raised for a .pb file or election this module cannot handle."""


def money(value) -> Decimal:
    """Return an exact number (int, Fraction, mpq, Decimal) as euros rounded to cents."""
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    frac = Fraction(str(value)) if not isinstance(value, int) else Fraction(value)
    return (Decimal(frac.numerator) / Decimal(frac.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def as_number(value):
    """Return a cost or budget as an exact pabutools number."""
    if isinstance(value, int):
        return value
    return str_as_frac(str(value))


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


def build_election(projects, ballots, budget, meta=None, ballot_meta=None):
    """Return a pabutools (Instance, ApprovalProfile) from plain data.

    projects: iterable of (project_id, cost, name); ballots: iterable of (voter_id, [project_id, ...]).
    """
    instance = Instance(budget_limit=as_number(budget))
    by_id = {}
    for project_id, cost, name in projects:
        project = Project(str(project_id), as_number(cost))
        instance.add(project)
        instance.project_meta[project] = {"name": name or str(project_id)}
        by_id[str(project_id)] = project
    instance.meta.update(meta or {})
    profile_ballots = []
    for voter_id, chosen in ballots:
        try:
            ballot = ApprovalBallot([by_id[str(pid)] for pid in chosen])
        except KeyError as exc:
            raise PBError(f"ballot of voter {voter_id} names unknown project {exc.args[0]}") from None
        ballot.meta = {"voter_id": str(voter_id), **(ballot_meta or {})}
        profile_ballots.append(ballot)
    return instance, ApprovalProfile(profile_ballots)


def parse_pb(text: str):
    """Parse a pabulib file's text into (Instance, ApprovalProfile); refuse anything but approval ballots.

    The file is bounded (size, projects, ballots) before pabutools reads it, and what it holds is
    checked against what the platform can store: PBError names the first problem in plain words.
    """
    text = text.lstrip("\ufeff")
    if len(text) > MAX_FILE_CHARS:
        raise PBError(f"the file is larger than {MAX_FILE_CHARS // (1024 * 1024)} MB")
    counts = _section_rows(text)
    if counts.get("PROJECTS", 0) > MAX_PROJECTS:
        raise PBError(f"the file has more than {MAX_PROJECTS} projects")
    if counts.get("VOTES", 0) > MAX_BALLOTS:
        raise PBError(f"the file has more than {MAX_BALLOTS} ballots")
    problem = _text_problem(text)
    if problem:
        raise PBError(f"the file {problem}")
    try:
        instance, profile = parse_pabulib_from_string(text)
    except (KeyError, IndexError, ValueError, TypeError, ArithmeticError, NotImplementedError, StopIteration) as exc:
        raise PBError(_describe(exc)) from exc
    if not isinstance(profile, ApprovalProfile):
        raise PBError("only approval (and knapsack) ballots are supported")
    if len(instance) != counts.get("PROJECTS", 0):
        raise PBError("a project id appears more than once in PROJECTS")
    check_election(instance, profile)
    return instance, profile


def _section_rows(text: str) -> dict:
    """Return the number of data rows (after the header row) in each section, without parsing them."""
    counts, section, header_seen = {}, None, False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in ("META", "PROJECTS", "VOTES"):
            section, header_seen = stripped, False
            counts.setdefault(section, 0)
        elif section and stripped:
            if header_seen:
                counts[section] += 1
            header_seen = True
    return counts


def _text_problem(value: str) -> str:
    """Return why a text cannot be stored (NUL, control character, lone surrogate), or ""."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an invalid character (a lone surrogate)"
    return ""


def _describe(exc: Exception) -> str:
    """Return a reader's explanation of why pabutools could not parse the file."""
    detail = str(exc.args[0]) if exc.args else ""
    if isinstance(exc, KeyError):
        unknown = re.match(r"No project with name (.*) found in the instance", detail)
        if unknown:
            return f"a vote names a project that is not in PROJECTS ({unknown.group(1)})"
        return f"the required field “{detail}” is missing (a pabulib file has META, PROJECTS and VOTES sections)"
    if isinstance(exc, ValueError | ArithmeticError) and "digits" in detail:
        return "a number could not be read (the budget and every cost must be plain numbers)"
    return "it is not a pabulib file (META, PROJECTS and VOTES sections separated by semicolons)"


def _cost_problem(value, what: str) -> str:
    """Return why a cost or budget cannot be stored, or ""."""
    value = Fraction(str(value))
    if value < 0:
        return f"{what} is negative"
    if value > MAX_COST:
        return f"{what} is larger than {MAX_COST}"
    return ""


def _id_problem(value: str, what: str) -> str:
    if not value.strip():
        return f"{what} is empty"
    if len(value) > MAX_ID_CHARS:
        return f"{what} {value[:20]!r}… is longer than {MAX_ID_CHARS} characters"
    return ""


def check_election(instance, profile):
    """Raise PBError for the first value the platform cannot store: costs, budget, ids, duplicate voters."""
    problem = _cost_problem(instance.budget_limit, "the budget")
    if problem:
        raise PBError(problem)
    for project in sorted(instance, key=lambda p: p.name):
        problem = _id_problem(project.name, "project id") or _cost_problem(
            project.cost, f"the cost of project {project.name!r}"
        )
        if problem:
            raise PBError(problem)
    seen = set()
    for ballot in profile:
        voter_id = str(ballot.meta.get("voter_id", ""))
        problem = _id_problem(voter_id, "voter id")
        if problem:
            raise PBError(problem)
        if voter_id in seen:
            raise PBError(f"voter id {voter_id!r} appears on more than one ballot")
        seen.add(voter_id)


def read_pb(path: str):
    """Read a pabulib file from disk."""
    with open(path, encoding="utf-8-sig") as handle:
        return parse_pb(handle.read())


def write_pb(instance, profile) -> str:
    """Return the pabulib text of an election, with each ballot's projects in a stable order.

    pabutools writes an approval ballot (a set) in hash order, which changes between processes;
    sorting the ids makes an export byte-for-byte reproducible and auditable.
    """
    return _sort_vote_lists(election_as_pabulib_string(instance, profile))


def _natural_key(project_id: str):
    return (0, int(project_id), "") if project_id.isascii() and project_id.isdigit() else (1, 0, project_id)


def _sort_vote_lists(text: str) -> str:
    """Sort the comma-separated project ids of the `vote` column in the VOTES section."""
    lines = text.split("\n")
    section, vote_column = None, None
    for number, line in enumerate(lines):
        if line.strip() in ("META", "PROJECTS", "VOTES"):
            section, vote_column = line.strip(), None
            continue
        if section != "VOTES" or not line:
            continue
        cells = line.split(";")
        if vote_column is None:
            vote_column = cells.index("vote") if "vote" in cells else -1
            continue
        if 0 <= vote_column < len(cells) and cells[vote_column]:
            cells[vote_column] = ",".join(sorted(cells[vote_column].split(","), key=_natural_key))
            lines[number] = ";".join(cells)
    return "\n".join(lines)


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


def main(argv=None) -> int:
    """Run the command line: `results FILE.pb --rule greedy|mes` prints the winners, one id per line."""
    parser = argparse.ArgumentParser(prog="python -m ideas.pb", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    results = commands.add_parser("results", help="print the winning project ids, one per line")
    results.add_argument("file")
    results.add_argument("--rule", choices=RULES, default="greedy")
    results.add_argument("--explain", action="store_true", help="also print votes, cost and the reason")
    args = parser.parse_args(argv)
    try:
        instance, profile = read_pb(args.file)
        outcome = compute(instance, profile, args.rule)
    except (OSError, PBError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for project_id in outcome.winners:
        print(project_id)
    if args.explain:
        for p in outcome.projects:
            print(f"# {p.project_id}\tvotes={p.votes}\tcost={p.cost}\t{p.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
