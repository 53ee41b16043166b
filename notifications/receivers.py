"""Immediate notices for what is addressed to a person, and expert alerts when a challenge opens."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from challenges.models import Challenge, StaffMembership
from ideas.models import Idea
from notifications.models import Notification

DECISIONS = {Idea.Status.ACCEPTED, Idea.Status.REJECTED, Idea.Status.CHANGES_REQUESTED, Idea.Status.MERGED}


def _remember_status(sender, instance, **kwargs):
    """Keep the stored status on the instance so post_save can tell a change."""
    instance._previous_status = (
        sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first() if instance.pk else None
    )


pre_save.connect(_remember_status, sender=Idea, dispatch_uid="notifications-idea-status")
pre_save.connect(_remember_status, sender=Challenge, dispatch_uid="notifications-challenge-status")


@receiver(post_save, sender=Idea, dispatch_uid="notifications-idea-moderated")
def idea_moderated(sender, instance, created, **kwargs):
    """Tell the author about the moderators' decision on their idea."""
    previous = getattr(instance, "_previous_status", None)
    if created or instance.author_id is None or instance.status == previous or instance.status not in DECISIONS:
        return
    from notifications.services import notify, preference_for

    with translation.override(preference_for(instance.author).language):
        title = _("Your idea “%(title)s”: %(decision)s") % {
            "title": instance.title,
            "decision": instance.get_status_display(),
        }
    notify(
        instance.author,
        Notification.Type.IDEA_MODERATED,
        title,
        text=instance.moderation_message,
        url=reverse("ideas:detail", args=[instance.pk]),
    )


@receiver(post_save, sender=StaffMembership, dispatch_uid="notifications-staff-request")
def staff_access_requested(sender, instance, created, **kwargs):
    """Tell platform administrators that someone asks for municipality staff access."""
    if not created or instance.approved:
        return
    from django.contrib.auth import get_user_model

    from notifications.services import notify, preference_for

    for admin in get_user_model().objects.filter(is_superuser=True, is_active=True):
        with translation.override(preference_for(admin).language):
            title = _("%(email)s asks for staff access to %(municipality)s") % {
                "email": instance.user.email,
                "municipality": instance.municipality,
            }
        notify(admin, Notification.Type.STAFF_REQUEST, title, url="/admin/", subject_key=f"staff:{instance.pk}")


@receiver(post_save, sender=Challenge, dispatch_uid="notifications-challenge-opened")
def challenge_opened(sender, instance, created, **kwargs):
    """When a challenge opens, find the experts who fit it (in the worker, after the commit)."""
    if instance.status != Challenge.Status.OPEN or getattr(instance, "_previous_status", None) == Challenge.Status.OPEN:
        return
    from common.outbox import enqueue
    from notifications.tasks import alert_experts

    enqueue(alert_experts, instance.pk)
