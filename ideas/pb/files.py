"""The pabulib `.pb` format: bounded, checked parsing into pabutools objects and reproducible writing.

Pure module: it never imports Django.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from pabutools.election import ApprovalBallot, ApprovalProfile, Instance, Project
from pabutools.election.pabulib import election_as_pabulib_string, parse_pabulib_from_string
from pabutools.fractions import str_as_frac

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
