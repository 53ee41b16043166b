"""Participatory budgeting outcomes and the pabulib `.pb` format, computed with pabutools.

Pure module: it never imports Django, so it also works from the command line::

    python -m ideas.pb results FILE.pb --rule greedy|mes

prints the winning project ids, one per line, in the order the rule selected them.

Projects nobody voted for are never funded (pabutools' greedy rule would otherwise spend leftover
budget on them); every other decision is pabutools' own. This module adds the explanations: for
each project, why it won or not under the rule, with the numbers a council member can check.
"""

from .files import (
    MAX_BALLOTS,
    MAX_COST,
    MAX_FILE_CHARS,
    MAX_ID_CHARS,
    MAX_PROJECTS,
    PBError,
    as_number,
    build_election,
    check_election,
    money,
    parse_pb,
    read_pb,
    write_pb,
)
from .rules import RULES, Outcome, ProjectResult, compute, project_votes

__all__ = [
    "MAX_BALLOTS",
    "MAX_COST",
    "MAX_FILE_CHARS",
    "MAX_ID_CHARS",
    "MAX_PROJECTS",
    "RULES",
    "Outcome",
    "PBError",
    "ProjectResult",
    "as_number",
    "build_election",
    "check_election",
    "compute",
    "money",
    "parse_pb",
    "project_votes",
    "read_pb",
    "write_pb",
]
