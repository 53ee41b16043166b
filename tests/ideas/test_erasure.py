"""Erasing a voter's account keeps their ballot, unlinked from them: published results do not change."""

import pytest

from experts.gdpr import erase_member as erase_user
from ideas import services
from ideas.models import Ballot

from .test_results import voted_call, winners_by_title  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def no_embedding(settings):
    settings.MATCHING_AUTO_EMBED = False


def test_erasing_a_voter_keeps_the_published_results(voted_call):  # noqa: F811
    call, ideas = voted_call
    before = services.compute_results(call)
    csv_before = services.results_csv(before)
    voter = Ballot.objects.filter(call=call, ideas=ideas["C"]).first().voter
    ballot_pk = Ballot.objects.get(call=call, voter=voter).pk

    erase_user(voter)

    after = services.compute_results(call)
    assert after.ballots == before.ballots == 10
    assert winners_by_title(after.outcomes["mes"], after.ideas) == ["A", "C"]
    assert winners_by_title(after.outcomes["greedy"], after.ideas) == ["A", "B"]
    assert services.results_csv(after) == csv_before
    kept = Ballot.objects.get(pk=ballot_pk)
    assert kept.voter is None
    assert list(kept.ideas.values_list("pk", flat=True)) == [ideas["C"].pk]
    # Still one ballot per former voter: nothing was duplicated and the other nine keep their owner.
    assert Ballot.objects.filter(call=call, voter__isnull=True).count() == 1
    assert Ballot.objects.filter(call=call, voter__isnull=False).count() == 9


def test_erasing_every_voter_of_a_winner_keeps_it_winning(voted_call):  # noqa: F811
    call, ideas = voted_call
    for ballot in Ballot.objects.filter(call=call, ideas=ideas["C"]).select_related("voter"):
        erase_user(ballot.voter)
    after = services.compute_results(call)
    assert after.ballots == 10
    assert winners_by_title(after.outcomes["mes"], after.ideas) == ["A", "C"]
