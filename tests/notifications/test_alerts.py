"""Expert alerts: a newly opened challenge reaches the consenting experts who fit, at most one e-mail a week."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from challenges.models import Challenge, Municipality
from matching import indexing as matching_indexing
from notifications import services
from notifications.models import Notification
from tests.factories import ExpertProfileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]

WATER_CV = (
    "I manage capital delivery at a regional water company. I led water mains replacement and sewer "
    "rehabilitation, and reduced leakage in the distribution network by a fifth."
)


def expert(email, languages, cv=WATER_CV, **extra):
    fields = {
        "name": email.split("@")[0],
        "headline": "Water network engineer",
        "cv_text": cv,
        "competencies": ["leakage reduction", "water supply"],
        "languages": languages,
        "hours_per_month": 10,
        "visibility": "public",
        "consent_given_at": timezone.now(),
        # The factory's other defaults would add topics, a country and city ties to what is matched.
        "help_topics": [],
        "country": "",
        "city_ties": [],
        "can_travel_to_lithuania": False,
    }
    return ExpertProfileFactory(user__username=email, user__email=email, **(fields | extra))


def open_challenge(municipality, title):
    """Create a draft challenge, embed it, then open it (the opening is what alerts experts)."""
    challenge = Challenge.objects.create(
        municipality=municipality,
        kind=Challenge.Kind.EXPERT_OPINION,
        title=title,
        description="Reikia patarimo, kaip sumažinti vandens nuotėkius miesto vandentiekio tinkle.",
        skills_wanted=["leakage reduction"],
        languages_required=["lt"],
        hours_needed_per_month=5,
        status=Challenge.Status.DRAFT,
    )
    matching_indexing.embed_challenge(challenge.pk)
    challenge.status = Challenge.Status.OPEN
    challenge.save()
    return challenge


def test_opened_challenge_alerts_fitting_consenting_experts_once_a_week(settings, django_capture_on_commit_callbacks):
    # Embed in the test itself (the background embedding thread cannot see this test's transaction).
    settings.MATCHING_AUTO_EMBED = False
    municipality = Municipality.objects.create(name="Alytaus miesto savivaldybė", slug="alytus", city_name="Alytus")
    fits = expert("tinka@example.com", ["lt", "en"])
    wrong_language = expert("vokiskai@example.com", ["de"])
    hidden = expert("slepiasi@example.com", ["lt"], visibility="hidden")
    for profile in (fits, wrong_language, hidden):
        matching_indexing.embed_expert(profile.pk)
    with django_capture_on_commit_callbacks(execute=True):
        first = open_challenge(municipality, "Vandens nuotėkių mažinimas")

    alerted = set(
        Notification.objects.filter(type=Notification.Type.CHALLENGE_ALERT).values_list("user__email", flat=True)
    )
    assert "tinka@example.com" in alerted
    assert not alerted & {"vokiskai@example.com", "slepiasi@example.com"}
    assert services.alert_experts(first.pk) == 0  # idempotent: one alert per expert and challenge

    mail.outbox.clear()
    now = timezone.now()
    services.send_due_digests(now + timedelta(minutes=1))
    alert_mails = [m for m in mail.outbox if m.to == ["tinka@example.com"]]
    assert len(alert_mails) == 1 and "Vandens nuotėkių mažinimas" in alert_mails[0].body

    with django_capture_on_commit_callbacks(execute=True):
        open_challenge(municipality, "Vandentiekio tinklo auditas")
    mail.outbox.clear()
    services.send_due_digests(now + timedelta(days=2))
    assert not [m for m in mail.outbox if m.to == ["tinka@example.com"]]  # at most one alert e-mail a week
    services.send_due_digests(now + timedelta(days=8))
    [second] = [m for m in mail.outbox if m.to == ["tinka@example.com"]]
    assert "Vandentiekio tinklo auditas" in second.body and "Vandens nuotėkių mažinimas" not in second.body
