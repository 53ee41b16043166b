"""The registration confirmation e-mail is sent by a Celery task (a real worker in CI)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from home.models import EventRegistration
from home.services import register_attendee
from tests.home.test_registration import make_event
from tests.waiting import wait_for


def test_confirmation_is_sent_once_in_the_attendees_language(site_tree):
    from home.tasks import send_registration_confirmation

    event = make_event(site_tree["city"], title="Vakaronė")
    registration = register_attendee(event, "Anna", "anna@example.com", "en")
    assert send_registration_confirmation.apply(args=[registration.pk]).get() is True
    assert send_registration_confirmation.apply(args=[registration.pk]).get() is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Registration confirmed")
    assert mail.outbox[0].to == ["anna@example.com"]


def test_confirmation_is_sent_by_a_real_worker(celery_worker, site_tree):
    event = make_event(site_tree["city"], title="Vakaronė", start=timezone.now() + timedelta(days=3))
    registration = register_attendee(event, "Ona", "ona@example.com", "lt")
    assert wait_for(lambda: EventRegistration.objects.get(pk=registration.pk).confirmation_sent_at is not None)
    assert any(message.to == ["ona@example.com"] for message in mail.outbox)
    assert any("Registracija patvirtinta" in message.subject for message in mail.outbox)


@pytest.mark.worker
def test_worker_runs_the_beat_placeholder(celery_worker):
    from home.tasks import nightly_housekeeping

    assert nightly_housekeeping.delay().get(timeout=20) == "ok"
