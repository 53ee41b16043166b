"""Event sign-up: over-long addresses are a form error, sign-ups are rate-limited, and the e-mail's link cancels."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from home.models import EventRegistration

from .test_registration import make_event


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    """Start every test with empty rate-limit counters and small limits."""
    cache.clear()
    settings.EVENT_SIGN_UP_LIMITS = {"ip": (3, 600), "email": (2, 3600)}
    yield
    cache.clear()


@pytest.fixture
def eager(settings):
    """Run the confirmation e-mail task in-process."""
    from config.celery import app

    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def sign_up(event, email, ip="198.51.100.1", name="Ona"):
    return Client(REMOTE_ADDR=ip, raise_request_exception=False).post(
        event.url + "register/", {"name": name, "email": email}
    )


def test_an_address_over_254_characters_is_a_form_error(site_tree):
    event = make_event(site_tree["city"], capacity=5)
    email = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".lt"
    assert len(email) > 254
    response = sign_up(event, email)
    assert response.status_code == 400
    assert "254" in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_one_client_cannot_fill_the_event(site_tree):
    event = make_event(site_tree["city"], capacity=20)
    statuses = [sign_up(event, f"robot{i}@example.com").status_code for i in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert EventRegistration.objects.filter(event=event).count() == 3
    refused = sign_up(event, "robot9@example.com")
    assert (
        "Per trumpą laiką per daug registracijų" in refused.content.decode()
        or "Too many sign-ups" in refused.content.decode()
    )
    # Another visitor is not affected.
    assert sign_up(event, "kita@example.com", ip="198.51.100.2").status_code == 302


def test_one_address_cannot_sign_up_endlessly(site_tree):
    events = [make_event(site_tree["city"], capacity=5) for _ in range(3)]
    statuses = [sign_up(e, "ona@example.com", ip=f"198.51.100.{i}").status_code for i, e in enumerate(events)]
    assert statuses == [302, 302, 429]


def test_confirmation_e_mail_has_a_working_cancel_link(site_tree, eager, django_capture_on_commit_callbacks):
    event = make_event(site_tree["city"], capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert sign_up(event, "ona@example.com").status_code == 302
    [message] = mail.outbox
    [link] = re.findall(r"https?://\S+/cancel/\?token=\S+", message.body)
    path = "/" + link.split("/", 3)[3]
    client = Client()
    page = client.get(path)
    # Opening the link (as a mail scanner would) cancels nothing; the form does.
    assert page.status_code == 200
    assert EventRegistration.objects.filter(event=event).count() == 1
    response = client.post(path)
    assert response.status_code == 302
    assert not EventRegistration.objects.filter(event=event).exists()
    assert client.get(path).status_code == 404
    # The place is free again.
    assert sign_up(event, "jonas@example.com", ip="198.51.100.9").status_code == 302


def test_a_forged_or_foreign_cancel_token_is_refused(site_tree):
    from home.services import cancel_token, register_attendee

    event = make_event(site_tree["city"], capacity=5)
    other = make_event(site_tree["city"], capacity=5)
    registration = register_attendee(event, "Ona", "ona@example.com", "lt")
    token = cancel_token(registration)
    client = Client()
    assert client.post(event.url + f"cancel/?token={token[:-2]}xx").status_code == 404
    assert client.post(other.url + f"cancel/?token={token}").status_code == 404
    assert client.get(event.url + "cancel/").status_code == 404
    assert EventRegistration.objects.filter(pk=registration.pk).exists()
