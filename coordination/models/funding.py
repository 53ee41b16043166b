"""Funding applications and funded projects (A1-418 point 6.4), with their quarterly payment-request reminders."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import Period, ScopedQuerySet, municipality_fk, non_negative_decimal
from coordination.models.plan import Measure


class FundingCall(models.Model):
    """A call for funding applications (e.g. PMIF-2.01-V-03)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["-deadline", "code"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self):
        return f"{self.code} {self.title}"


class Application(models.Model):
    """A municipality's application to a funding call."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted")
        REJECTED = "rejected", _("Rejected")

    municipality = municipality_fk("funding_applications")
    call = models.ForeignKey(FundingCall, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARING)
    requested = non_negative_decimal(_("requested (EUR)"))
    granted = non_negative_decimal(_("granted (EUR)"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    documents = models.TextField(_("documents"), blank=True, help_text=_("Links or file names, one per line."))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")

    def __str__(self):
        return self.title

    def clean(self):
        """Refuse a grant larger than the request."""
        if self.granted is not None and self.requested is not None and self.granted > self.requested:
            raise ValidationError({"granted": _("The amount granted cannot exceed the amount requested.")})


class Project(Period):
    """A funded project that carries out plan measures; payment requests fall due each quarter."""

    municipality = municipality_fk("funded_projects")
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        verbose_name=_("application"),
    )
    title = models.CharField(_("title"), max_length=300)
    measures = models.ManyToManyField(Measure, blank=True, related_name="projects", verbose_name=_("measures"))
    budget = non_negative_decimal(_("budget (EUR)"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("funded project")
        verbose_name_plural = _("funded projects")

    def __str__(self):
        return self.title


class PaymentRequestReminder(models.Model):
    """A quarterly payment-request reminder sent for a project (one per project and quarter)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="payment_reminders", verbose_name=_("project")
    )
    quarter = models.CharField(_("quarter"), max_length=7, help_text=_("e.g. 2026-Q1"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "quarter"], name="coordination_one_payment_reminder")]
        verbose_name = _("payment-request reminder")
        verbose_name_plural = _("payment-request reminders")

    def __str__(self):
        return f"{self.project} {self.quarter}"
