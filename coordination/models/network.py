"""Networking (A1-418 point 6.1): the overseer, partners and their contact persons, meetings, the network."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import ScopedQuerySet, municipality_fk, scoped
from experts.models import validate_language_codes


class Overseer(models.Model):
    """A national overseer (SPPD): reads every municipality's workspace and accepts reports."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordination_overseer", verbose_name=_("user")
    )
    organisation = models.CharField(_("organisation"), max_length=200, default="SPPD")

    class Meta:
        verbose_name = _("national overseer")
        verbose_name_plural = _("national overseers")

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class Partner(models.Model):
    """An institution the coordinator brings together with others."""

    class Kind(models.TextChoices):
        SOCIAL = "social", _("Social services")
        EDUCATION = "education", _("Education")
        HEALTH = "health", _("Health care")
        EMPLOYMENT = "employment", _("Employment")
        LAW = "law", _("Law enforcement")
        ELDERSHIP = "eldership", _("Eldership")
        COMMUNITY = "community", _("Community organisation")
        NGO = "ngo", _("NGO")
        MIGRANT = "migrant", _("Migrant organisation")
        EMPLOYER = "employer", _("Employer")
        PIIA = "piia", _("Refugee Reception and Integration Agency")
        OTHER = "other", _("Other")

    municipality = municipality_fk("partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    services = models.TextField(_("what they do for residents of foreign origin"), blank=True)
    languages = models.JSONField(_("languages served"), default=list, blank=True, validators=[validate_language_codes])
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_public = models.BooleanField(
        _("show in the public help list"), default=False, help_text=_("Residents see it under “Where to get help”.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class ContactPerson(models.Model):
    """A person at a partner institution (personal data: kept with consent, exported and erased on request)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner"))
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_given_on = models.DateField(_("consent given on"))

    objects = scoped("partner__municipality").as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name


class Meeting(models.Model):
    """A contact or meeting with partners, with what was found and agreed."""

    municipality = municipality_fk("meetings")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    partners = models.ManyToManyField(Partner, blank=True, related_name="meetings", verbose_name=_("partners"))
    participants = models.TextField(_("who took part"), blank=True)
    topics = models.TextField(_("topics"), blank=True)
    problems = models.TextField(_("problems identified"), blank=True)
    agreements = models.TextField(_("agreements"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"


class FollowUpQuerySet(scoped("meeting__municipality")):
    def open(self):
        """Return follow-ups not done yet."""
        return self.filter(done=False)

    def overdue(self, today):
        """Return open follow-ups whose due date has passed."""
        return self.open().filter(due_date__lt=today)


class FollowUp(models.Model):
    """Something agreed at a meeting, with an owner and a due date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("meeting"))
    task = models.CharField(_("task"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return self.task

    def clean(self):
        """Refuse a due date before the meeting."""
        if self.meeting_id and self.due_date and self.due_date < self.meeting.date:
            raise ValidationError({"due_date": _("The due date cannot be before the meeting.")})


class Collaboration(models.Model):
    """Two partners working together on a topic: one cell of the network matrix."""

    municipality = municipality_fk("collaborations")
    first = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner"))
    second = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+", verbose_name=_("works with"))
    topic = models.CharField(_("on what"), max_length=200)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["first__name", "second__name"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self):
        return f"{self.first} – {self.second}: {self.topic}"

    def clean(self):
        """Refuse a partner working with itself."""
        if self.first_id and self.first_id == self.second_id:
            raise ValidationError({"second": _("Choose two different partners.")})
