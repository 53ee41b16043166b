"""Who may do what with challenges and engagements: one rule per question, asked of the Viewer."""

from accounts.viewer import as_viewer
from challenges.models import Challenge, Engagement


def can_create_challenge(user):
    """Return True for approved municipality staff, the only people who post challenges."""
    return as_viewer(user).may_create_challenge()


def can_manage_challenge(user, challenge):
    """Return True for approved staff of the municipality that owns the challenge."""
    return as_viewer(user).may_manage_challenge(challenge)


def can_view_challenge(user, challenge):
    """Return True when `user` may see the challenge (drafts are for the owner's staff and admins)."""
    return Challenge.objects.visible_to(user).filter(pk=challenge.pk).exists()


def can_express_interest(user, challenge):
    """Return True for an expert who may still say they are interested in this open challenge."""
    viewer = as_viewer(user)
    return (
        viewer.is_expert
        and challenge.status == Challenge.Status.OPEN
        and not Engagement.objects.filter(challenge=challenge, expert_id=viewer.expert_profile_id).exists()
    )


def side_of(user, engagement):
    """Return "expert", "municipality" or None: which party of the engagement the user speaks for."""
    viewer = as_viewer(user)
    if viewer.is_member and engagement.expert.user_id == viewer.user_id:
        return Engagement.Initiator.EXPERT
    if viewer.may_manage_challenge(engagement.challenge):
        return Engagement.Initiator.MUNICIPALITY
    return None


def can_view_engagement(user, engagement):
    """Return True for both parties of the engagement and for platform administrators."""
    return side_of(user, engagement) is not None or as_viewer(user).is_admin


def allowed_responses(user, engagement):
    """Return the decisions the user may take now: the other party accepts/declines, the initiator withdraws."""
    if engagement.status != Engagement.Status.PENDING:
        return ()
    side = side_of(user, engagement)
    if side is None:
        return ()
    if side == engagement.initiated_by:
        return ("withdraw",)
    return ("accept", "decline")
