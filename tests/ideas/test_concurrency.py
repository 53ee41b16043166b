"""One person, one ballot: many simultaneous requests from the same voter never create two ballots."""

import threading

import pytest
from django.db import OperationalError, close_old_connections, connection

from ideas import services
from ideas.models import Ballot, CallSettings, Phase, VotingCode

from .conftest import make_call, make_idea, make_member, set_phase

THREADS = 12


def unexpected(errors):
    """Return errors other than SQLite's shared-cache lock refusals.

    The in-memory SQLite test database uses a shared cache, where a competing writer is refused with
    "database table is locked" at once instead of waiting (the file database the site runs on waits:
    timeout=20, BEGIN IMMEDIATE). Such a refused request saved nothing, which is what the invariant needs;
    on PostgreSQL every request must succeed.
    """
    if connection.vendor != "sqlite":
        return errors
    return [e for e in errors if not (isinstance(e, OperationalError) and "locked" in str(e))]


def run_in_threads(target, count=THREADS):
    """Start `count` threads at the same moment and collect their results or exceptions."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(i):
        try:
            barrier.wait()
            results.append(target(i))
        except Exception as exc:  # noqa: BLE001 - collected and asserted on below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_ballots_of_one_voter_never_make_two(site_tree):
    call = make_call(site_tree["city"], ballot_type=CallSettings.BallotType.APPROVAL)
    ideas = [make_idea(call, f"Idea {i}", cost=10) for i in range(3)]
    set_phase(call, Phase.VOTING)
    voter = make_member("skubus@example.com")

    def vote(i):
        return services.cast_ballot(call, voter, [ideas[i % 3].pk], "resident")

    results, errors = run_in_threads(vote)
    assert not unexpected(errors), errors
    assert results
    assert Ballot.objects.filter(call=call, voter=voter).count() == 1
    assert sum(1 for _ballot, created in results if created) == 1
    assert Ballot.objects.get(call=call, voter=voter).ideas.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_voters_sharing_one_code_only_one_wins(site_tree):
    call = make_call(site_tree["city"], require_voting_code=True)
    idea = make_idea(call, "Idea", cost=10)
    set_phase(call, Phase.VOTING)
    [code] = services.issue_codes(call, 1)
    voters = [make_member(f"voter{i}@example.com") for i in range(THREADS)]

    def vote(i):
        return services.cast_ballot(call, voters[i], [idea.pk], "resident", code)

    results, errors = run_in_threads(vote)
    assert len(results) == 1, errors
    assert all(isinstance(e, services.IdeasError) for e in unexpected(errors)), errors
    assert Ballot.objects.filter(call=call).count() == 1
    assert VotingCode.objects.get().used_by == results[0][0].voter
