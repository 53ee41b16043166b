"""Voting: one-time codes, who may vote, the ballot's limits, and casting ballots or single supports."""

import hashlib
import hmac
import logging
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.translations import default_language_version
from home.templatetags.site_formats import format_money

from ..models import Ballot, CallSettings, Idea, Phase, VotingCode
from .calls import IdeasError, call_settings, require_phase

logger = logging.getLogger(__name__)


def hash_code(code: str) -> str:
    """Return the keyed hash under which a voting code is stored."""
    normalised = "".join(code.split()).upper()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def issue_codes(call, count: int) -> list[str]:
    """Create `count` one-time voting codes for a call; return them in clear text (shown once, stored hashed)."""
    call = default_language_version(call)
    codes = []
    with transaction.atomic():
        for _i in range(count):
            code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _j in range(4)) for _k in range(3))
            VotingCode.objects.create(call=call, code_hash=hash_code(code))
            codes.append(code)
    return codes


def ballot_ideas(call):
    """Return the ideas on the ballot: accepted ideas of the call."""
    return Idea.objects.for_call(default_language_version(call)).accepted().order_by("title")


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
    call = default_language_version(call)
    require_phase(call, Phase.VOTING, _("Voting is not open for this call."))
    ideas = list(ballot_ideas(call).filter(pk__in=[int(i) for i in idea_ids]))
    if len(ideas) != len(set(int(i) for i in idea_ids)):
        raise IdeasError(_("Some selected ideas are not on the ballot."))
    check_choices(call, ideas)

    def change():
        ballot, created = _locked_ballot(call, user, tie, code)
        if not created:
            ballot.tie = tie
            ballot.save(update_fields=["tie", "updated_at"])
        ballot.ideas.set(ideas)
        return ballot, created

    return _retrying_on_race(change)


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
    call = default_language_version(call)
    require_phase(call, Phase.VOTING, _("Voting is not open for this call."))
    if add and not ballot_ideas(call).filter(pk=idea.pk).exists():
        raise IdeasError(_("Some selected ideas are not on the ballot."))

    def change():
        ballot, _created = _locked_ballot(call, user, tie, code, keep_tie=True)
        current = set(ballot.ideas.values_list("pk", flat=True))
        if add and idea.pk not in current:
            check_choices(call, list(ballot_ideas(call).filter(pk__in=current | {idea.pk})))
            ballot.ideas.add(idea)
        elif not add and idea.pk in current:
            ballot.ideas.remove(idea)
        ballot.tie = tie or ballot.tie
        ballot.save(update_fields=["tie", "updated_at"])
        return ballot

    return _retrying_on_race(change)


def _locked_ballot(call, user, tie: str, code: str, keep_tie: bool = False) -> tuple[Ballot, bool]:
    """Return (ballot, created): the voter's ballot, row-locked, or a new one once eligibility (and a code) allow it.

    With keep_tie an empty tie means the one the voter already declared (a support click does not ask again).
    """
    ballot = Ballot.objects.select_for_update().filter(call=call, voter=user).first()
    if keep_tie and not tie and ballot is not None:
        tie = ballot.tie
    check_eligibility(call, user, tie, code, ballot)
    if ballot is not None:
        return ballot, False
    used_code = consume_code(call, code, user) if call_settings(call).require_voting_code else None
    ballot = Ballot.objects.create(call=call, voter=user, tie=tie)
    if used_code:
        logger.info("ideas: code %s used for ballot %s", used_code.pk, ballot.pk)
    return ballot, True


def _retrying_on_race(change):
    """Run change() in a transaction; when a concurrent request created this voter's ballot first, run it again."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                return change()
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
