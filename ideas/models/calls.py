"""A call's phases and its per-call settings (ballot type, rule, eligibility, languages)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel

from ..admin_forms import CallSettingsForm


class Phase(models.TextChoices):
    """The phases of a call, in order."""

    UPCOMING = "upcoming", _("Not open yet")
    SUBMISSION = "submission", _("Submission")
    REVIEW = "review", _("Review")
    VOTING = "voting", _("Voting")
    RESULTS = "results", _("Results")


class CallSettings(models.Model):
    """Per-call configuration of the ideas platform (phases, ballot, rule, eligibility, languages)."""

    class BallotType(models.TextChoices):
        SUPPORTS = "supports", _("Supports (one per member per idea)")
        KNAPSACK = "knapsack", _("Participatory budget: ideas within the budget")
        APPROVAL = "approval", _("Participatory budget: up to N ideas")

    class Rule(models.TextChoices):
        GREEDY = "greedy", _("Greedy by votes within the budget")
        MES = "mes", _("Method of Equal Shares")

    class Eligibility(models.TextChoices):
        RESIDENTS = "residents", _("Residents only")
        TIED = "tied", _("Anyone with a tie to the city")

    class Languages(models.TextChoices):
        LT = "lt", _("Lithuanian only")
        LT_EN = "lt_en", _("Lithuanian or English")

    call = models.OneToOneField(
        "home.CallForIdeasPage", on_delete=models.CASCADE, related_name="idea_settings", verbose_name=_("Call")
    )
    phase_override = models.CharField(
        max_length=20,
        choices=Phase.choices,
        blank=True,
        verbose_name=_("Phase (manual)"),
        help_text=_(
            "Leave empty to follow the dates: submission while the call is open, then review, voting, results."
        ),
    )
    voting_opens_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Voting opens"))
    voting_closes_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Voting closes"))
    ballot_type = models.CharField(
        max_length=20, choices=BallotType.choices, default=BallotType.SUPPORTS, verbose_name=_("Ballot type")
    )
    max_approvals = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("Maximum ideas per ballot"), help_text=_("For the up-to-N ballot.")
    )
    official_rule = models.CharField(
        max_length=10, choices=Rule.choices, default=Rule.GREEDY, verbose_name=_("Official rule")
    )
    eligibility = models.CharField(
        max_length=20, choices=Eligibility.choices, default=Eligibility.TIED, verbose_name=_("Who may vote")
    )
    require_verified_email = models.BooleanField(default=True, verbose_name=_("Require a verified e-mail"))
    require_voting_code = models.BooleanField(default=False, verbose_name=_("Require a one-time voting code"))
    languages = models.CharField(
        max_length=10, choices=Languages.choices, default=Languages.LT_EN, verbose_name=_("Languages of ideas")
    )

    base_form_class = CallSettingsForm
    panels = [
        PageChooserPanel("call", "home.CallForIdeasPage"),
        MultiFieldPanel(
            [
                FieldPanel("phase_override"),
                FieldRowPanel([FieldPanel("voting_opens_at"), FieldPanel("voting_closes_at")]),
            ],
            heading=_("Phases"),
        ),
        MultiFieldPanel(
            [FieldPanel("ballot_type"), FieldPanel("max_approvals"), FieldPanel("official_rule")], heading=_("Ballot")
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldPanel("require_verified_email"),
                FieldPanel("require_voting_code"),
                FieldPanel("languages"),
            ],
            heading=_("Eligibility and languages"),
        ),
    ]

    class Meta:
        verbose_name = _("call settings")
        verbose_name_plural = _("call settings")

    def __str__(self):
        return str(self.call)

    def phase(self, now=None):
        """Return the current phase: the editor's manual phase, else derived from the dates."""
        if self.phase_override:
            return self.phase_override
        now = now or timezone.now()
        call = self.call
        if now < call.opens_at:
            return Phase.UPCOMING
        if now < call.closes_at:
            return Phase.SUBMISSION
        if self.voting_opens_at and now < self.voting_opens_at:
            return Phase.REVIEW
        if self.voting_opens_at and (self.voting_closes_at is None or now < self.voting_closes_at):
            return Phase.VOTING
        if self.voting_closes_at and now >= self.voting_closes_at:
            return Phase.RESULTS
        return Phase.REVIEW

    @property
    def uses_budget(self):
        """Return True when ballots and results are constrained by the call's budget."""
        return self.ballot_type != self.BallotType.SUPPORTS and bool(self.call.budget)

    @property
    def allowed_languages(self):
        """Return the language codes ideas may be written in."""
        return ["lt"] if self.languages == self.Languages.LT else ["lt", "en"]
