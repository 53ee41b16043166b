"""Domain logic of the ideas platform: phases, submission, moderation, ballots, results and interchange."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import logging
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from common.csvexport import BOM, csv_text
from home.templatetags.site_formats import format_money

from . import pb
from .models import Ballot, CallSettings, Follow, Idea, IdeaFlag, Phase, StatusUpdate, VotingCode

logger = logging.getLogger(__name__)


class IdeasError(Exception):
    """A rule of the call was broken; the message is shown to the user as is."""


# --- Calls and phases ---


def canonical_call(page):
    """Return the call page ideas and ballots hang off: the default-language version of a translated call."""
    from home.models import CallForIdeasPage

    page = page.specific if isinstance(page, Page) and not isinstance(page, CallForIdeasPage) else page
    try:
        default = Locale.get_default()
    except Locale.DoesNotExist:
        return page
    if page.locale_id == default.pk:
        return page
    original = CallForIdeasPage.objects.filter(translation_key=page.translation_key, locale=default).first()
    return original or page


def call_settings(call) -> CallSettings:
    """Return the call's settings, creating the defaults the first time."""
    call = canonical_call(call)
    found = CallSettings.objects.filter(call=call).select_related("call").first()
    if found:
        return found
    try:
        with transaction.atomic():
            return CallSettings.objects.create(call=call)
    except IntegrityError:
        return CallSettings.objects.get(call=call)


def current_phase(call, now=None) -> str:
    """Return the call's current phase."""
    return call_settings(call).phase(now)


def require_phase(call, phase, message):
    """Raise IdeasError unless the call is in the given phase."""
    if current_phase(call) != phase:
        raise IdeasError(message)


# --- Permissions ---


def can_moderate(user, call) -> bool:
    """Return True when the user may moderate ideas of this call: they can edit the call page in Wagtail."""
    if not user.is_authenticated:
        return False
    call = canonical_call(call)
    return call.permissions_for_user(user).can_edit()


def can_audit(user) -> bool:
    """Return True for administrators, the only people allowed to see individual ballots."""
    return user.is_authenticated and user.is_superuser


# --- Submission ---


def save_idea(idea: Idea, user, submit: bool) -> Idea:
    """Save an author's idea as a draft or submit it for moderation, enforcing the call's phase and languages."""
    call = canonical_call(idea.call)
    idea.call = call
    if idea.pk and idea.author_id != user.pk:
        raise IdeasError(_("Only the author can edit this idea."))
    if not idea.editable_by_author:
        raise IdeasError(_("This idea has already been moderated and can no longer be edited."))
    require_phase(call, Phase.SUBMISSION, _("The call is not accepting ideas now."))
    conf = call_settings(call)
    if idea.language not in conf.allowed_languages:
        raise IdeasError(_("This call accepts ideas in Lithuanian only."))
    if conf.uses_budget and submit and idea.estimated_cost is None:
        raise IdeasError(_("Please give an estimated cost: this call has a budget."))
    if call.budget and idea.estimated_cost and idea.estimated_cost > call.budget:
        raise IdeasError(
            _("The estimated cost exceeds the call's budget of %(budget)s.") % {"budget": format_money(call.budget)}
        )
    idea.author = user
    if submit:
        idea.status = Idea.Status.SUBMITTED
        idea.submitted_at = idea.submitted_at or timezone.now()
    elif idea.status != Idea.Status.CHANGES_REQUESTED and idea.status != Idea.Status.SUBMITTED:
        idea.status = Idea.Status.DRAFT
    idea.save()
    return idea


def flag_idea(idea: Idea, user, reason: str) -> IdeaFlag:
    """Record a member's flag on an idea (once per member)."""
    flag, _created = IdeaFlag.objects.update_or_create(idea=idea, user=user, defaults={"reason": reason[:500]})
    return flag


# --- Moderation ---


