"""Workspace behaviour: plan versioning, form validation, the network matrix, contact persons' data."""

import json
from datetime import date, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coordination import services
from coordination.models import Collaboration, ContactPerson, Funding, IndicatorValue, Measure, Partner, PlanRevision


def test_changes_are_versioned_and_the_old_plan_can_be_shown(world, client_as):
    client = client_as(world["users"]["own_coordinator"])
    plan, measure = world["plan"], world["measure"]
    services.record_revision(
        plan, world["users"]["own_coordinator"], "initial", at=timezone.now() - timedelta(days=400)
    )
    url = reverse("coordination:measure_edit", args=["alytus", plan.pk, measure.pk])
    data = {
        "title": "Kalbos kursai vakarais",
        "area": "language",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "status": "done",
    }
    assert client.post(url, data).status_code == 302
    revision = PlanRevision.objects.filter(plan=plan).first()
    assert revision.user == world["users"]["own_coordinator"]
    assert "Kalbos kursai vakarais" in revision.summary and "status" in revision.summary
    assert revision.snapshot["measures"][0]["status"] == "done"
    old = services.plan_as_of(plan, timezone.now() - timedelta(days=300))
    assert old["measures"][0]["title"] == "Lietuvių kalbos kursai" and old["measures"][0]["status"] == "planned"
    history = client.get(
        reverse("coordination:plan_history", args=["alytus", plan.pk]),
        {"at": (timezone.now() - timedelta(days=300)).isoformat()},
    )
    assert "Lietuvių kalbos kursai" in history.content.decode()


def test_forms_refuse_bad_input(world, client_as):
    client = client_as(world["users"]["own_coordinator"])
    plan, measure, indicator = world["plan"], world["measure"], world["indicator"]
    bad_dates = {
        "title": "X",
        "area": "language",
        "start_date": "2026-05-01",
        "end_date": "2026-04-01",
        "status": "planned",
    }
    response = client.post(reverse("coordination:measure_new", args=["alytus", plan.pk]), bad_dates)
    assert response.status_code == 400 and "Pabaiga negali būti ankstesnė už pradžią." in response.content.decode()
    assert Measure.objects.count() == 1
    funding_url = reverse("coordination:funding_new", args=["alytus", measure.pk])
    assert client.post(funding_url, {"year": 2026, "source": "state", "amount": "-5", "used": "0"}).status_code == 400
    assert (
        client.post(funding_url, {"year": 2026, "source": "state", "amount": "100", "used": "150"}).status_code == 400
    )
    assert client.post(funding_url, {"year": 2026, "source": "state", "amount": "abc", "used": "0"}).status_code == 400
    assert Funding.objects.count() == 1
    value_url = reverse("coordination:value_new", args=["alytus", indicator.pk])
    assert client.post(value_url, {"year": 2030, "target": "5"}).status_code == 400  # outside 2026–2028
    assert client.post(value_url, {"year": 2026, "target": "5"}).status_code == 400  # 2026 exists
    assert client.post(value_url, {"year": 2027, "target": "ten"}).status_code == 400
    assert client.post(value_url, {"year": 2027, "target": "50"}).status_code == 302
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 2
    plan_url = reverse("coordination:plan_new", args=["alytus"])
    assert client.post(plan_url, {"title": "P", "start_year": 2028, "end_year": 2026}).status_code == 400
    follow_url = reverse("coordination:follow_up_new", args=["alytus", world["meeting"].pk])
    assert client.post(follow_url, {"task": "T", "owner": "O", "due_date": "2026-01-01"}).status_code == 400
    partner_url = reverse("coordination:partner_new", args=["alytus"])
    assert client.post(partner_url, {"name": "P", "kind": "ngo", "languages": "lt, xx"}).status_code == 400


def test_network_matrix_is_symmetric(world, client_as):
    other = Partner.objects.create(municipality=world["alytus"], name="Bendruomenės namai", kind="community")
    Collaboration.objects.create(
        municipality=world["alytus"], first=world["partner"], second=other, topic="Kalbos klubai"
    )
    html = client_as(world["users"]["own_staff"]).get(reverse("coordination:network", args=["alytus"])).content.decode()
    assert html.count("<td>Kalbos klubai</td>") == 2


def test_contact_person_export_and_erasure(world, client_as):
    contact = ContactPerson.objects.create(
        partner=world["partner"], name="Rasa Žiedaitė", email="rasa@example.org", consent_given_on="2026-01-15"
    )
    client = client_as(world["users"]["own_staff"])
    data = json.loads(client.get(reverse("coordination:contact_export", args=["alytus", contact.pk])).content)
    assert data["name"] == "Rasa Žiedaitė" and data["partner"] == "Alytaus darbo centras"
    assert (
        client_as(world["users"]["overseer"])
        .post(reverse("coordination:contact_erase", args=["alytus", contact.pk]))
        .status_code
        == 403
    )
    client = client_as(world["users"]["own_staff"])
    assert client.post(reverse("coordination:contact_erase", args=["alytus", contact.pk])).status_code == 302
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()


def test_quarterly_payment_request_reminders(world):
    from coordination.models import Project
    from tests.challenges.factories import UserFactory

    coordinator = world["users"]["own_coordinator"]
    coordinator.email = "koord@alytus.lt"
    coordinator.save()
    Project.objects.create(
        municipality=world["alytus"],
        title="Kartu",
        start_date=date(2026, 5, 1),
        end_date=date(2027, 4, 30),
        budget=1000,
    )
    Project.objects.create(
        municipality=world["alytus"],
        title="Baigtas",
        start_date=date(2025, 1, 1),
        end_date=date(2026, 3, 31),
        budget=1000,
    )
    UserFactory()  # someone else: never reminded
    assert services.quarter_just_ended(date(2027, 1, 3)) == "2026-Q4"
    assert services.quarter_just_ended(date(2026, 7, 1)) == "2026-Q2"
    mail.outbox = []
    assert services.send_payment_request_reminders(date(2026, 7, 2)) == 1  # Q2: only "Kartu" ran in it
    assert services.send_payment_request_reminders(date(2026, 7, 3)) == 0  # once per quarter
    assert services.send_payment_request_reminders(date(2026, 7, 9)) == 0  # not in the first week
    assert services.send_payment_request_reminders(date(2026, 8, 1)) == 0
    assert mail.outbox[0].to == ["koord@alytus.lt"] and "2026-Q2" in mail.outbox[0].subject
    assert "Ketvirtis 2026-Q2 baigėsi: pateikite projekto „Kartu“ mokėjimo prašymą." in mail.outbox[0].body
    assert "/lt/coordination/alytus/funding/" in mail.outbox[0].alternatives[0][0]
