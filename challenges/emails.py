"""E-mails about engagement steps: who gets one, in which language, rendered from templates/challenges/email/."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from challenges.models import Engagement, EngagementEvent, StaffMembership
from challenges.permissions import can_manage_challenge
from common.emails import send_templated
from common.links import absolute_url

DEFAULT_LANGUAGE = "lt"


def expert_language(profile):
    """Return the language to write to an expert in: the one they last used here, else lt unless they lack it."""
    last = (
        Engagement.objects.filter(expert=profile)
        .exclude(expert_language="")
        .order_by("-updated_at")
        .values_list("expert_language", flat=True)
        .first()
    )
    if last:
        return last
    languages = profile.languages or []
    if "lt" not in languages and "en" in languages:
        return "en"
    return DEFAULT_LANGUAGE


def _municipality_recipients(engagement):
    """Return the staff to write to: whoever invited, else the coordinators, else all approved staff."""
    if engagement.initiated_by == Engagement.Initiator.MUNICIPALITY and engagement.created_by_id:
        if can_manage_challenge(engagement.created_by, engagement.challenge):
            return [engagement.created_by]
    staff = StaffMembership.objects.approved().for_municipality(engagement.challenge.municipality)
    staff = staff.select_related("user")
    coordinators = [m.user for m in staff if m.is_coordinator]
    return coordinators or [m.user for m in staff]


def _recipients(event):
    """Return (users, language, template) for the e-mail about one engagement step, or None for no e-mail."""
    engagement = event.engagement
    expert_user = engagement.expert.user
    to_expert = ([expert_user] if expert_user else [], engagement.expert_language or expert_language(engagement.expert))
    to_staff = (_municipality_recipients(engagement), engagement.municipality_language or DEFAULT_LANGUAGE)
    if event.status == Engagement.Status.PENDING:
        if engagement.initiated_by == Engagement.Initiator.MUNICIPALITY:
            return (*to_expert, "invitation")
        return (*to_staff, "interest")
    if event.status in (Engagement.Status.ACCEPTED, Engagement.Status.DECLINED):
        # The answer goes back to the party that started the engagement.
        target = to_expert if engagement.initiated_by == Engagement.Initiator.EXPERT else to_staff
        return (*target, event.status)
    return None


def notify_event(event_id):
    """Send the e-mail about one engagement step once, in the recipient's language; return the number sent."""
    with transaction.atomic():
        event = (
            EngagementEvent.objects.select_for_update(of=("self",))
            .select_related("engagement__challenge__municipality", "engagement__expert__user", "actor")
            .filter(pk=event_id, notified_at__isnull=True)
            .first()
        )
        if event is None:
            return 0
        plan = _recipients(event)
        sent = 0
        if plan:
            users, language, template = plan
            addresses = [user.email for user in users if user.email]
            if addresses:
                sent = send_engagement_step(event, addresses, language, template)
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
    return sent


def send_engagement_step(event, addresses, language, template):
    """Send the e-mail for one engagement step (`template`: interest, invitation, accepted, declined)."""
    engagement = event.engagement
    with translation.override(language):
        challenge_url = absolute_url(reverse("challenges:detail", args=[engagement.challenge_id]))
    context = {
        "engagement": engagement,
        "challenge": engagement.challenge,
        "expert": engagement.expert,
        "event": event,
        "challenge_url": challenge_url,
    }
    return send_templated(
        f"challenges/email/{template}",
        addresses,
        context,
        language,
        subject_prefix=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
    )
