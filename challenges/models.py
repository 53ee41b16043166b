"""Municipalities, their staff, the challenges they post and the engagements of experts with them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.viewer import as_viewer
from common.models import TimeStampedModel
from experts.models import validate_language_codes, validate_string_list


class MunicipalityQuerySet(models.QuerySet):
    def matching_name(self, name):
        """Return municipalities whose city name or full name equals `name` (case-insensitive)."""
        return self.filter(models.Q(city_name__iexact=name) | models.Q(name__iexact=name))


class Municipality(models.Model):
    """A Lithuanian municipality that posts challenges; optionally linked to its city hub page."""

    name = models.CharField(_("official name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    city_name = models.CharField(_("city name"), max_length=120, db_index=True)
    city_page = models.ForeignKey(
        "home.CityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("city hub page"),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["city_name", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Fill the city name and a unique slug when they are left empty."""
        if not self.city_name:
            self.city_name = self.name
        if not self.slug:
            self.slug = unique_slug(Municipality, self.city_name or self.name)
        super().save(*args, **kwargs)


def unique_slug(model, text, field="slug"):
    """Return a slug for `text` that no row of `model` uses yet."""
    base = slugify(text)[:100] or "municipality"
    slug, n = base, 2
    while model._default_manager.filter(**{field: slug}).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


class StaffMembershipQuerySet(models.QuerySet):
    def approved(self):
        """Return memberships a platform administrator has approved."""
        return self.filter(approved=True)

    def for_municipality(self, municipality):
        """Return the memberships of one municipality."""
        return self.filter(municipality=municipality)


class StaffMembership(models.Model):
    """Ties a user to the one municipality they work for; approved by a platform administrator."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_membership", verbose_name=_("user")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="staff", verbose_name=_("municipality")
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    approved = models.BooleanField(
        _("approved"), default=False, help_text=_("Only approved staff can see non-public data and post challenges.")
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = StaffMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "user"]
        verbose_name = _("municipality staff membership")
        verbose_name_plural = _("municipality staff memberships")

    def __str__(self):
        return f"{self.user} – {self.municipality}"

    def save(self, *args, **kwargs):
        """Record when the membership was approved, and forget it when approval is withdrawn."""
        if self.approved and self.approved_at is None:
            self.approved_at = timezone.now()
        elif not self.approved:
            self.approved_at = None
        super().save(*args, **kwargs)


class ChallengeQuerySet(models.QuerySet):
    def open(self):
        """Return challenges accepting experts now."""
        return self.filter(status=Challenge.Status.OPEN)

    def public(self):
        """Return challenges anyone may see: everything except drafts."""
        return self.exclude(status=Challenge.Status.DRAFT)

    def for_municipality(self, municipality):
        """Return the challenges of one municipality."""
        return self.filter(municipality=municipality)

    def for_city_page(self, page):
        """Return the challenges of the municipality linked to a city hub (any language copy of it)."""
        return self.filter(
            models.Q(municipality__city_page__translation_key=page.translation_key)
            | models.Q(municipality__city_page__isnull=True, municipality__name__iexact=page.municipality_name)
            | models.Q(municipality__city_page__isnull=True, municipality__city_name__iexact=page.title)
        )

    def visible_to(self, viewer):
        """Return what the viewer (a Viewer or a user) may see: non-drafts for all; drafts for own staff and admins."""
        viewer = as_viewer(viewer)
        if viewer.is_admin:
            return self
        if viewer.municipality_id is not None:
            return self.filter(
                ~models.Q(status=Challenge.Status.DRAFT) | models.Q(municipality_id=viewer.municipality_id)
            )
        return self.public()


class Challenge(TimeStampedModel):
    """A task a municipality asks the diaspora to help with."""

    class Kind(models.TextChoices):
        EXPERT_OPINION = "expert_opinion", _("Expert opinion")
        DESIGN_CONTEST = "design_contest", _("Design contest")
        WORKSHOP = "workshop", _("Workshop")
        MENTORING = "mentoring", _("Mentoring")
        JOB_SHADOWING = "job_shadowing", _("Job shadowing")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    external_id = models.CharField(_("external id"), max_length=64, unique=True, null=True, blank=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="challenges", verbose_name=_("municipality")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"))
    skills_wanted = models.JSONField(_("skills wanted"), default=list, blank=True, validators=[validate_string_list])
    languages_required = models.JSONField(
        _("languages required"), default=list, blank=True, validators=[validate_language_codes]
    )
    hours_needed_per_month = models.PositiveIntegerField(_("hours needed a month"), default=0)
    in_person = models.BooleanField(_("in person"), default=False)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    places = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    shadowing_start = models.DateField(_("job shadowing starts"), null=True, blank=True)
    shadowing_end = models.DateField(_("job shadowing ends"), null=True, blank=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return self.title

    def clean(self):
        """Require department, places and an ordered date range for job shadowing."""
        errors = {}
        # Imported challenges follow the shared schema, which has no job-shadowing details; editors add them later.
        if self.kind == self.Kind.JOB_SHADOWING and not self.external_id:
            required = _("Required for job shadowing.")
            if not self.department:
                errors["department"] = required
            if not self.places:
                errors["places"] = required
            if not self.shadowing_start:
                errors["shadowing_start"] = required
            if not self.shadowing_end:
                errors["shadowing_end"] = required
        if self.shadowing_start and self.shadowing_end and self.shadowing_start > self.shadowing_end:
            errors["shadowing_end"] = _("The end date must not be before the start date.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("challenges:detail", args=[self.pk])

    @property
    def is_job_shadowing(self):
        """Return True for job shadowing, which carries department, places and dates."""
        return self.kind == self.Kind.JOB_SHADOWING


class Engagement(TimeStampedModel):
    """An expert's interest in a challenge, or a municipality's invitation to an expert, and its answer."""

    class Initiator(models.TextChoices):
        EXPERT = "expert", _("Interest from the expert")
        MUNICIPALITY = "municipality", _("Invitation from the municipality")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("challenge")
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="engagements", verbose_name=_("expert")
    )
    initiated_by = models.CharField(_("initiated by"), max_length=20, choices=Initiator.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Language each side last used on the site while acting on this engagement; e-mails to that side use it.
    expert_language = models.CharField(_("expert's language"), max_length=10, blank=True)
    municipality_language = models.CharField(_("municipality's language"), max_length=10, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        constraints = [models.UniqueConstraint(fields=["challenge", "expert"], name="one_engagement_per_expert")]

    def __str__(self):
        return f"{self.expert} – {self.challenge} ({self.get_status_display()})"


class EngagementEvent(models.Model):
    """One step in an engagement's history: who moved it to which status, and when."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="events", verbose_name=_("engagement")
    )
    status = models.CharField(_("status"), max_length=20, choices=Engagement.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    # Set once the e-mail about this step went out, so a retried task never sends it twice.
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("engagement event")
        verbose_name_plural = _("engagement events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.status}"
