"""A broker outage loses nothing: requests still answer, the work waits in the outbox, a real worker sends it later."""

import time

import pytest
from django.core import mail

from common.models import OutboxMessage
from home.models import EventRegistration
from tests.challenges.factories import ChallengeFactory, ExpertFactory, MunicipalityFactory, StaffFactory
from tests.common.conftest import DEAD_REDIS, broker_at
from tests.conftest import broker_configured
from tests.home.test_registration import make_event
from tests.waiting import wait_for

pytestmark = pytest.mark.worker

CONFIRMATION = "home.tasks.send_registration_confirmation"
ENGAGEMENT = "challenges.tasks.send_engagement_email"


@pytest.fixture
def dead_then_live(settings, transactional_db):
    if not broker_configured():
        pytest.skip("No Celery broker configured (embedded default runs tasks eagerly); CI sets CELERY_BROKER_URL.")
    settings.MATCHING_AUTO_EMBED = False
    from config.celery import app

    app.control.purge()


def test_signups_and_interest_during_an_outage_are_mailed_when_the_broker_returns(dead_then_live, site_tree, client):
    event = make_event(site_tree["city"], title="Vakaronė")
    home = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    coordinator = StaffFactory(municipality=home)
    coordinator.is_coordinator = True
    coordinator.save()
    challenge = ChallengeFactory(municipality=home, title="Atviras iššūkis")
    expert = ExpertFactory()
    OutboxMessage.objects.all().delete()

    with broker_at(DEAD_REDIS):
        started = time.monotonic()
        response = client.post(event.url + "register/", {"name": "Ona", "email": "ona@example.com"})
        assert response.status_code == 302
        client.force_login(expert.user)
        response = client.post(f"/lt/challenges/{challenge.pk}/interest/", {"message": "Galiu"})
        assert response.status_code == 302
        elapsed = time.monotonic() - started
    print(f"two requests with the broker down: {elapsed:.2f} s")
    assert elapsed < 8

    registration = EventRegistration.objects.get(email="ona@example.com")
    pending = {m.task: m for m in OutboxMessage.objects.pending()}
    assert set(pending) >= {CONFIRMATION, ENGAGEMENT}
    assert pending[CONFIRMATION].args == [registration.pk]
    # The first delivery failed fast; later ones in the outage wait for the drainer without trying.
    assert pending[CONFIRMATION].attempts == 1 and pending[CONFIRMATION].last_error
    assert all(m.attempts <= 1 for m in pending.values())
    assert mail.outbox == []

    # The broker is back: a real worker drains the outbox and the e-mails go out.
    from celery.contrib.testing.worker import start_worker

    from common.tasks import drain_outbox
    from config.celery import app

    OutboxMessage.objects.update(available_at=OutboxMessage.objects.earliest("created_at").created_at)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        assert drain_outbox.delay().get(timeout=30) >= 2
        assert wait_for(lambda: EventRegistration.objects.get(pk=registration.pk).confirmation_sent_at is not None)
        assert wait_for(lambda: any(m.to == [coordinator.user.email] for m in mail.outbox)), "interest mail not sent"
    assert any(m.to == ["ona@example.com"] for m in mail.outbox)
    assert not OutboxMessage.objects.pending().exists()


def test_profile_save_during_an_outage_is_quick_and_indexed_later(dead_then_live):
    from celery.contrib.testing.worker import start_worker

    from common.tasks import drain_outbox
    from config.celery import app
    from search.models import ExpertSearchEntry
    from tests.experts.factories import ExpertProfileFactory

    with broker_at(DEAD_REDIS):
        started = time.monotonic()
        profile = ExpertProfileFactory(headline="Vandentvarkos inžinierė")
        elapsed = time.monotonic() - started
    print(f"profile save with the broker down: {elapsed:.2f} s")
    assert elapsed < 5, f"saving a profile took {elapsed:.1f} s with the broker down"
    pending = OutboxMessage.objects.pending().filter(task="search.tasks.index_expert", args=[profile.pk])
    assert pending.exists()
    assert not ExpertSearchEntry.objects.filter(expert=profile).exists()

    OutboxMessage.objects.update(available_at=OutboxMessage.objects.earliest("created_at").created_at)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        drain_outbox.delay().get(timeout=30)
        assert wait_for(lambda: ExpertSearchEntry.objects.filter(expert=profile).exists()), "never indexed"
    assert not pending.exists()