def moderate(idea: Idea, user, action: str, message: str = "", merge_into: Idea | None = None) -> Idea:
    """Apply a moderation decision (accept, changes, reject, merge, winner) after checking the editor's city."""
    if not can_moderate(user, idea.call):
        raise PermissionError("not an editor of this call's city")
    message = message.strip()
    with transaction.atomic():
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if action == "accept":
            idea.status = Idea.Status.ACCEPTED
        elif action == "changes":
            if not message:
                raise IdeasError(_("Say what should be changed."))
            idea.status = Idea.Status.CHANGES_REQUESTED
        elif action == "reject":
            if not message:
                raise IdeasError(_("Give the reason for rejecting the idea."))
            idea.status = Idea.Status.REJECTED
        elif action == "merge":
            if merge_into is None or merge_into.pk == idea.pk or merge_into.call_id != idea.call_id:
                raise IdeasError(_("Choose another idea of the same call to merge into."))
            idea.status = Idea.Status.MERGED
            idea.merged_into = merge_into
        elif action in ("winner", "not_winner"):
            if idea.status != Idea.Status.ACCEPTED:
                raise IdeasError(_("Only accepted ideas can win a prize."))
            idea.is_winner = action == "winner"
            idea.prize_note = message[:200] if action == "winner" else ""
        else:
            raise IdeasError(_("Unknown action."))
        if action not in ("winner", "not_winner"):
            idea.moderation_message = message
            idea.moderated_by = user
            idea.moderated_at = timezone.now()
        idea.save()
        if action == "merge":
            # Supporters of a duplicate keep their voice: their ballots now count for the surviving idea.
            for ballot in Ballot.objects.filter(ideas=idea):
                ballot.ideas.remove(idea)
                ballot.ideas.add(merge_into)
    return idea


# --- Similar ideas ---


def similar_ideas(call, title: str, summary: str, limit: int = 5, exclude_pk=None, user=None):
    """Return up to `limit` ideas of the call most similar to a draft title and summary, with scores.

    Only public (accepted) ideas are suggested, plus the user's own: unmoderated text stays private.
    """
    call = canonical_call(call)
    visible = (
        Idea.objects.for_call(call).visible_to(user) if user is not None else Idea.objects.for_call(call).accepted()
    )
    candidates = list(
        visible.exclude(status__in=[Idea.Status.REJECTED, Idea.Status.MERGED])
        .exclude(pk=exclude_pk)
        .only("pk", "title", "summary", "status")[:500]
    )
    query = f"{title}\n{summary}".strip()
    if not candidates or len(query) < 3:
        return []
    texts = [f"{idea.title}\n{idea.summary}" for idea in candidates]
    scores = None
    if getattr(settings, "IDEAS_SIMILARITY", "auto") in ("auto", "embeddings"):
        scores = _embedding_scores(query, texts)
        # e5 cosine similarities of unrelated texts still sit around 0.75-0.8, hence a higher bar.
        threshold = getattr(settings, "IDEAS_EMBEDDING_THRESHOLD", 0.83)
    if scores is None:
        scores = _lexical_scores(query, texts)
        threshold = getattr(settings, "IDEAS_SIMILARITY_THRESHOLD", 0.2)
    ranked = sorted(zip(candidates, scores, strict=True), key=lambda pair: -pair[1])
    return [(idea, float(score)) for idea, score in ranked[:limit] if score >= threshold]


def _embedding_scores(query, texts):
    """Return cosine similarities encoded by matching's embedding process, or None (lexical then)."""
    try:
        from matching.query_encoding import encode_remote
    except ImportError:
        return None
    # Never encoded in this request: the worker answers within a short timeout or we go lexical.
    vectors = encode_remote(texts, query=False)
    q = encode_remote([query], query=True) if vectors is not None else None
    if q is None:
        logger.info("ideas: embeddings unavailable, using the lexical fallback")
        return None
    return list(vectors @ q[0])


def _lexical_scores(query, texts):
    """Return TF-IDF cosine similarities on character n-grams (robust to Lithuanian inflection)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
    matrix = vectorizer.fit_transform([*texts, query])
    return list(cosine_similarity(matrix[-1], matrix[:-1])[0])


# --- Voting codes ---


def hash_code(code: str) -> str:
    """Return the keyed hash under which a voting code is stored."""
    normalised = "".join(code.split()).upper()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def issue_codes(call, count: int) -> list[str]:
    """Create `count` one-time voting codes for a call; return them in clear text (shown once, stored hashed)."""
    call = canonical_call(call)
    codes = []
    with transaction.atomic():
        for _i in range(count):
            code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _j in range(4)) for _k in range(3))
            VotingCode.objects.create(call=call, code_hash=hash_code(code))
            codes.append(code)
    return codes


# --- Ballots ---


def ballot_ideas(call):
    """Return the ideas on the ballot: accepted ideas of the call."""
    return Idea.objects.for_call(canonical_call(call)).accepted().order_by("title")


def check_eligibility(call, user, tie: str, code: str, existing: Ballot | None):
    """Raise IdeasError unless this user may vote in this call with the declared tie (and code, when required)."""
    conf = call_settings(call)
    if not user.is_authenticated:
        raise IdeasError(_("Log in to vote."))
    if tie not in Ballot.Tie.values:
        raise IdeasError(_("Declare your tie to the city."))
    if conf.eligibility == CallSettings.Eligibility.RESIDENTS and tie != Ballot.Tie.RESIDENT:
        raise IdeasError(_("Only residents of the city may vote in this call."))
    if conf.require_verified_email:
        from allauth.account.models import EmailAddress

        if not EmailAddress.objects.filter(user=user, verified=True).exists():
            raise IdeasError(_("Verify your e-mail address before voting."))
    if conf.require_voting_code and existing is None and not code.strip():
        raise IdeasError(_("Enter the voting code the municipality gave you."))


def check_choices(call, ideas) -> None:
    """Raise IdeasError when the selection breaks the ballot's limits (budget or number of ideas)."""
    conf = call_settings(call)
    if conf.ballot_type == CallSettings.BallotType.APPROVAL and conf.max_approvals and len(ideas) > conf.max_approvals:
        raise IdeasError(
            _("You selected %(count)s ideas; this ballot allows at most %(max)s.")
            % {"count": len(ideas), "max": conf.max_approvals}
        )
    if conf.ballot_type == CallSettings.BallotType.KNAPSACK and call.budget:
        total = sum((idea.estimated_cost or Decimal(0) for idea in ideas), Decimal(0))
        if total > call.budget:
            raise IdeasError(
                _("Your selection costs %(total)s, more than the budget of %(budget)s. Remove some ideas.")
                % {"total": format_money(total), "budget": format_money(call.budget)}
            )


