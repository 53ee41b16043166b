"""Fixtures for coordination tests: two municipalities, one user per role, and a small workspace in Alytus."""

from datetime import date
from decimal import Decimal

import pytest

from coordination.models import (
    AnnualReport,
    Funding,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Need,
    Overseer,
    Partner,
    Plan,
)
from surveys.models import Choice, Question, Survey
from tests.challenges.factories import MunicipalityFactory, StaffFactory, UserFactory

ROLES = [
    "anonymous",
    "member",
    "unapproved_coordinator",
    "own_staff",
    "own_coordinator",
    "other_coordinator",
    "overseer",
    "admin",
]


@pytest.fixture
def world(db):
    """Build Alytus (with partners, a meeting, a need, a plan, a survey, a report) and Kaunas, and one user per role."""
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    kaunas = MunicipalityFactory(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    overseer = UserFactory(username="sppd")
    Overseer.objects.create(user=overseer)
    users = {
        "anonymous": None,
        "member": UserFactory(),
        "unapproved_coordinator": StaffFactory(municipality=alytus, approved=False, is_coordinator=True).user,
        "own_staff": StaffFactory(municipality=alytus).user,
        "own_coordinator": StaffFactory(municipality=alytus, is_coordinator=True).user,
        "other_coordinator": StaffFactory(municipality=kaunas, is_coordinator=True).user,
        "overseer": overseer,
        "admin": UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    partner = Partner.objects.create(
        municipality=alytus, name="Alytaus darbo centras", kind="employment", is_public=True
    )
    meeting = Meeting.objects.create(
        municipality=alytus, date=date(2026, 3, 2), title="Tinklo susitikimas", agreements="Bendras renginys"
    )
    need = Need.objects.create(
        municipality=alytus, year=2026, title="Kalbos kursai", area="language", evidence_kind="meeting"
    )
    plan = Plan.objects.create(municipality=alytus, title="Integracijos planas", start_year=2026, end_year=2028)
    measure = Measure.objects.create(
        plan=plan,
        title="Lietuvių kalbos kursai",
        area="language",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
    )
    indicator = Indicator.objects.create(measure=measure, name="Baigę kursus", unit="asmenys", baseline=Decimal("10"))
    value = IndicatorValue.objects.create(indicator=indicator, year=2026, target=Decimal("40"), actual=Decimal("30"))
    funding = Funding.objects.create(
        measure=measure, year=2026, source="pmif", amount=Decimal("5000"), used=Decimal("4000")
    )
    survey = Survey.objects.create(
        municipality=alytus,
        year=2026,
        title={"lt": "Poreikių apklausa", "uk": "Опитування потреб"},
        languages=["lt", "uk"],
        status="open",
    )
    question = Question.objects.create(
        survey=survey, position=1, kind="single", text={"lt": "Ar dirbate?", "uk": "Ви працюєте?"}
    )
    Choice.objects.create(question=question, position=0, text={"lt": "Taip", "uk": "Так"})
    Choice.objects.create(question=question, position=1, text={"lt": "Ne", "uk": "Ні"})
    report = AnnualReport.objects.create(municipality=alytus, year=2026)
    return {
        "alytus": alytus,
        "kaunas": kaunas,
        "users": users,
        "partner": partner,
        "meeting": meeting,
        "need": need,
        "plan": plan,
        "measure": measure,
        "indicator": indicator,
        "value": value,
        "funding": funding,
        "survey": survey,
        "question": question,
        "report": report,
    }


@pytest.fixture
def client_as(client):
    """Return a function that logs the test client in as a user (or out for None)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
