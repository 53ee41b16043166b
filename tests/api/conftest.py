"""API fixtures: two municipalities with staff and tokens, experts of every visibility, a JSON client."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from api import services
from challenges.models import Challenge
from tests.challenges.factories import ChallengeFactory, ExpertFactory, MunicipalityFactory, StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Start every test with empty rate-limit counters (they live in the Django cache)."""
    cache.clear()
    yield
    cache.clear()


def client_for(secret=None):
    """Return an API client sending `secret` as a bearer token (anonymous without one)."""
    client = APIClient()
    if secret:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def api_world(db):
    """Alytus and Kaunas, approved staff of each with a token, an unapproved one, a member, experts, challenges."""
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    kaunas = MunicipalityFactory(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    alytus_staff = StaffFactory(municipality=alytus).user
    kaunas_staff = StaffFactory(municipality=kaunas).user
    unapproved = StaffFactory(municipality=alytus, approved=False).user
    member = UserFactory()
    _, alytus_secret = services.issue_token(alytus_staff, "Alytus website")
    _, kaunas_secret = services.issue_token(kaunas_staff, "Kaunas website")
    revoked, revoked_secret = services.issue_token(alytus_staff, "old")
    services.revoke_token(alytus_staff, revoked.pk)
    experts = {
        "public": ExpertFactory(name="Viešoji Ekspertė", visibility="public", cv_text="PRIVATE-CV public"),
        "staff": ExpertFactory(name="Tik Darbuotojams", visibility="staff", cv_text="PRIVATE-CV staff"),
        "hidden": ExpertFactory(name="Paslėpta Ekspertė", visibility="hidden"),
        "no_consent": ExpertFactory(name="Nesutikusi Ekspertė", visibility="public", consent_given_at=None),
    }
    challenges = {
        "alytus_open": ChallengeFactory(municipality=alytus, title="Alytaus atviras"),
        "alytus_draft": ChallengeFactory(
            municipality=alytus, title="Alytaus juodraštis", status=Challenge.Status.DRAFT
        ),
        "kaunas_open": ChallengeFactory(municipality=kaunas, title="Kauno atviras"),
        "kaunas_draft": ChallengeFactory(municipality=kaunas, title="Kauno juodraštis", status=Challenge.Status.DRAFT),
    }
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "correct-horse-battery")
    return {
        "alytus": alytus,
        "kaunas": kaunas,
        "users": {
            "alytus_staff": alytus_staff,
            "kaunas_staff": kaunas_staff,
            "unapproved": unapproved,
            "member": member,
            "admin": admin,
        },
        "secrets": {"alytus": alytus_secret, "kaunas": kaunas_secret, "revoked": revoked_secret},
        "experts": experts,
        "challenges": challenges,
        "now": timezone.now(),
    }


@pytest.fixture
def events(site_tree):
    """A yearly tradition and a one-off event in Alytus (the tradition also in English), and a past event."""
    from home.models import EventIndexPage, EventPage

    city = site_tree["city"]
    index = city.add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    start = timezone.now() + timedelta(days=3)
    yearly = index.add_child(
        instance=EventPage(
            title="Kūčių vakaras",
            slug="kuciu-vakaras",
            start=start,
            end=start + timedelta(hours=3),
            recurrence="FREQ=YEARLY",
            venue_name="Rotušė",
        )
    )
    once = index.add_child(
        instance=EventPage(
            title="Susitikimas",
            slug="susitikimas",
            start=start + timedelta(days=10),
            end=start + timedelta(days=10, hours=2),
            online_url="https://example.org/meet",
        )
    )
    past = index.add_child(
        instance=EventPage(
            title="Praėjęs",
            slug="praejes",
            start=start - timedelta(days=30),
            end=start - timedelta(days=29),
            venue_name="Parkas",
        )
    )
    index_en = index.copy_for_translation(site_tree["city_en"].locale)
    index_en.save_revision().publish()
    yearly_en = yearly.copy_for_translation(site_tree["city_en"].locale)
    yearly_en.title = "Christmas Eve"
    yearly_en.save_revision().publish()
    return {"yearly": yearly, "once": once, "past": past, "yearly_en": yearly_en.specific}
