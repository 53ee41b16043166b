"""Volunteer mentors for returnees and newcomers, their pairings, and mutual-help clubs."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class Topic(models.TextChoices):
    """Everyday matters mentors help with."""

    SCHOOL = "school", _("Kindergarten and school")
    TRANSPORT = "transport", _("Transport")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health care")
    DOCUMENTS = "documents", _("Documents and residence")
    JOBS = "jobs", _("Jobs")
    PRODUCE = "produce", _("Local produce and shops")
    LANGUAGE = "language", _("Lithuanian language")


class MentorOffer(models.Model):
    """A volunteer's offer of help in one city: topics, languages, how many people at a time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_offers")
    city = models.ForeignKey("home.CityPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    about = models.TextField(_("how I can help"), max_length=2000)
    topics = models.JSONField(_("topics"), default=list)
    languages = models.JSONField(_("languages I speak"), default=list)
    capacity = models.PositiveSmallIntegerField(
        _("how many people I can take at a time"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    contact_phone = models.CharField(_("phone (shown only to people you accept)"), max_length=40, blank=True)
    active = models.BooleanField(_("taking people now"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "city"], name="mentoring_one_offer_per_city")]

    def __str__(self):
        return f"{self.user_id} @ {self.city_id}"


class HelpRequest(models.Model):
    """A returnee's or newcomer's request for help, in their own words and language."""

    class Status(models.TextChoices):
        OPEN = "open", _("Looking for a mentor")
        PAIRED = "paired", _("Paired")
        CLOSED = "closed", _("Closed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_requests")
    city = models.ForeignKey("home.CityPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    text = models.TextField(_("what would you like help with?"), max_length=2000)
    languages = models.JSONField(_("languages you speak"), default=list)
    contact_phone = models.CharField(_("phone (shown only to the mentor you accept)"), max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class PairingQuerySet(models.QuerySet):
    def holding_places(self):
        """Return pairings that take one of the mentor's places (confirmed or active)."""
        return self.filter(status__in=[Pairing.Status.CONFIRMED, Pairing.Status.ACTIVE])


class Pairing(models.Model):
    """A mentor and a mentee: proposed by the engine, confirmed by the coordinator, accepted by both."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed by the coordinator")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")
        DECLINED = "declined", _("Declined")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="pairings")
    offer = models.ForeignKey(MentorOffer, on_delete=models.CASCADE, related_name="pairings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list)
    mentor_accepted = models.BooleanField(default=False)
    mentee_accepted = models.BooleanField(default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mentor_feedback = models.CharField(_("feedback"), max_length=1000, blank=True)
    mentee_feedback = models.CharField(_("feedback"), max_length=1000, blank=True)
    problem_report = models.TextField(_("problem report"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PairingQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "offer"], name="mentoring_pair_once")]

    def __str__(self):
        return f"{self.offer_id} ↔ {self.request_id} ({self.status})"


class Club(ClusterableModel):
    """A mutual-help club in a city (e.g. Ukrainian parents in Alytus), with its own meetings."""

    city = models.ForeignKey("home.CityPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="clubs")

    panels = [
        FieldPanel("city"),
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("meetings", label=_("meeting")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mutual-help club")
        verbose_name_plural = _("mutual-help clubs")

    def __str__(self):
        return self.name


class ClubMeeting(Orderable):
    """One of a club's own meetings."""

    club = ParentalKey(Club, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)

    panels = [FieldPanel("title"), FieldPanel("starts_at"), FieldPanel("place")]

    class Meta(Orderable.Meta):
        ordering = ["starts_at"]

    def __str__(self):
        return self.title
