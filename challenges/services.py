"""Challenge lifecycle and engagements: post, edit and move challenges; interest, invitations and answers."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.viewer import as_viewer
from challenges.emails import DEFAULT_LANGUAGE, expert_language
from challenges.models import Challenge, Engagement, EngagementEvent
from challenges.permissions import allowed_responses, can_manage_challenge, side_of
from common.outbox import enqueue

Status = Challenge.Status

# Allowed lifecycle steps. A draft is published or dropped; an open challenge starts work or closes unfilled;
# work in progress may reopen (the expert fell through) or close. Closed is final.
TRANSITIONS = {
    Status.DRAFT: (Status.OPEN, Status.CLOSED),
    Status.OPEN: (Status.IN_PROGRESS, Status.CLOSED),
    Status.IN_PROGRESS: (Status.OPEN, Status.CLOSED),
    Status.CLOSED: (),
}

# Engagements can be offered while the challenge is looking for or working with experts.
INVITABLE_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

DECISIONS = {
    "accept": Engagement.Status.ACCEPTED,
    "decline": Engagement.Status.DECLINED,
    "withdraw": Engagement.Status.WITHDRAWN,
}


class ChallengeError(Exception):
    """A request that breaks a challenge rule; the message is safe to show to the user."""


# --- Challenges ---


def allowed_transitions(challenge):
    """Return the statuses the challenge may move to next."""
    return TRANSITIONS.get(challenge.status, ())


def create_challenge(user, challenge):
    """Save a new challenge for the user's municipality, as a draft unless a status was chosen."""
    viewer = as_viewer(user)
    if not viewer.may_create_challenge():
        raise PermissionDenied
    challenge.municipality = viewer.municipality
    challenge.created_by = user
    challenge.save()
    return challenge


def update_challenge(user, challenge):
    """Save changes made by the owning municipality's staff."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    challenge.save()
    return challenge


def transition(user, challenge, new_status):
    """Move the challenge to `new_status` if the user owns it and the lifecycle allows the step."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    if new_status not in Status.values:
        raise ChallengeError(_("Unknown status."))
    if new_status not in allowed_transitions(challenge):
        raise ChallengeError(
            _("A challenge cannot go from “%(old)s” to “%(new)s”.")
            % {"old": challenge.get_status_display(), "new": Status(new_status).label}
        )
    challenge.status = new_status
    challenge.save(update_fields=["status", "updated_at"])
    return challenge


# --- Interest and invitations ---


def _record(engagement, status, actor, note=""):
    """Add a history row and queue its e-mail once the transaction commits."""
    event = EngagementEvent.objects.create(engagement=engagement, status=status, actor=actor, note=note)
    # By name: services never import their tasks (tasks call services), so the flow stays one-way.
    enqueue("challenges.tasks.send_engagement_email", event.pk)
    return event


def _current_language():
    """Return the language the acting user is using right now."""
    return (translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]


def _open_engagement(user, challenge, expert, initiated_by, message, duplicate_message, **languages):
    """Create a pending engagement and its first history row; a duplicate (even a concurrent one) is refused."""
    if Engagement.objects.filter(challenge=challenge, expert=expert).exists():
        raise ChallengeError(duplicate_message)
    try:
        # A savepoint: the unique constraint is the final judge when two requests pass the check at once.
        with transaction.atomic():
            engagement = Engagement.objects.create(
                challenge=challenge,
                expert=expert,
                initiated_by=initiated_by,
                message=message.strip(),
                created_by=user,
                **languages,
            )
    except IntegrityError:
        raise ChallengeError(duplicate_message) from None
    _record(engagement, Engagement.Status.PENDING, user, message.strip())
    return engagement


@transaction.atomic
def express_interest(user, challenge, message=""):
    """Record an expert's interest in an open challenge; the municipality answers it."""
    viewer = as_viewer(user)
    profile = viewer.expert_profile
    if profile is None or not viewer.is_expert:
        raise PermissionDenied
    if challenge.status != Status.OPEN:
        raise ChallengeError(_("Interest can only be expressed in an open challenge."))
    return _open_engagement(
        user,
        challenge,
        profile,
        Engagement.Initiator.EXPERT,
        message,
        _("You have already responded to this challenge."),
        expert_language=_current_language(),
    )


def invitable_experts(user):
    """Return the experts this user may invite: consented profiles they can see that have an account."""
    from experts.models import ExpertProfile

    return ExpertProfile.objects.visible_to(user).suggestable().filter(user__isnull=False)


@transaction.atomic
def invite_expert(user, challenge, expert, message=""):
    """Record the municipality's invitation of an expert; the expert answers it."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    if not invitable_experts(user).filter(pk=expert.pk).exists():
        raise ChallengeError(_("This expert cannot be invited."))
    if challenge.status not in INVITABLE_STATUSES:
        raise ChallengeError(_("Experts can only be invited to an open or ongoing challenge."))
    return _open_engagement(
        user,
        challenge,
        expert,
        Engagement.Initiator.MUNICIPALITY,
        message,
        _("This expert is already engaged with this challenge."),
        expert_language=expert_language(expert),
        municipality_language=_current_language(),
    )


def engagements_for(user):
    """Return the engagements the user is a party to: as the expert, and for their municipality as approved staff."""
    viewer = as_viewer(user)
    if not viewer.is_member:
        return Engagement.objects.none()
    allowed = Q(expert__user_id=viewer.user_id)
    if viewer.municipality_id is not None:
        allowed |= Q(challenge__municipality_id=viewer.municipality_id)
    return Engagement.objects.filter(allowed).select_related("challenge__municipality", "expert")


@transaction.atomic
def respond(user, engagement, decision, note=""):
    """Accept, decline or withdraw a pending engagement on behalf of the party allowed to."""
    engagement = (
        Engagement.objects.select_for_update(of=("self",)).select_related("challenge", "expert").get(pk=engagement.pk)
    )
    side = side_of(user, engagement)
    if side is None:
        raise PermissionDenied
    if decision not in DECISIONS:
        raise ChallengeError(_("Unknown answer."))
    if decision not in allowed_responses(user, engagement):
        raise ChallengeError(_("This engagement cannot be answered that way now."))
    engagement.status = DECISIONS[decision]
    if side == Engagement.Initiator.EXPERT:
        engagement.expert_language = _current_language()
    else:
        engagement.municipality_language = _current_language()
    engagement.save(update_fields=["status", "expert_language", "municipality_language", "updated_at"])
    _record(engagement, engagement.status, user, note.strip())
    return engagement
