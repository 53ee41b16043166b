"""Phase rules: no submission before or after the window, no voting outside the voting phase."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideas import services
from ideas.models import Ballot, CallSettings, Idea, Phase

from .conftest import make_call, make_idea, set_phase


def idea_for(call, user, **extra):
    return Idea(call=call, title="Bike racks", summary="More bike racks", language="lt", estimated_cost=10, **extra)


def test_phase_follows_the_dates(site_tree):
    now = timezone.now()
    call = make_call(site_tree["city"], opens_delta=1, closes_delta=5)
    conf = CallSettings.objects.get(call=call)
    conf.voting_opens_at = now + timedelta(days=7)
    conf.voting_closes_at = now + timedelta(days=9)
    conf.save()
    assert conf.phase(now) == Phase.UPCOMING
    assert conf.phase(now + timedelta(days=2)) == Phase.SUBMISSION
    assert conf.phase(now + timedelta(days=6)) == Phase.REVIEW
    assert conf.phase(now + timedelta(days=8)) == Phase.VOTING
    assert conf.phase(now + timedelta(days=10)) == Phase.RESULTS
    conf.phase_override = Phase.VOTING
    assert conf.phase(now) == Phase.VOTING


@pytest.mark.parametrize(("opens", "closes"), [(1, 5), (-5, -1)])
def test_no_submission_before_or_after_the_window(site_tree, member, client, opens, closes):
    call = make_call(site_tree["city"], opens_delta=opens, closes_delta=closes)
    with pytest.raises(services.IdeasError):
        services.save_idea(idea_for(call, member), member, submit=True)
    client.force_login(member)
    url = reverse("ideas:submit", args=[call.pk])
    response = client.post(url, {"title": "T", "summary": "S", "language": "lt", "category": "other", "submit": "1"})
    assert response.status_code == 302
    assert not Idea.objects.exists()


def test_submission_while_open_and_edit_until_moderation(call, member, other_member):
    idea = services.save_idea(idea_for(call, member), member, submit=False)
    assert idea.status == Idea.Status.DRAFT
    idea.title = "Bike racks near the lake"
    idea = services.save_idea(idea, member, submit=True)
    assert idea.status == Idea.Status.SUBMITTED and idea.submitted_at
    with pytest.raises(services.IdeasError):
        services.save_idea(idea, other_member, submit=True)
    idea.status = Idea.Status.ACCEPTED
    idea.save()
    with pytest.raises(services.IdeasError):
        services.save_idea(idea, member, submit=True)


def test_lithuanian_only_call_refuses_english(site_tree, member):
    call = make_call(site_tree["city"], languages=CallSettings.Languages.LT)
    idea = idea_for(call, member)
    idea.language = "en"
    with pytest.raises(services.IdeasError, match="Lithuanian"):
        services.save_idea(idea, member, submit=True)


@pytest.mark.parametrize("phase", [Phase.SUBMISSION, Phase.REVIEW, Phase.RESULTS, Phase.UPCOMING])
def test_no_voting_outside_the_voting_phase(call, member, phase):
    idea = make_idea(call, "Lake lights", cost=10)
    set_phase(call, phase)
    with pytest.raises(services.IdeasError, match="not open"):
        services.cast_ballot(call, member, [idea.pk], Ballot.Tie.RESIDENT)
    set_phase(call, Phase.VOTING)
    services.cast_ballot(call, member, [idea.pk], Ballot.Tie.RESIDENT)
    assert Ballot.objects.count() == 1


def test_ballot_view_refuses_outside_voting(call, member, client):
    idea = make_idea(call, "Lake lights", cost=10)
    set_phase(call, Phase.REVIEW)
    client.force_login(member)
    response = client.post(reverse("ideas:ballot", args=[call.pk]), {"ideas": [idea.pk], "tie": "resident"})
    assert response.status_code == 400
    assert not Ballot.objects.exists()


def test_results_hidden_until_results_phase(call, member, client):
    client.force_login(member)
    set_phase(call, Phase.VOTING)
    assert client.get(reverse("ideas:results", args=[call.pk])).status_code == 404
    set_phase(call, Phase.RESULTS)
    assert client.get(reverse("ideas:results", args=[call.pk])).status_code == 200
