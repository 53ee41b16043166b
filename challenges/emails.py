"""E-mails about engagement steps, rendered from templates/challenges/email/ in the recipient's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from common.emails import send_templated
from common.links import absolute_url


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
