"""Expert profiles of the diaspora, their private CV files and the audit trail of who looked at them."""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.viewer import as_viewer
from common.models import TimeStampedModel
from common.storage import PrivateMediaStorage
from experts.iso import is_country_code, is_language_code


class UnicodeJSONEncoder(json.JSONEncoder):
    """Keep non-ASCII letters as they are so text lookups ("Šiauliai") match on SQLite too."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


def private_storage():
    """Return the private storage (a callable, so settings overrides in tests take effect)."""
    return PrivateMediaStorage()


def cv_upload_to(instance, filename):
    """Name the stored CV with a random id so the original file name never leaks into paths."""
    suffix = Path(filename).suffix.lower()[:8]
    return f"cvs/{uuid.uuid4().hex}{suffix}"


def validate_language_codes(value):
    """Reject anything but a list of ISO 639-1 codes."""
    if not isinstance(value, list):
        raise ValidationError(_("Languages must be a list of ISO 639-1 codes."))
    bad = [code for code in value if not is_language_code(code)]
    if bad:
        raise ValidationError(_("Not ISO 639-1 language codes: %(codes)s"), params={"codes": ", ".join(map(str, bad))})


def validate_country_code(value):
    """Reject anything but an ISO 3166-1 alpha-2 country code."""
    if value and not is_country_code(value):
        raise ValidationError(_("Not an ISO 3166-1 alpha-2 country code: %(code)s"), params={"code": value})


def validate_string_list(value):
    """Reject anything but a list of strings."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Must be a list of texts."))


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public directory")
    STAFF = "staff", _("Approved municipality staff only")
    HIDDEN = "hidden", _("Hidden")


class ExpertProfileQuerySet(models.QuerySet):
    def consented(self):
        """Return profiles whose owner agreed to the consent text."""
        return self.filter(consent_given_at__isnull=False)

    def suggestable(self):
        """Return profiles that matching may suggest to municipalities: consented and not hidden."""
        return self.consented().exclude(visibility=Visibility.HIDDEN)

    def visible_to(self, viewer):
        """Return the profiles the viewer (a Viewer or a user) may see: see Viewer.may_see_profile."""
        viewer = as_viewer(viewer)
        if viewer.is_admin:
            return self
        allowed = models.Q(visibility__in=viewer.expert_visibility_levels(), consent_given_at__isnull=False)
        if viewer.is_member:
            allowed |= models.Q(user_id=viewer.user_id)
        return self.filter(allowed)


class ExpertProfile(TimeStampedModel):
    """A diaspora expert's profile, edited by the expert (or imported) and read by municipalities."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="expert_profile",
        verbose_name=_("user"),
    )
    external_id = models.CharField(_("external id"), max_length=64, unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    headline = models.CharField(_("headline"), max_length=255, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    cv_file = models.FileField(
        _("CV file"), upload_to=cv_upload_to, storage=private_storage, blank=True, max_length=255
    )
    cv_file_name = models.CharField(_("original CV file name"), max_length=255, blank=True)
    competencies = models.JSONField(
        _("competencies"), encoder=UnicodeJSONEncoder, default=list, blank=True, validators=[validate_string_list]
    )
    languages = models.JSONField(
        _("languages"), encoder=UnicodeJSONEncoder, default=list, blank=True, validators=[validate_language_codes]
    )
    help_topics = models.JSONField(
        _("topics I would help with for free"),
        encoder=UnicodeJSONEncoder,
        default=list,
        blank=True,
        validators=[validate_string_list],
    )
    hours_per_month = models.PositiveIntegerField(_("hours a month"), default=0)
    can_travel_to_lithuania = models.BooleanField(_("can travel to Lithuania"), default=False)
    country = models.CharField(_("country of residence"), max_length=2, blank=True, validators=[validate_country_code])
    city_ties = models.JSONField(
        _("cities I am tied to"),
        encoder=UnicodeJSONEncoder,
        default=list,
        blank=True,
        validators=[validate_string_list],
    )
    notable = models.BooleanField(
        _("notable compatriot"), default=False, help_text=_("Set by editors only, never by the expert.")
    )
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("consent version"), max_length=200, blank=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        indexes = [models.Index(fields=["visibility", "country"])]

    def __str__(self):
        return self.name

    @property
    def has_consent(self):
        """Return True when the expert agreed to the consent text."""
        return self.consent_given_at is not None


class ProfileAccessLog(models.Model):
    """One row each time someone other than the owner views a non-public profile, downloads a CV or exports."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed profile")
        CV_DOWNLOAD = "cv_download", _("Downloaded CV")
        EXPORT = "export", _("Exported data")

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("viewer"),
    )
    viewer_email = models.CharField(_("viewer e-mail"), max_length=254, blank=True)
    profile = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="access_logs", verbose_name=_("profile")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("profile access log entry")
        verbose_name_plural = _("profile access log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.viewer_email or '-'} {self.action} #{self.profile_id}"
