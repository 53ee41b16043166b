"""Role × action matrix: every role gets the expected answer (allowed, login redirect, 403 or 404), never a crash."""

import pytest
from django.urls import NoReverseMatch, reverse

from challenges.models import Challenge, Engagement
from challenges.services import express_interest
from tests.challenges.conftest import ROLES, login

pytestmark = pytest.mark.django_db

LOGIN = "login"


def outcome(response):
    """Reduce a response to "ok", "login", 403 or 404."""
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    if response.status_code in (200, 302):
        return "ok"
    return response.status_code


def expected(allowed, **overrides):
    """Build the expected answer per role: anonymous goes to login, the listed roles are allowed, others get 403."""
    table = {role: ("ok" if role in allowed else 403) for role in ROLES}
    table["anonymous"] = LOGIN
    table.update(overrides)
    return table


CREATE = expected({"own_staff", "other_staff"})
MANAGE = expected({"own_staff"})
VIEW_DRAFT = {role: 404 for role in ROLES} | {"own_staff": "ok", "admin": "ok"}
INTEREST = expected({"expert"})


@pytest.mark.parametrize("role", ROLES)
def test_create_form(client, world, role):
    login(client, world["users"][role])
    assert outcome(client.get(reverse("challenges:create"))) == CREATE[role]


@pytest.mark.parametrize("role", ROLES)
def test_create_post(client, world, role):
    login(client, world["users"][role])
    data = {"kind": "workshop", "title": "Naujas", "description": "Aprašymas", "hours_needed_per_month": 4}
    assert outcome(client.post(reverse("challenges:create"), data)) == CREATE[role]
    created = Challenge.objects.filter(title="Naujas").first()
    assert (created is not None) == (CREATE[role] == "ok")
    if created:
        assert created.municipality == world["users"][role].staff_membership.municipality
        assert created.status == "draft"


@pytest.mark.parametrize("role", ROLES)
def test_edit(client, world, role):
    login(client, world["users"][role])
    url = reverse("challenges:edit", args=[world["open"].pk])
    assert outcome(client.get(url)) == MANAGE[role]
    data = {"kind": "workshop", "title": "Pakeista", "description": "Naujas", "hours_needed_per_month": 2}
    assert outcome(client.post(url, data)) == MANAGE[role]
    world["open"].refresh_from_db()
    assert (world["open"].title == "Pakeista") == (MANAGE[role] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_transition(client, world, role):
    login(client, world["users"][role])
    response = client.post(reverse("challenges:transition", args=[world["open"].pk]), {"status": "in_progress"})
    assert outcome(response) == MANAGE[role]
    world["open"].refresh_from_db()
    assert (world["open"].status == "in_progress") == (MANAGE[role] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_transition_of_draft_hidden_from_outsiders(client, world, role):
    login(client, world["users"][role])
    response = client.post(reverse("challenges:transition", args=[world["draft"].pk]), {"status": "open"})
    want = {**MANAGE, **{r: 404 for r in ("member", "expert", "unapproved_staff", "other_staff")}}
    assert outcome(response) == want[role]
    world["draft"].refresh_from_db()
    assert (world["draft"].status == "open") == (want[role] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_view_draft(client, world, role):
    login(client, world["users"][role])
    assert outcome(client.get(reverse("challenges:detail", args=[world["draft"].pk]))) == VIEW_DRAFT[role]


@pytest.mark.parametrize("role", ROLES)
def test_view_open_challenge_is_public(client, world, role):
    login(client, world["users"][role])
    response = client.get(reverse("challenges:detail", args=[world["open"].pk]))
    assert response.status_code == 200
    assert "Atviras iššūkis" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_draft_never_listed_for_outsiders(client, world, role):
    login(client, world["users"][role])
    body = client.get(reverse("challenges:list"), {"status": ""}).content.decode()
    assert "Atviras iššūkis" in body
    assert ("Slaptas juodraščio pavadinimas" in body) == (VIEW_DRAFT[role] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_invite(client, world, role):
    login(client, world["users"][role])
    url = reverse("challenges:invite", args=[world["open"].pk])
    response = client.post(url, {"expert_id": world["expert"].pk, "message": "Prašome"})
    assert outcome(response) == MANAGE[role]
    created = Engagement.objects.filter(expert=world["expert"], initiated_by="municipality").exists()
    assert created == (MANAGE[role] == "ok")


@pytest.mark.parametrize("role", ROLES)
def test_express_interest(client, world, role):
    login(client, world["users"][role])
    response = client.post(reverse("challenges:express_interest", args=[world["open"].pk]), {"message": "Galiu"})
    assert outcome(response) == INTEREST[role]
    assert Engagement.objects.filter(initiated_by="expert").exists() == (INTEREST[role] == "ok")


RESPOND_TO_INTEREST = {
    "anonymous": LOGIN,
    "member": 404,
    "expert": "refused",  # the initiator may withdraw, not accept their own offer
    "unapproved_staff": 404,
    "own_staff": "ok",
    "other_staff": 404,
    "admin": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_respond_to_interest(client, world, role):
    engagement = express_interest(world["users"]["expert"], world["open"], "Galiu padėti")
    login(client, world["users"][role])
    response = client.post(reverse("challenges:engagement_respond", args=[engagement.pk]), {"decision": "accept"})
    engagement.refresh_from_db()
    want = RESPOND_TO_INTEREST[role]
    if want == "refused":
        assert response.status_code == 302
        assert engagement.status == "pending"
    else:
        assert outcome(response) == want
        assert (engagement.status == "accepted") == (want == "ok")


def test_import_is_cli_only(client, world):
    login(client, world["users"]["admin"])
    with pytest.raises(NoReverseMatch):
        reverse("challenges:import")
    assert client.post("/lt/challenges/import/", {"file": "x"}).status_code == 404


def test_get_on_post_only_actions_is_refused(client, world):
    login(client, world["users"]["own_staff"])
    assert client.get(reverse("challenges:transition", args=[world["open"].pk])).status_code == 405
    assert client.get(reverse("challenges:invite", args=[world["open"].pk])).status_code == 405
