"""Interchange with pabulib: a call's ideas and ballots exported to, and imported from, a `.pb` file."""

from django.db import transaction
from django.utils.translation import gettext as _

from common.translations import default_language_version

from .. import pb
from ..models import Ballot, Idea
from .calls import IdeasError
from .results import election_for_call


def export_pb(call) -> str:
    """Return a call's accepted ideas and ballots in the pabulib format."""
    instance, profile = election_for_call(call)
    return pb.write_pb(instance, profile)


def import_pb(call, text: str) -> tuple[int, int]:
    """Import projects and ballots from a pabulib file into a call (ideas accepted, voters by file id).

    The import is all or nothing: on any error nothing is saved. Returns (projects, ballots).
    """
    call = default_language_version(call)
    try:
        instance, profile = pb.parse_pb(text)
    except pb.PBError as exc:
        raise IdeasError(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    with transaction.atomic():
        if Ballot.objects.filter(call=call).exists():
            raise IdeasError(_("This call already has ballots; import into an empty call."))
        by_name = {}
        for project in instance:
            meta = instance.project_meta.get(project, {})
            idea, _created = Idea.objects.update_or_create(
                call=call,
                external_id=project.name,
                defaults={
                    "title": (meta.get("name") or meta.get("title") or project.name)[:200],
                    "summary": meta.get("description", "")[:600] or meta.get("name", project.name)[:600],
                    "estimated_cost": pb.money(project.cost),
                    "status": Idea.Status.ACCEPTED,
                    "language": "lt",
                },
            )
            by_name[project.name] = idea
        # Bulk writes: a 50,000-ballot file must fit in one request (pb.MAX_BALLOTS bounds it).
        rows = Ballot.objects.bulk_create(
            [
                Ballot(call=call, external_voter_id=str(ballot.meta.get("voter_id", index)), tie=Ballot.Tie.RESIDENT)
                for index, ballot in enumerate(profile)
            ],
            batch_size=2000,
        )
        through = Ballot.ideas.through
        through.objects.bulk_create(
            [
                through(ballot_id=row.pk, idea_id=by_name[project.name].pk)
                for row, ballot in zip(rows, profile, strict=True)
                for project in ballot
            ],
            batch_size=5000,
        )
    return len(instance), profile.num_ballots()