def cast_ballot(call, user, idea_ids, tie: str, code: str = "") -> tuple[Ballot, bool]:
    """Create or replace the user's ballot atomically; return (ballot, created).

    One ballot per (call, voter) is guaranteed by a unique constraint; the row is locked while it
    changes, and a voting code is consumed with a conditional UPDATE in the same transaction, so a
    code works once and a failed vote leaves it unused.
    """
    call = canonical_call(call)
    require_phase(call, Phase.VOTING, _("Voting is not open for this call."))
    ideas = list(ballot_ideas(call).filter(pk__in=[int(i) for i in idea_ids]))
    if len(ideas) != len(set(int(i) for i in idea_ids)):
        raise IdeasError(_("Some selected ideas are not on the ballot."))
    check_choices(call, ideas)
    conf = call_settings(call)
    for attempt in range(3):
        try:
            with transaction.atomic():
                ballot = Ballot.objects.select_for_update().filter(call=call, voter=user).first()
                check_eligibility(call, user, tie, code, ballot)
                created = ballot is None
                if created:
                    used_code = None
                    if conf.require_voting_code:
                        used_code = consume_code(call, code, user)
                    ballot = Ballot.objects.create(call=call, voter=user, tie=tie)
                    if used_code:
                        logger.info("ideas: code %s used for ballot %s", used_code.pk, ballot.pk)
                else:
                    ballot.tie = tie
                    ballot.save(update_fields=["tie", "updated_at"])
                ballot.ideas.set(ideas)
                return ballot, created
        except IntegrityError:
            # A concurrent request created this voter's ballot first; retry as an update of that ballot.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def consume_code(call, code: str, user) -> VotingCode:
    """Mark a voting code used, atomically; raise IdeasError when it is unknown or already used."""
    digest = hash_code(code)
    updated = VotingCode.objects.filter(call=call, code_hash=digest, used_at__isnull=True).update(
        used_at=timezone.now(), used_by=user
    )
    if updated != 1:
        raise IdeasError(_("This voting code is not valid or has already been used."))
    return VotingCode.objects.get(call=call, code_hash=digest)


def support(call, user, idea, tie: str, code: str = "", add: bool = True) -> Ballot:
    """Add or withdraw one support (supports ballots): the member's ballot is the set of ideas they support.

    Only the one idea changes: the ballot row is locked and its current ideas are read under the lock,
    then a single row is added to (or removed from) the ballot's ideas, so concurrent clicks on
    different ideas cannot overwrite each other.
    """
    call = canonical_call(call)
    require_phase(call, Phase.VOTING, _("Voting is not open for this call."))
    if add and not ballot_ideas(call).filter(pk=idea.pk).exists():
        raise IdeasError(_("Some selected ideas are not on the ballot."))
    conf = call_settings(call)
    for attempt in range(3):
        try:
            with transaction.atomic():
                ballot = Ballot.objects.select_for_update().filter(call=call, voter=user).first()
                tie = tie or (ballot.tie if ballot else "")
                check_eligibility(call, user, tie, code, ballot)
                if ballot is None:
                    if conf.require_voting_code:
                        consume_code(call, code, user)
                    ballot = Ballot.objects.create(call=call, voter=user, tie=tie)
                current = set(ballot.ideas.values_list("pk", flat=True))
                if add and idea.pk not in current:
                    check_choices(call, list(ballot_ideas(call).filter(pk__in=current | {idea.pk})))
                    ballot.ideas.add(idea)
                elif not add and idea.pk in current:
                    ballot.ideas.remove(idea)
                ballot.tie = tie
                ballot.save(update_fields=["tie", "updated_at"])
                return ballot
        except IntegrityError:
            # A concurrent request created this voter's ballot first; retry as an update of that ballot.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# --- Results ---


