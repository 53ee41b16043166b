"""Ideas platform: per-call settings, ideas and their moderation, ballots, voting codes and follow-ups."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel

from accounts.viewer import as_viewer

from .admin_forms import CallSettingsForm


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


class IdeaQuerySet(models.QuerySet):
    """Filters for ideas."""

    def for_call(self, call):
        """Return ideas of one call."""
        return self.filter(call=call)

    def accepted(self):
        """Return ideas accepted by the moderators (public)."""
        return self.filter(status=Idea.Status.ACCEPTED)

    def pending(self):
        """Return ideas waiting for moderation."""
        return self.filter(status=Idea.Status.SUBMITTED)

    def visible_to(self, viewer):
        """Return accepted ideas, plus the viewer's own (a Viewer or a user)."""
        viewer = as_viewer(viewer)
        if viewer.is_member:
            return self.filter(Q(status=Idea.Status.ACCEPTED) | Q(author_id=viewer.user_id))
        return self.accepted()


class Idea(models.Model):
    """An idea submitted to a call for ideas."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting moderation")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into another idea")

    class Category(models.TextChoices):
        PUBLIC_SPACE = "public_space", _("Public spaces and greenery")
        MOBILITY = "mobility", _("Mobility")
        CULTURE = "culture", _("Culture and heritage")
        EDUCATION = "education", _("Education and youth")
        SOCIAL = "social", _("Community and social care")
        ECONOMY = "economy", _("Jobs and business")
        DIASPORA = "diaspora", _("Diaspora and returnees")
        OTHER = "other", _("Other")

    EDITABLE_STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED)

    call = models.ForeignKey(
        "home.CallForIdeasPage", on_delete=models.CASCADE, related_name="ideas", verbose_name=_("Call")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("Author"),
    )
    external_id = models.CharField(max_length=64, blank=True, verbose_name=_("External id"))
    title = models.CharField(max_length=200, verbose_name=_("Title"))
    summary = models.TextField(max_length=600, verbose_name=_("Summary"))
    description = models.TextField(blank=True, verbose_name=_("Description"))
    estimated_cost = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name=_("Estimated cost (EUR)")
    )
    category = models.CharField(
        max_length=20, choices=Category.choices, default=Category.OTHER, verbose_name=_("Category")
    )
    address = models.CharField(max_length=255, blank=True, verbose_name=_("Address in the city"))
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("Latitude"))
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("Longitude"))
    # Ideas are written in the interface languages only (settings.LANGUAGES also lists ru, uk for content).
    language = models.CharField(
        max_length=5, choices=[("lt", _("Lithuanian")), ("en", _("English"))], default="lt", verbose_name=_("Language")
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, verbose_name=_("Status"))
    moderation_message = models.TextField(blank=True, verbose_name=_("Message from the moderators"))
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_ideas",
        verbose_name=_("Merged into"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    is_winner = models.BooleanField(default=False, verbose_name=_("Prize winner"))
    prize_note = models.CharField(max_length=200, blank=True, verbose_name=_("Prize"))
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "external_id"], condition=~Q(external_id=""), name="ideas_idea_unique_external_id"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def editable_by_author(self):
        """Return True while the author may still change the idea (until a moderator accepts or rejects it)."""
        return self.status in self.EDITABLE_STATUSES

    @property
    def project_id(self):
        """Return the id used for this idea in .pb files and CSV exports."""
        return self.external_id or str(self.pk)


def private_storage():
    """Return the storage for attachments: outside MEDIA_ROOT, served only through a permission-checking view."""
    from common.storage import PrivateMediaStorage

    return PrivateMediaStorage(subdir="ideas")


def image_upload_path(instance, filename):
    """Return a random name: an unmoderated image's URL cannot be guessed from its original file name."""
    suffix = Path(filename).suffix.lower()[:8]
    return f"ideas/images/{uuid.uuid4().hex}{suffix}"


class IdeaImage(models.Model):
    """A picture illustrating an idea; shown publicly only once the idea is accepted."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=image_upload_path, verbose_name=_("Image"))
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.image.name


class IdeaAttachment(models.Model):
    """A document attached to an idea, kept in private storage."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/", storage=private_storage, verbose_name=_("File"))
    original_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class IdeaFlag(models.Model):
    """A member's report that an idea is inappropriate or a duplicate."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500, verbose_name=_("Reason"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="ideas_flag_once_per_user")]

    def __str__(self):
        return f"{self.idea}: {self.reason}"


class Ballot(models.Model):
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

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


class Follow(models.Model):
    """A member following an idea's implementation."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="ideas_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.idea}"


class StatusUpdate(models.Model):
    """An implementation status update posted by an editor on a winning idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(verbose_name=_("Update"))
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:50]
