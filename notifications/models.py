"""What members want to hear about, and the notices addressed to them (listed in the site too)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a digest can carry."""

    STORIES = "stories", _("Stories")
    EVENTS = "events", _("Events")
    CHALLENGES = "challenges", _("Challenges")
    IDEAS = "ideas", _("Ideas")
    RESULTS = "results", _("Vote results")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    NEVER = "never", _("Never")


def all_kinds():
    return list(Kind.values)


class Preference(models.Model):
    """A member's digest settings: cities (none = every city), kinds, how often, expert alerts."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    cities = models.ManyToManyField("home.CityPage", blank=True, related_name="+", verbose_name=_("cities"))
    kinds = models.JSONField(_("what to include"), default=all_kinds, blank=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    expert_alerts = models.BooleanField(_("tell me about challenges that fit my expert profile"), default=True)
    language = models.CharField(_("language"), max_length=5, default="lt")
    last_digest_at = models.DateTimeField(null=True, blank=True)
    last_alert_mail_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notification preference")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def awaiting_digest(self):
        """Return notices meant for the next digest that no digest carried yet."""
        return self.filter(in_digest=True, delivered_at__isnull=True)


class Notification(models.Model):
    """A notice addressed to one member: shown in the site's list; e-mailed now or in the next digest."""

    class Type(models.TextChoices):
        CHALLENGE_ALERT = "challenge_alert", _("A challenge that fits you")
        IDEA_MODERATED = "idea_moderated", _("A decision on your idea")
        STAFF_REQUEST = "staff_request", _("A municipality staff access request")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    type = models.CharField(max_length=20, choices=Type.choices)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    # A challenge alert is unique per expert and challenge, whichever way it was produced.
    subject_key = models.CharField(max_length=100, blank=True)
    in_digest = models.BooleanField(default=False)
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "type", "subject_key"],
                condition=~models.Q(subject_key=""),
                name="notifications_once_per_subject",
            )
        ]

    def __str__(self):
        return self.title
