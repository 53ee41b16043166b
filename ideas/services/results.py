"""Results of a call: the pabutools election of its ballots, both rules' outcomes worded, and the council's CSV."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.csvexport import BOM, csv_text
from common.translations import default_language_version
from home.templatetags.site_formats import format_money

from .. import pb
from ..models import Ballot, CallSettings
from .calls import IdeasError, call_settings
from .voting import ballot_ideas


def _clean(text: str) -> str:
    """Strip characters that would break a pabulib line (';' separates fields)."""
    return " ".join(str(text).replace(";", ",").split())


def election_for_call(call):
    """Return the pabutools election (Instance, ApprovalProfile) of a call's accepted ideas and ballots."""
    call = default_language_version(call)
    ideas = list(ballot_ideas(call))
    budget = call.budget if call.budget else sum((i.estimated_cost or Decimal(0) for i in ideas), Decimal(0))
    projects = [(idea.project_id, idea.estimated_cost or Decimal(0), _clean(idea.title)) for idea in ideas]
    accepted = {idea.pk for idea in ideas}
    id_of = {idea.pk: idea.project_id for idea in ideas}
    ballots = []
    for ballot in Ballot.objects.filter(call=call).prefetch_related("ideas").order_by("pk"):
        voter_id = ballot.external_voter_id or f"v{ballot.pk}"
        ballots.append((voter_id, [id_of[i.pk] for i in ballot.ideas.all() if i.pk in accepted]))
    conf = call_settings(call)
    meta = {
        "description": _clean(f"{call.title}: {call.theme}"),
        "country": "Lithuania",
        "unit": _clean(call.city.title if call.city else ""),
        "instance": str(call.pk),
        "rule": {"greedy": "greedy", "mes": "equalshares"}[conf.official_rule],
        "language": "lt",
        "currency": "EUR",
    }
    if conf.ballot_type == CallSettings.BallotType.APPROVAL and conf.max_approvals:
        meta["max_length"] = str(conf.max_approvals)
    if conf.ballot_type == CallSettings.BallotType.KNAPSACK and call.budget:
        meta["max_sum_cost"] = str(call.budget)
    return pb.build_election(projects, ballots, budget, meta=meta)


@dataclass
class CallResults:
    """Everything the results page, the CSV and the charts need."""

    call: object
    settings: CallSettings
    ballots: int
    outcomes: dict  # rule -> pb.Outcome
    official: str
    ideas: dict  # project_id -> Idea

    @property
    def official_outcome(self):
        return self.outcomes[self.official]


def compute_results(call) -> CallResults:
    """Compute a call's results under both rules from its ballots."""
    call = default_language_version(call)
    conf = call_settings(call)
    instance, profile = election_for_call(call)
    outcomes = {rule: pb.compute(instance, profile, rule) for rule in pb.RULES}
    ideas = {idea.project_id: idea for idea in ballot_ideas(call)}
    return CallResults(call, conf, profile.num_ballots(), outcomes, conf.official_rule, ideas)


def results_rows(results: CallResults) -> dict:
    """Return the results page's table: one row per idea under the official rule beside the other rule, and shares."""
    official = results.official_outcome
    max_votes = max([p.votes for p in official.projects] or [0]) or 1
    other_rule = "mes" if results.official == "greedy" else "greedy"
    other = {p.project_id: p for p in results.outcomes[other_rule].projects}
    rows = [
        {
            "result": p,
            "idea": results.ideas.get(p.project_id),
            "reason": explain(p, results.official),
            "other": other[p.project_id],
            "other_reason": explain(other[p.project_id], other_rule),
            "pct": round(100 * p.votes / max_votes),
        }
        for p in official.projects
    ]
    budget_pct = round(100 * official.spent / official.budget) if official.budget else 0
    return {"rows": rows, "official": official, "other_rule": other_rule, "budget_pct": budget_pct}


def explain(result: pb.ProjectResult, rule: str) -> str:
    """Word the reason a project won or not under a rule, with its numbers."""
    values = {
        "votes": result.votes,
        "cost": format_money(result.cost),
        "left": format_money(result.remaining),
        "paid": format_money(result.paid),
        "share": format_money(result.max_share),
        "supporters_left": format_money(result.supporters_left),
        "rank": result.rank,
    }
    if result.reason == "no_votes":
        return _("not selected: nobody voted for it")
    if rule == "greedy":
        if result.selected:
            return _("selected (no. %(rank)s): %(votes)s votes; its cost %(cost)s fit in the %(left)s left") % values
        return _("skipped: cost %(cost)s exceeds the %(left)s left") % values
    if result.selected:
        return (
            _(
                "selected (no. %(rank)s): its %(votes)s supporters paid %(paid)s from their equal shares, "
                "at most %(share)s each"
            )
            % values
        )
    return (
        _(
            "skipped: its %(votes)s supporters had only %(supporters_left)s of their equal shares left, "
            "less than its cost %(cost)s"
        )
        % values
    )


# Column keys (what parse_results_csv returns) and the headers a council reads, in the active language.
CSV_COLUMNS = [
    ("project_id", gettext_lazy("Project ID")),
    ("title", gettext_lazy("Title")),
    ("cost", gettext_lazy("Cost (EUR)")),
    ("votes", gettext_lazy("Votes")),
    ("greedy_selected", gettext_lazy("Selected by the greedy method")),
    ("greedy_reason", gettext_lazy("Greedy method: why")),
    ("mes_selected", gettext_lazy("Selected by the Method of Equal Shares")),
    ("mes_reason", gettext_lazy("Method of Equal Shares: why")),
    ("official", gettext_lazy("Official result")),
]
CSV_HEADER = [key for key, _label in CSV_COLUMNS]


def results_csv(results: CallResults) -> str:
    """Return the results as CSV for the council: one row per idea with votes, cost and both rules' decisions.

    The text starts with a BOM and the headers are in the active language (common.csvexport).
    """
    greedy = {p.project_id: p for p in results.outcomes["greedy"].projects}
    mes = {p.project_id: p for p in results.outcomes["mes"].projects}
    rows = []
    for p in results.official_outcome.projects:
        g, m = greedy[p.project_id], mes[p.project_id]
        rows.append(
            [
                p.project_id,
                p.name,
                f"{p.cost:.2f}",
                p.votes,
                int(g.selected),
                explain(g, "greedy"),
                int(m.selected),
                explain(m, "mes"),
                int(p.selected),
            ]
        )
    return csv_text([label for _key, label in CSV_COLUMNS], rows)


def parse_results_csv(text: str) -> list[dict]:
    """Read a results CSV back into rows keyed by CSV_HEADER (headers as keys or in the active language)."""
    stream = io.StringIO(text.lstrip(BOM))
    header = next(csv.reader(stream), None)
    keys = {str(label): key for key, label in CSV_COLUMNS} | {key: key for key in CSV_HEADER}
    if not header or any(cell not in keys for cell in header):
        raise IdeasError(_("Not a results file."))
    rows = list(csv.DictReader(stream, fieldnames=[keys[cell] for cell in header]))
    for row in rows:
        try:
            row["cost"] = Decimal(row["cost"])
            row["votes"] = int(row["votes"])
            for key in ("greedy_selected", "mes_selected", "official"):
                row[key] = row[key] == "1"
        except (KeyError, InvalidOperation, TypeError, ValueError) as exc:
            raise IdeasError(_("Not a results file.")) from exc
    return rows
