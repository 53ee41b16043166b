"""Shared pieces of the coordination models: areas, validators, municipality scoping and field helpers."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]


class Area(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health care")
    HOUSING = "housing", _("Housing")
    SOCIAL = "social", _("Social services")
    LANGUAGE = "language", _("Lithuanian language")
    INFORMATION = "information", _("Information")
    PARTICIPATION = "participation", _("Participation and culture")
    PUBLIC_EDUCATION = "public_education", _("Public education")


class ScopedQuerySet(models.QuerySet):
    """Rows that belong to one municipality (directly or through `municipality_path`)."""

    municipality_path = "municipality"

    def for_municipality(self, municipality):
        """Return the rows of one municipality."""
        return self.filter(**{self.municipality_path: municipality})

    def visible_to(self, access):
        """Return the rows the access may read: everything for overseers, one municipality for its staff."""
        if access.reads_all:
            return self
        if access.municipality is None:
            return self.none()
        return self.filter(**{self.municipality_path: access.municipality})


def scoped(path):
    """Return a ScopedQuerySet subclass whose municipality lives at `path`."""
    return type(f"ScopedQuerySet_{path.replace('__', '_')}", (ScopedQuerySet,), {"municipality_path": path})


def municipality_fk(related_name):
    """Return the foreign key every municipality-owned row carries (only the reverse name differs)."""
    return models.ForeignKey(
        "challenges.Municipality", on_delete=models.CASCADE, related_name=related_name, verbose_name=_("municipality")
    )


def optional_user_fk(verbose_name, blank=True):
    """Return a foreign key to the user who did something, kept as NULL when that user is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


def non_negative_decimal(verbose_name, **options):
    """Return a non-negative amount field (12 digits, 2 decimals) for money and indicator numbers."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, validators=NON_NEGATIVE, **options)


class Period(models.Model):
    """A start and an end date, the end not before the start (measures and funded projects)."""

    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))

    class Meta:
        abstract = True

    def clean(self):
        """Refuse an end before the start."""
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})
