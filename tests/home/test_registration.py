"""Event registration: capacity, closing time, duplicates and concurrent sign-ups."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from home.models import EventPage, EventRegistration
from home.services import RegistrationError, register_attendee


@pytest.fixture(autouse=True)
def english():
    """Service-level messages are checked in English; pages are checked in Lithuanian below."""
    with translation.override("en"):
        yield


def make_event(city, **overrides):
    from home.models import EventIndexPage

    index = EventIndexPage.objects.child_of(city).first() or city.add_child(
        instance=EventIndexPage(title="Renginiai", slug="renginiai")
    )
    start = timezone.now() + timedelta(days=5)
    fields = {
        "title": "Susitikimas",
        "slug": f"susitikimas-{EventPage.objects.count()}",
        "start": start,
        "end": start + timedelta(hours=2),
        "venue_name": "Rotušė",
        "registration_enabled": True,
        "capacity": 2,
    }
    fields.update(overrides)
    return index.add_child(instance=EventPage(**fields))


def test_registers_until_full_then_refuses(site_tree):
    event = make_event(site_tree["city"], capacity=2)
    register_attendee(event, "Ona", "ona@example.com", "lt")
    register_attendee(event, "Jonas", "jonas@example.com", "lt")
    with pytest.raises(RegistrationError, match="full"):
        register_attendee(event, "Petras", "petras@example.com", "en")
    assert EventRegistration.objects.filter(event=event).count() == 2


def test_duplicate_sign_up_is_refused_case_insensitively(site_tree):
    event = make_event(site_tree["city"], capacity=10)
    register_attendee(event, "Ona", "ona@example.com", "lt")
    with pytest.raises(RegistrationError, match="already registered"):
        register_attendee(event, "Ona", "ONA@example.com ", "lt")


def test_late_sign_up_is_refused(site_tree):
    event = make_event(site_tree["city"], registration_closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(RegistrationError, match="closed"):
        register_attendee(event, "Ona", "ona@example.com", "lt")
    assert not EventRegistration.objects.exists()


def test_registration_disabled_is_refused(site_tree):
    event = make_event(site_tree["city"], registration_enabled=False)
    with pytest.raises(RegistrationError):
        register_attendee(event, "Ona", "ona@example.com", "lt")


def test_translations_share_one_attendee_list(site_tree):
    from wagtail.models import Locale

    event = make_event(site_tree["city"], capacity=1)
    english = event.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    register_attendee(english.specific, "Anna", "anna@example.com", "en")
    with pytest.raises(RegistrationError):
        register_attendee(event, "Ona", "ona@example.com", "lt")
    assert EventRegistration.objects.get().event_id == event.pk


def test_recurring_event_takes_registrations_for_the_next_occurrence(site_tree):
    last_year = timezone.now() - timedelta(days=360)
    event = make_event(
        site_tree["city"], start=last_year, end=last_year + timedelta(hours=2), recurrence="FREQ=YEARLY", capacity=5
    )
    registration = register_attendee(event, "Ona", "ona@example.com", "lt")
    assert registration.occurrence_start > timezone.now()


def test_form_shows_a_clear_message_when_full(client, site_tree):
    event = make_event(site_tree["city"], capacity=1)
    register_attendee(event, "Ona", "ona@example.com", "lt")
    response = client.post(event.url + "register/", {"name": "Jonas", "email": "jonas@example.com"})
    assert response.status_code == 409
    assert "Atsiprašome, vietų nebėra." in response.content.decode()


def test_form_registers_and_redirects(client, site_tree):
    event = make_event(site_tree["city"], capacity=3)
    response = client.post(event.url + "register/", {"name": "Jonas", "email": "jonas@example.com"}, follow=True)
    assert response.status_code == 200
    assert EventRegistration.objects.filter(event=event, email="jonas@example.com").exists()


def test_form_validates_input(client, site_tree):
    event = make_event(site_tree["city"])
    response = client.post(event.url + "register/", {"name": "", "email": "not-an-email"})
    assert response.status_code == 400
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_sign_ups_never_exceed_capacity(site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is exercised on PostgreSQL (CI); SQLite serialises writers anyway.")
    event = make_event(site_tree["city"], capacity=3)
    barrier = threading.Barrier(12)
    outcomes = []

    def sign_up(number):
        from django.db import connection as thread_connection

        barrier.wait()
        try:
            register_attendee(event, f"Dalyvis {number}", f"dalyvis{number}@example.com", "lt")
            outcomes.append("ok")
        except RegistrationError:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=sign_up, args=(number,)) for number in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 3
    assert EventRegistration.objects.filter(event=event).count() == 3


def test_attendees_are_listed_in_the_admin(admin_client, site_tree):
    event = make_event(site_tree["city"], capacity=3)
    register_attendee(event, "Ona", "ona@example.com", "lt")
    response = admin_client.get("/admin/snippets/home/eventregistration/")
    assert response.status_code == 200
    assert "ona@example.com" in response.content.decode()
