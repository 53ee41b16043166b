"""Moderators' decisions on ideas and, for winners, the implementation updates their followers receive."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.outbox import enqueue

from .. import emails
from ..models import Ballot, Follow, Idea, StatusUpdate
from .calls import IdeasError, can_moderate


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
        # A decision answers the members' flags on the idea.
        idea.flags.update(resolved=True)
    return idea


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
        for email in recipients:
            emails.send_status_update(update, email)
        update.notified_at = timezone.now()
        update.save(update_fields=["notified_at"])
    return len(recipients)
