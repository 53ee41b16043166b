"""Ideas, their pictures, private attachments and members' flags."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.viewer import as_viewer
from common.models import TimeStampedModel


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


class Idea(TimeStampedModel):
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
    # What the author writes: the submission form edits these and the API shows them.
    AUTHOR_FIELDS = (
        "title",
        "summary",
        "description",
        "estimated_cost",
        "category",
        "address",
        "latitude",
        "longitude",
        "language",
    )

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
