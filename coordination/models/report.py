"""The annual report on integration coordination (Annex 1) and the reminders that it is due."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import YEAR, ScopedQuerySet, municipality_fk, optional_user_fk


class AnnualReport(models.Model):
    """The annual report on integration coordination (Annex 1), generated from the year's data."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")

    municipality = municipality_fk("coordination_reports")
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    summary = models.TextField(_("summary of the year"), blank=True)
    networking_text = models.TextField(_("networking: comments"), blank=True)
    monitoring_text = models.TextField(_("needs monitoring: comments"), blank=True)
    plan_text = models.TextField(_("plan implementation: comments"), blank=True)
    information_text = models.TextField(_("information and public education: comments"), blank=True)
    difficulties = models.TextField(_("difficulties and proposals"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = optional_user_fk(_("submitted by"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = optional_user_fk(_("accepted by"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "municipality"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="coordination_one_report_per_year")
        ]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def __str__(self):
        return f"{self.municipality} {self.year}"


class ReportReminder(models.Model):
    """A reminder sent to a municipality's coordinators on one day, so a retried task does not send it twice."""

    municipality = municipality_fk("+")
    year = models.PositiveIntegerField(_("report year"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "sent_on"], name="coordination_one_reminder_a_day")
        ]
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")

    def __str__(self):
        return f"{self.municipality} {self.year} ({self.sent_on})"
