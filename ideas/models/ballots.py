"""Secret ballots and the one-time voting codes that may be required to cast one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.models import TimeStampedModel

from .ideas import Idea


class Ballot(TimeStampedModel):
    """One voter's ballot in one call: the ideas they support or select. Secret to everyone but administrators."""

    class Tie(models.TextChoices):
        RESIDENT = "resident", _("I live in the city")
        BORN = "born", _("I was born in the city")
        LIVED = "lived", _("I used to live in the city")
        FAMILY = "family", _("My family lives in the city")

    call = models.ForeignKey("home.CallForIdeasPage", on_delete=models.CASCADE, related_name="ballots")
    # Erasing an account unlinks its ballots instead of deleting them (docs/ideas.md, "Ballots and erasure"):
    # published results must not change, and the ballot stays the former voter's only one.
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="idea_ballots"
    )
    # Ballots imported from a .pb file have no platform account; they keep the file's voter id.
    external_voter_id = models.CharField(max_length=64, blank=True)
    tie = models.CharField(max_length=20, choices=Tie.choices, blank=True, verbose_name=_("Tie to the city"))
    ideas = models.ManyToManyField(Idea, blank=True, related_name="ballots")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "voter"], name="ideas_one_ballot_per_voter"),
            models.UniqueConstraint(
                fields=["call", "external_voter_id"],
                condition=~Q(external_voter_id=""),
                name="ideas_one_ballot_per_external_voter",
            ),
        ]

    def __str__(self):
        return f"Ballot {self.pk}"


class VotingCode(models.Model):
    """A one-time voting code issued by the municipality, stored only as a keyed hash."""

    call = models.ForeignKey("home.CallForIdeasPage", on_delete=models.CASCADE, related_name="voting_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "code_hash"], name="ideas_code_unique")]

    def __str__(self):
        return f"Code {self.pk}"
