"""The integration plan (A1-418 point 6.3): measures, indicators with yearly values, funding, revisions."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import (
    YEAR,
    Area,
    Period,
    ScopedQuerySet,
    municipality_fk,
    non_negative_decimal,
    optional_user_fk,
    scoped,
)
from coordination.models.needs import Need
from coordination.models.network import Partner


class Plan(models.Model):
    """A municipality's integration plan for a period, approved by the director's order."""

    municipality = municipality_fk("integration_plans")
    title = models.CharField(_("title"), max_length=300)
    start_year = models.PositiveIntegerField(_("first year"), validators=YEAR)
    end_year = models.PositiveIntegerField(_("last year"), validators=YEAR)
    order_number = models.CharField(_("director's order number"), max_length=60, blank=True)
    order_date = models.DateField(_("director's order date"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("integration plan")
        verbose_name_plural = _("integration plans")

    def __str__(self):
        return f"{self.title} ({self.start_year}–{self.end_year})"

    def clean(self):
        """Refuse a period that ends before it starts."""
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})

    @property
    def years(self):
        """Return the plan's years."""
        return list(range(self.start_year, self.end_year + 1))


class MeasureQuerySet(scoped("plan__municipality")):
    def overdue(self, today):
        """Return measures past their end date that are not done or cancelled."""
        return self.filter(end_date__lt=today).exclude(status__in=[Measure.Status.DONE, Measure.Status.CANCELLED])

    def unfunded(self):
        """Return measures with neither a funding line nor a 'no funding needed' mark."""
        return self.filter(no_funding_needed=False, funding__isnull=True)


class Measure(Period):
    """One measure of the plan: what, for which needs, who, when, and how it is measured and paid for."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures", verbose_name=_("plan"))
    title = models.CharField(_("title"), max_length=300)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    description = models.TextField(_("description"), blank=True)
    needs = models.ManyToManyField(Need, blank=True, related_name="measures", verbose_name=_("needs it answers"))
    responsible = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for",
        verbose_name=_("responsible institution"),
    )
    partners = models.ManyToManyField(Partner, blank=True, related_name="measures", verbose_name=_("partners"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    no_funding_needed = models.BooleanField(_("no funding needed"), default=False)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """A measurable result of a measure, with a baseline and per-year targets and actual values."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("measure"))
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. persons, events, %"))
    baseline = non_negative_decimal(_("baseline"))
    common_code = models.CharField(
        _("common indicator code"),
        max_length=40,
        blank=True,
        help_text=_("Set for indicators every municipality reports, so national totals can add them up."),
    )

    objects = scoped("measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["measure", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.unit})"


class IndicatorValue(models.Model):
    """An indicator's target and actual value for one year."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    target = non_negative_decimal(_("target"))
    actual = non_negative_decimal(_("actual value"), null=True, blank=True)

    objects = scoped("indicator__measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="coordination_one_value_per_year")]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator} {self.year}"

    @property
    def progress_percent(self):
        """Return the actual value as a share of the target (0–100), or None without an actual value."""
        if self.actual is None:
            return None
        if not self.target:
            return 100
        return min(100, int(self.actual * 100 / self.target))


class Funding(models.Model):
    """Money for a measure in one year: amount, source and how much was used."""

    class Source(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal budget")
        STATE = "state", _("State budget")
        PMIF = "pmif", _("PMIF")
        ESF = "esf", _("ESF+")
        OTHER = "other", _("Other")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="funding", verbose_name=_("measure"))
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    amount = non_negative_decimal(_("amount (EUR)"))
    used = non_negative_decimal(_("used (EUR)"), default=Decimal("0"))

    objects = scoped("measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["measure", "year", "source"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")

    def __str__(self):
        return f"{self.measure}: {self.amount} EUR ({self.get_source_display()}, {self.year})"

    def clean(self):
        """Refuse spending more than was allocated."""
        if self.used is not None and self.amount is not None and self.used > self.amount:
            raise ValidationError({"used": _("The amount used cannot exceed the amount allocated.")})


class PlanRevision(models.Model):
    """A snapshot of a whole plan after a change: who changed what and when, so any past state can be shown."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("plan"))
    created_at = models.DateTimeField(_("changed at"), db_index=True)
    user = optional_user_fk(_("changed by"), blank=False)
    summary = models.CharField(_("what changed"), max_length=300)
    snapshot = models.JSONField(_("plan as it was"))

    objects = scoped("plan__municipality").as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")

    def __str__(self):
        return f"{self.plan} @ {self.created_at:%Y-%m-%d %H:%M}"
