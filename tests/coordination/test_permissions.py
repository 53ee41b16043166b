"""The permission matrix: who may read, contribute to and manage a municipality's coordination workspace."""

import pytest
from django.urls import reverse

from coordination.models import AnnualReport, Measure, Partner
from coordination.permissions import Access, can_contribute, can_manage, can_view
from tests.coordination.conftest import ROLES

READERS = {"own_staff", "own_coordinator", "overseer", "admin"}
CONTRIBUTORS = {"own_staff", "own_coordinator", "admin"}
MANAGERS = {"own_coordinator", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_rules_answer_per_role(world, role):
    user = world["users"][role]
    access = Access.for_user(user) if user else Access.for_user(None)
    assert can_view(access, world["alytus"]) is (role in READERS)
    assert can_contribute(access, world["alytus"]) is (role in CONTRIBUTORS)
    assert can_manage(access, world["alytus"]) is (role in MANAGERS)
    # Nobody from Alytus reaches Kaunas; Kaunas' coordinator manages Kaunas only.
    assert can_manage(access, world["kaunas"]) is (role in {"other_coordinator", "admin"})


def read_urls(w):
    s = "alytus"
    return [
        reverse("coordination:dashboard", args=[s]),
        reverse("coordination:partners", args=[s]),
        reverse("coordination:partner", args=[s, w["partner"].pk]),
        reverse("coordination:meetings", args=[s]),
        reverse("coordination:network", args=[s]),
        reverse("coordination:needs", args=[s]),
        reverse("coordination:plans", args=[s]),
        reverse("coordination:plan", args=[s, w["plan"].pk]),
        reverse("coordination:monitoring", args=[s, w["plan"].pk]),
        reverse("coordination:plan_history", args=[s, w["plan"].pk]),
        reverse("coordination:funding", args=[s]),
        reverse("coordination:report", args=[s, 2026]),
        reverse("coordination:report_download", args=[s, 2026, "xlsx"]),
        reverse("surveys:list", args=[s]),
        reverse("surveys:detail", args=[s, w["survey"].pk]),
        reverse("surveys:results", args=[s, w["survey"].pk]),
        reverse("surveys:export", args=[s, w["survey"].pk, "csv"]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_workspace(world, client_as, role):
    client = client_as(world["users"][role])
    for url in read_urls(world):
        status = client.get(url).status_code
        if role == "anonymous":
            assert status == 302, url
        elif role in READERS:
            assert status == 200, url
        else:
            assert status == 403, url


def contribute_urls(w):
    s = "alytus"
    return [
        reverse("coordination:partner_new", args=[s]),
        reverse("coordination:partner_edit", args=[s, w["partner"].pk]),
        reverse("coordination:meeting_new", args=[s]),
        reverse("coordination:follow_up_new", args=[s, w["meeting"].pk]),
        reverse("coordination:need_new", args=[s]),
        reverse("coordination:collaboration_new", args=[s]),
        reverse("coordination:value_edit", args=[s, w["indicator"].pk, w["value"].pk]),
    ]


def manage_urls(w):
    s = "alytus"
    return [
        reverse("coordination:plan_new", args=[s]),
        reverse("coordination:measure_new", args=[s, w["plan"].pk]),
        reverse("coordination:measure_edit", args=[s, w["plan"].pk, w["measure"].pk]),
        reverse("coordination:indicator_new", args=[s, w["measure"].pk]),
        reverse("coordination:funding_edit", args=[s, w["measure"].pk, w["funding"].pk]),
        reverse("coordination:application_new", args=[s]),
        reverse("coordination:project_new", args=[s]),
        reverse("surveys:new", args=[s]),
        reverse("surveys:question_new", args=[s, w["survey"].pk]),
        reverse("surveys:import", args=[s]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_contributing_and_managing(world, client_as, role):
    client = client_as(world["users"][role])
    for allowed, urls in ((CONTRIBUTORS, contribute_urls(world)), (MANAGERS, manage_urls(world))):
        for url in urls:
            status = client.get(url).status_code
            if role == "anonymous":
                assert status == 302, url
            else:
                assert status == (200 if role in allowed else 403), (role, url)


@pytest.mark.parametrize("role", ROLES)
def test_posting_is_refused_to_readers(world, client_as, role):
    """A POST from the overseer or another city changes nothing."""
    client = client_as(world["users"][role])
    before = Partner.objects.count()
    response = client.post(reverse("coordination:partner_new", args=["alytus"]), {"name": "Naujas", "kind": "ngo"})
    if role in CONTRIBUTORS:
        assert response.status_code == 302
        assert Partner.objects.count() == before + 1
    else:
        assert response.status_code in (302, 403)
        assert Partner.objects.count() == before
    measure_title = Measure.objects.get().title
    client.post(
        reverse("coordination:measure_edit", args=["alytus", world["plan"].pk, world["measure"].pk]),
        {
            "title": "Pakeista",
            "area": "language",
            "start_date": "2026-01-01",
            "end_date": "2026-12-31",
            "status": "done",
        },
    )
    assert Measure.objects.get().title == ("Pakeista" if role in MANAGERS else measure_title)


def test_objects_of_another_municipality_are_not_reachable_through_own_slug(world, client_as):
    client = client_as(world["users"]["other_coordinator"])
    # Kaunas' coordinator uses Kaunas' slug with an Alytus partner id: not found.
    assert client.get(reverse("coordination:partner_edit", args=["kaunas", world["partner"].pk])).status_code == 404
    assert (
        client.get(
            reverse("coordination:measure_edit", args=["kaunas", world["plan"].pk, world["measure"].pk])
        ).status_code
        == 404
    )


def test_report_lifecycle_rules(world, client_as):
    url = lambda action: reverse("coordination:report_action", args=["alytus", 2026, action])  # noqa: E731
    staff = client_as(world["users"]["own_staff"])
    assert staff.post(url("submit")).status_code == 403
    overseer = client_as(world["users"]["overseer"])
    assert overseer.post(url("generate")).status_code == 403
    coordinator = client_as(world["users"]["own_coordinator"])
    assert coordinator.post(url("generate")).status_code == 302
    assert coordinator.post(url("submit")).status_code == 302
    report = AnnualReport.objects.get(pk=world["report"].pk)
    assert report.status == "submitted" and report.submitted_by == world["users"]["own_coordinator"]
    assert coordinator.post(url("accept")).status_code == 403
    overseer = client_as(world["users"]["overseer"])
    assert overseer.post(url("accept")).status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted" and report.accepted_by == world["users"]["overseer"]


@pytest.mark.parametrize("role", ROLES)
def test_overview_is_for_the_overseer(world, client_as, role):
    status = client_as(world["users"][role]).get(reverse("coordination:overview")).status_code
    assert status == (302 if role == "anonymous" else 200 if role in {"overseer", "admin"} else 403)


def test_public_help_lists_public_partners_with_the_iom_link(world, client):
    world["partner"].is_public = True
    world["partner"].save()
    Partner.objects.create(municipality=world["alytus"], name="Slaptas partneris", kind="ngo", is_public=False)
    html = client.get(reverse("coordination:public_help", args=["alytus"])).content.decode()
    assert "Alytaus darbo centras" in html
    assert "Slaptas partneris" not in html
    assert "iom.lt" in html


@pytest.mark.parametrize("role", ROLES)
def test_querysets_follow_the_same_rules(world, role):
    user = world["users"][role]
    Partner.objects.create(municipality=world["kaunas"], name="Kauno partneris", kind="ngo")
    names = set(Partner.objects.visible_to(Access.for_user(user)).values_list("name", flat=True))
    if role in {"overseer", "admin"}:
        assert names == {"Alytaus darbo centras", "Kauno partneris"}
    elif role in {"own_staff", "own_coordinator"}:
        assert names == {"Alytaus darbo centras"}
    elif role == "other_coordinator":
        assert names == {"Kauno partneris"}
    else:
        assert names == set()
