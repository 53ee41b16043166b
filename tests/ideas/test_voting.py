"""Ballots: eligibility per call, voting codes, budget and N limits, changing a ballot, secrecy."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from ideas import services
from ideas.models import Ballot, CallSettings, Phase, VotingCode

from .conftest import make_call, make_idea, make_member, set_phase


@pytest.fixture
def pb_call(site_tree):
    call = make_call(site_tree["city"], budget=Decimal("100"), ballot_type=CallSettings.BallotType.KNAPSACK)
    set_phase(call, Phase.VOTING)
    return call


def test_residents_only_call_refuses_other_ties(site_tree, member):
    call = make_call(site_tree["city"], eligibility=CallSettings.Eligibility.RESIDENTS)
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    with pytest.raises(services.IdeasError, match="Only residents"):
        services.cast_ballot(call, member, [idea.pk], Ballot.Tie.BORN)
    ballot, created = services.cast_ballot(call, member, [idea.pk], Ballot.Tie.RESIDENT)
    assert created and ballot.tie == "resident"


@pytest.mark.parametrize("tie", ["born", "lived", "family", "resident"])
def test_tied_call_accepts_any_declared_tie(call, member, tie):
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    ballot, _ = services.cast_ballot(call, member, [idea.pk], tie)
    assert Ballot.objects.get(pk=ballot.pk).tie == tie


def test_tie_must_be_declared(call, member):
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    with pytest.raises(services.IdeasError, match="Declare"):
        services.cast_ballot(call, member, [idea.pk], "")


def test_verified_email_required_when_the_call_says_so(site_tree):
    unverified = make_member("nepatvirtintas@example.com", verified=False)
    strict = make_call(site_tree["city"], slug="strict", require_verified_email=True)
    lax = make_call(site_tree["city"], slug="lax", require_verified_email=False)
    for call in (strict, lax):
        set_phase(call, Phase.VOTING)
    idea = make_idea(strict, "Park", cost=10)
    with pytest.raises(services.IdeasError, match="Verify"):
        services.cast_ballot(strict, unverified, [idea.pk], "resident")
    other = make_idea(lax, "Square", cost=10)
    services.cast_ballot(lax, unverified, [other.pk], "resident")


def test_voting_code_is_consumed_once(site_tree, member, other_member, capsys):
    call = make_call(site_tree["city"], require_voting_code=True)
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    call_command("issue_voting_codes", call.pk, "--count", "2")
    codes = capsys.readouterr().out.split()
    assert len(codes) == 2 and VotingCode.objects.filter(call=call).count() == 2
    assert not VotingCode.objects.filter(code_hash__in=codes).exists()  # stored hashed only
    with pytest.raises(services.IdeasError, match="code"):
        services.cast_ballot(call, member, [idea.pk], "resident", "")
    with pytest.raises(services.IdeasError, match="not valid"):
        services.cast_ballot(call, member, [idea.pk], "resident", "AAAA-BBBB-CCCC")
    services.cast_ballot(call, member, [idea.pk], "resident", codes[0].lower())
    # Changing the ballot later needs no new code; someone else cannot reuse the first one.
    services.cast_ballot(call, member, [], "resident")
    with pytest.raises(services.IdeasError, match="already been used"):
        services.cast_ballot(call, other_member, [idea.pk], "resident", codes[0])
    assert not Ballot.objects.filter(voter=other_member).exists()
    assert VotingCode.objects.filter(used_at__isnull=False).count() == 1


def test_failed_vote_does_not_burn_the_code(site_tree, member):
    call = make_call(site_tree["city"], require_voting_code=True, eligibility=CallSettings.Eligibility.RESIDENTS)
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    [code] = services.issue_codes(call, 1)
    with pytest.raises(services.IdeasError):
        services.cast_ballot(call, member, [idea.pk], "born", code)
    assert not VotingCode.objects.filter(used_at__isnull=False).exists()


def test_knapsack_ballot_over_budget_is_refused_with_a_clear_message(pb_call, member, client):
    a = make_idea(pb_call, "Playground", cost=Decimal("60"))
    b = make_idea(pb_call, "Benches", cost=Decimal("50"))
    with pytest.raises(services.IdeasError) as info:
        services.cast_ballot(pb_call, member, [a.pk, b.pk], "resident")
    assert "110" in str(info.value) and "100" in str(info.value)
    client.force_login(member)
    response = client.post(reverse("ideas:ballot", args=[pb_call.pk]), {"ideas": [a.pk, b.pk], "tie": "resident"})
    assert response.status_code == 400
    assert "110" in response.content.decode()
    assert not Ballot.objects.exists()
    response = client.post(reverse("ideas:ballot", args=[pb_call.pk]), {"ideas": [a.pk], "tie": "resident"})
    assert response.status_code == 302
    assert list(Ballot.objects.get().ideas.all()) == [a]


def test_approval_ballot_limits_the_number_of_ideas(site_tree, member):
    call = make_call(site_tree["city"], ballot_type=CallSettings.BallotType.APPROVAL, max_approvals=2)
    ideas = [make_idea(call, f"Idea {i}", cost=10) for i in range(3)]
    set_phase(call, Phase.VOTING)
    with pytest.raises(services.IdeasError, match="at most 2"):
        services.cast_ballot(call, member, [i.pk for i in ideas], "resident")
    services.cast_ballot(call, member, [i.pk for i in ideas[:2]], "resident")


def test_only_accepted_ideas_of_the_call_can_be_chosen(pb_call, member, site_tree):
    pending = make_idea(pb_call, "Pending", cost=10, status="submitted")
    with pytest.raises(services.IdeasError, match="not on the ballot"):
        services.cast_ballot(pb_call, member, [pending.pk], "resident")


def test_ballot_can_be_changed_until_voting_closes(pb_call, member):
    a = make_idea(pb_call, "Playground", cost=Decimal("60"))
    b = make_idea(pb_call, "Benches", cost=Decimal("30"))
    first, created = services.cast_ballot(pb_call, member, [a.pk], "resident")
    second, created_again = services.cast_ballot(pb_call, member, [b.pk], "family")
    assert created and not created_again and first.pk == second.pk
    assert list(second.ideas.all()) == [b] and second.tie == "family"
    set_phase(pb_call, Phase.RESULTS)
    with pytest.raises(services.IdeasError):
        services.cast_ballot(pb_call, member, [a.pk], "resident")
    assert list(Ballot.objects.get().ideas.all()) == [b]


def test_supports_one_per_member_per_idea(call, member, other_member, client):
    idea = make_idea(call, "Park", cost=10)
    set_phase(call, Phase.VOTING)
    client.force_login(member)
    url = reverse("ideas:support", args=[idea.pk])
    client.post(url, {"on": "1", "tie": "born"})
    client.post(url, {"on": "1", "tie": "born"})
    assert idea.ballots.count() == 1
    client.force_login(other_member)
    client.post(url, {"on": "1", "tie": "lived"})
    assert idea.ballots.count() == 2
    client.post(url, {"on": "0"})
    assert idea.ballots.count() == 1


def test_ballots_secret_but_auditable_by_administrators(pb_call, member, other_member, client, django_user_model):
    a = make_idea(pb_call, "Playground", cost=Decimal("60"))
    services.cast_ballot(pb_call, member, [a.pk], "resident")
    audit = reverse("ideas_admin:audit", args=[pb_call.pk])
    set_phase(pb_call, Phase.RESULTS)
    client.force_login(other_member)
    page = client.get(reverse("ideas:results", args=[pb_call.pk])).content.decode()
    assert member.email not in page and "Playground" in page
    assert client.get(audit).status_code in (302, 403)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    response = client.get(audit)
    assert response.status_code == 200
    assert member.email in response.content.decode()
