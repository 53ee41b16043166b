"""Fixtures for challenge tests: one user per role, and a Lithuanian catalogue built from our TSV."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ChallengeFactory, ExpertProfileFactory, MunicipalityFactory, StaffFactory, UserFactory

ROLES = ["anonymous", "member", "expert", "unapproved_staff", "own_staff", "other_staff", "admin"]
TSV = Path(__file__).resolve().parents[2] / "locale_src" / "challenges.lt.tsv"


@pytest.fixture
def world(db):
    """Build two municipalities, one user per role, and an open and a draft challenge of the first municipality."""
    home = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    other = MunicipalityFactory(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    expert = ExpertProfileFactory()
    users = {
        "anonymous": None,
        "member": UserFactory(),
        "expert": expert.user,
        "unapproved_staff": StaffFactory(municipality=home, approved=False).user,
        "own_staff": StaffFactory(municipality=home).user,
        "other_staff": StaffFactory(municipality=other).user,
        "admin": get_user_model().objects.create_superuser("admin", "admin@example.org", "correct-horse-battery"),
    }
    return {
        "home": home,
        "other": other,
        "users": users,
        "expert": expert,
        "open": ChallengeFactory(municipality=home, title="Atviras iššūkis"),
        "draft": ChallengeFactory(municipality=home, title="Slaptas juodraščio pavadinimas", status="draft"),
    }


def login(client, user):
    """Sign the client in as `user` (or stay anonymous for None)."""
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def lt_catalogue(settings):
    """Make sure the compiled Lithuanian catalogue (bin/compile-translations) carries these strings."""
    catalogue = settings.BASE_DIR / "locale" / "lt" / "LC_MESSAGES" / "django.mo"
    assert catalogue.exists(), "run bin/compile-translations"
    return catalogue


__all__ = ["ROLES", "login", "ChallengeFactory", "ExpertProfileFactory", "StaffFactory", "UserFactory"]


@pytest.fixture
def eager_tasks(settings):
    """Run Celery tasks in-process even when a broker is configured (the real-worker test covers the broker)."""
    from config.celery import app

    # Other apps' signal handlers would otherwise load the embedding model inside the test (~30 s).
    settings.MATCHING_AUTO_EMBED = False
    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


@pytest.fixture
def no_auto_embed(settings):
    """Stop matching from queueing model loads on every save (list this before fixtures that create data)."""
    settings.MATCHING_AUTO_EMBED = False


@pytest.fixture
def purged_broker(settings):
    """Drop tasks earlier tests left queued with no worker running (list this before `celery_worker`)."""
    from config.celery import app

    if settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        app.control.purge()
