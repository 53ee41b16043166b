"""Suggestions through the API once the challenge is embedded: ranked, explained, visible experts only."""

import pytest

from api import services as api_services
from matching import indexing, services
from tests.api.conftest import client_for
from tests.challenges.factories import MunicipalityFactory, StaffFactory
from tests.matching.conftest import EVENTS_LT, NURSE_LT, WATER_EN, embedder  # noqa: F401 - session fixture
from tests.matching.test_services import _challenge, _profile


@pytest.fixture
def embedded(db, settings, tmp_path, embedder):  # noqa: F811
    """A water challenge of Alytus and three profiles (one hidden), all embedded; an Alytus staff token."""
    settings.MATCHING_INDEX_DIR = str(tmp_path / "index")
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    staff = StaffFactory(municipality=alytus, user__username="alytus-api-staff").user
    water, events = _profile(WATER_EN), _profile(EVENTS_LT)
    hidden = _profile(NURSE_LT, visibility="hidden")
    challenge = _challenge(alytus)
    for profile in (water, events, hidden):
        indexing.embed_expert(profile.pk)
    indexing.embed_challenge(challenge.pk)
    _, secret = api_services.issue_token(staff, "test")
    return {"secret": secret, "staff": staff, "challenge": challenge, "water": water, "hidden": hidden}


def test_ready_suggestions_with_explanations(embedded):
    response = client_for(embedded["secret"]).get(
        f"/api/v1/challenges/{embedded['challenge'].pk}/suggestions/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    # Exactly what the staff page ranks (same service, same viewer).
    site = services.suggestions_for_challenge(embedded["challenge"], embedded["staff"])
    assert [row["expert"]["id"] for row in body["suggestions"]] == [int(s.id) for s in site.suggestions]
    assert [row["expert"]["id"] for row in body["also_relevant"]] == [int(s.id) for s in site.also_relevant]
    rows = body["suggestions"] + body["also_relevant"]
    water = next(row for row in rows if row["expert"]["id"] == embedded["water"].pk)
    assert water["expert"] == {"id": embedded["water"].pk, "name": WATER_EN["name"], "headline": WATER_EN["headline"]}
    assert embedded["hidden"].pk not in {row["expert"]["id"] for row in rows}
    why = water["explanation"]
    assert why["summary"].startswith("Covers") and why["constraints"][0]["text"].startswith("Speaks every")
    # The shape `python -m matching explain` writes; whether a skill is covered is the model's call.
    assert {"covered", "missing", "constraints", "summary"} <= set(why)
    assert len(why["covered"]) + len(why["missing"]) == 2
    covered = [item for row in rows for item in row["explanation"]["covered"]]
    assert all({"skill", "evidence"} == set(item) for item in covered)
    assert "cv" not in rows[0]["expert"] and "PRIVATE" not in response.content.decode()
