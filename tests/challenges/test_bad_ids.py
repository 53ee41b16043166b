"""Ids in query strings and forms: only ASCII digits count; anything else is a 400/404 or a form error, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.request_params import parse_id
from challenges.models import Engagement

BAD = ["²", "١٢", "1²", "-1", " 1", "1e3", "0", "9" * 40, ""]


def test_parse_id_accepts_ascii_digits_only():
    assert parse_id("42") == 42
    for value in BAD + [None, 3]:
        assert parse_id(value) is None


@pytest.mark.parametrize("value", ["²", "9" * 40])
def test_invite_with_bad_expert_id(world, value):
    client = Client(raise_request_exception=False)
    client.force_login(world["users"]["own_staff"])
    response = client.post(reverse("challenges:invite", args=[world["open"].pk]), {"expert_id": value})
    assert response.status_code == 302
    assert not Engagement.objects.exists()


@pytest.mark.parametrize("value", ["²", "9" * 40])
def test_why_not_with_bad_expert(world, value):
    client = Client(raise_request_exception=False)
    client.force_login(world["users"]["own_staff"])
    response = client.get(reverse("matching:why_not", args=[world["open"].pk]), {"expert": value})
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["²", "9" * 40])
def test_similar_ideas_with_bad_exclude(site_tree, settings, value):
    from tests.ideas.conftest import make_call

    settings.MATCHING_AUTO_EMBED = False
    call = make_call(site_tree["city"])
    client = Client(raise_request_exception=False)
    response = client.get(reverse("ideas:similar", args=[call.pk]), {"title": "Parkas", "exclude": value})
    assert response.status_code == 200
    assert response.json()["results"] == []
