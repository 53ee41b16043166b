"""Racing engagements: simultaneous interest and invitations get the sequential answer, never a 500."""

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse as django_reverse
from django.utils import translation

from challenges.models import Engagement
from tests.factories import ExpertProfileFactory


def post_at_once(requests):
    """POST every (user, url, data) at the same moment from its own client; return the responses."""
    barrier = threading.Barrier(len(requests))
    responses, errors = [], []

    def worker(user, url, data):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        try:
            barrier.wait()
            responses.append(client.post(url, data))
        except Exception as exc:  # noqa: BLE001 - asserted on below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=request) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return responses


def reverse(name, args):
    """Reverse an English URL, so the flash messages can be compared in English."""
    with translation.override("en"):
        return django_reverse(name, args=args)


def texts(response):
    """Return the flash messages a response left behind."""
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def quiet_tasks(eager_tasks):
    """Run the engagement e-mails in-process (no broker queue left behind); races need PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("Races are exercised on PostgreSQL (CI); SQLite's in-memory database refuses competing writers.")


@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_interests_by_one_expert(world, quiet_tasks):
    url = reverse("challenges:express_interest", args=[world["open"].pk])
    expert = world["users"]["expert"]
    responses = post_at_once([(expert, url, {"message": "Galiu"})] * 30)
    statuses = sorted(r.status_code for r in responses)
    print("statuses", statuses)
    assert statuses == [302] * 30
    assert Engagement.objects.filter(challenge=world["open"]).count() == 1
    answers = [texts(r) for r in responses]
    assert sum(1 for a in answers if a == ["Your interest was sent to the municipality."]) == 1
    assert sum(1 for a in answers if a == ["You have already responded to this challenge."]) == 29


@pytest.mark.django_db(transaction=True)
def test_interests_racing_invitations(world, quiet_tasks):
    challenge = world["open"]
    staff = world["users"]["own_staff"]
    experts = [ExpertProfileFactory() for _ in range(20)]
    interest_url = reverse("challenges:express_interest", args=[challenge.pk])
    invite_url = reverse("challenges:invite", args=[challenge.pk])
    requests = []
    for expert in experts:
        requests.append((expert.user, interest_url, {"message": "Galiu"}))
        requests.append((staff, invite_url, {"expert_id": str(expert.pk), "message": "Kviečiame"}))
    responses = post_at_once(requests)
    assert sorted(r.status_code for r in responses) == [302] * 40
    assert Engagement.objects.filter(challenge=challenge).count() == 20
    friendly = {
        "You have already responded to this challenge.",
        "This expert is already engaged with this challenge.",
    }
    refused = [a for a in (texts(r) for r in responses) if set(a) & friendly]
    assert len(refused) == 20