def _clean(text: str) -> str:
    """Strip characters that would break a pabulib line (';' separates fields)."""
    return " ".join(str(text).replace(";", ",").split())


def election_for_call(call):
    """Return the pabutools election (Instance, ApprovalProfile) of a call's accepted ideas and ballots."""
    call = canonical_call(call)
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
    call = canonical_call(call)
    conf = call_settings(call)
    instance, profile = election_for_call(call)
    outcomes = {rule: pb.compute(instance, profile, rule) for rule in pb.RULES}
    ideas = {idea.project_id: idea for idea in ballot_ideas(call)}
    return CallResults(call, conf, profile.num_ballots(), outcomes, conf.official_rule, ideas)


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


# --- Interchange (.pb) ---


def export_pb(call) -> str:
    """Return a call's accepted ideas and ballots in the pabulib format."""
    instance, profile = election_for_call(call)
    return pb.write_pb(instance, profile)


def import_pb(call, text: str) -> tuple[int, int]:
    """Import projects and ballots from a pabulib file into a call (ideas accepted, voters by file id).

    The import is all or nothing: on any error nothing is saved. Returns (projects, ballots).
    """
    call = canonical_call(call)
    try:
        instance, profile = pb.parse_pb(text)
    except pb.PBError as exc:
        raise IdeasError(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    with transaction.atomic():
        if Ballot.objects.filter(call=call).exists():
            raise IdeasError(_("This call already has ballots; import into an empty call."))
        by_name = {}
        for project in instance:
            meta = instance.project_meta.get(project, {})
            idea, _created = Idea.objects.update_or_create(
                call=call,
                external_id=project.name,
                defaults={
                    "title": (meta.get("name") or meta.get("title") or project.name)[:200],
                    "summary": meta.get("description", "")[:600] or meta.get("name", project.name)[:600],
                    "estimated_cost": pb.money(project.cost),
                    "status": Idea.Status.ACCEPTED,
                    "language": "lt",
                },
            )
            by_name[project.name] = idea
        # Bulk writes: a 50,000-ballot file must fit in one request (pb.MAX_BALLOTS bounds it).
        rows = Ballot.objects.bulk_create(
            [
                Ballot(call=call, external_voter_id=str(ballot.meta.get("voter_id", index)), tie=Ballot.Tie.RESIDENT)
                for index, ballot in enumerate(profile)
            ],
            batch_size=2000,
        )
        through = Ballot.ideas.through
        through.objects.bulk_create(
            [
                through(ballot_id=row.pk, idea_id=by_name[project.name].pk)
                for row, ballot in zip(rows, profile, strict=True)
                for project in ballot
            ],
            batch_size=5000,
        )
    return len(instance), profile.num_ballots()


# --- Following winners ---


def follow(idea, user, on: bool = True):
    """Start or stop following an idea's implementation."""
    if on:
        Follow.objects.get_or_create(idea=idea, user=user)
    else:
        Follow.objects.filter(idea=idea, user=user).delete()


def post_status_update(idea, user, text: str) -> StatusUpdate:
    """Post an implementation update on an idea and queue the e-mail to its followers."""
    if not can_moderate(user, idea.call):
        raise PermissionError("not an editor of this call's city")
    if not text.strip():
        raise IdeasError(_("Write the update."))
    update = StatusUpdate.objects.create(idea=idea, author=user, text=text.strip())
    from common.outbox import enqueue

    enqueue("ideas.tasks.notify_followers", update.pk)  # by name: services never import their tasks
    return update


def send_update_emails(update_id: int) -> int:
    """E-mail a status update to the idea's followers once; return how many were sent (0 when already done)."""
    with transaction.atomic():
        update = StatusUpdate.objects.select_for_update().select_related("idea").filter(pk=update_id).first()
        if update is None or update.notified_at:
            return 0
        recipients = list(
            Follow.objects.filter(idea=update.idea).exclude(user__email="").values_list("user__email", flat=True)
        )
        from . import emails

        for email in recipients:
            emails.send_status_update(update, email)
        update.notified_at = timezone.now()
        update.save(update_fields=["notified_at"])
    return len(recipients)
