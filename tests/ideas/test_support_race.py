"""Concurrent "support" clicks: every click on a different idea is kept (no lost update)."""

import pytest
from django.db import connection

from ideas import services
from ideas.models import Ballot, Phase

from .conftest import make_call, make_idea, make_member, set_phase
from .test_concurrency import run_in_threads, unexpected

MEMBERS = 20
IDEAS = 6
# Members race in batches so the test stays under the shared PostgreSQL connection limit.
MEMBERS_PER_BATCH = 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_by_many_members_lose_nothing(site_tree):
    call = make_call(site_tree["city"])
    ideas = [make_idea(call, f"Idea {i}", cost=10) for i in range(IDEAS)]
    set_phase(call, Phase.VOTING)
    members = [make_member(f"palaiko{i}@example.com") for i in range(MEMBERS)]
    all_errors, recorded = [], 0
    for start in range(0, MEMBERS, MEMBERS_PER_BATCH):
        batch = members[start : start + MEMBERS_PER_BATCH]

        def click(i, batch=batch):
            return services.support(call, batch[i // IDEAS], ideas[i % IDEAS], "resident")

        results, errors = run_in_threads(click, count=len(batch) * IDEAS)
        all_errors += unexpected(errors)
        recorded += len(results)
        assert len(results) + len(errors) == len(batch) * IDEAS
    assert not all_errors, all_errors
    kept = Ballot.ideas.through.objects.filter(ballot__call=call).count()
    lost = recorded - kept
    print(f"supports: {MEMBERS * IDEAS} clicks, {recorded} answered recorded, {kept} kept, {lost} lost")
    assert lost == 0
    if connection.vendor == "postgresql":
        # SQLite's in-memory test database refuses some competing writers outright (see unexpected()).
        assert recorded == MEMBERS * IDEAS
        assert Ballot.objects.filter(call=call).count() == MEMBERS
        for idea in ideas:
            assert idea.ballots.count() == MEMBERS


@pytest.mark.django_db(transaction=True)
def test_concurrent_support_and_withdrawal_of_other_ideas(site_tree):
    call = make_call(site_tree["city"])
    ideas = [make_idea(call, f"Idea {i}", cost=10) for i in range(IDEAS)]
    set_phase(call, Phase.VOTING)
    member = make_member("keicia@example.com")
    for idea in ideas[:3]:
        services.support(call, member, idea, "resident")

    def click(i):
        # Withdraw the first three, add the last three, all at once.
        services.support(call, member, ideas[i], "", add=i >= 3)
        return i

    done, errors = run_in_threads(click, count=IDEAS)
    assert not unexpected(errors), errors
    if connection.vendor == "postgresql":
        assert sorted(done) == list(range(IDEAS))
    expected = {ideas[i].pk for i in range(3) if i not in done} | {ideas[i].pk for i in done if i >= 3}
    ballot = Ballot.objects.get(call=call, voter=member)
    assert set(ballot.ideas.values_list("pk", flat=True)) == expected
