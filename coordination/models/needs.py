"""Needs monitoring (A1-418 point 6.2): the register of needs and the evidence behind each."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import YEAR, Area, ScopedQuerySet, municipality_fk
from coordination.models.network import Meeting


class Need(models.Model):
    """An identified need or integration challenge, with its evidence; it feeds the plan."""

    class Evidence(models.TextChoices):
        SURVEY = "survey", _("Survey")
        MEETING = "meeting", _("Meeting")
        PARTNER_REPORT = "partner_report", _("Partner report")
        OTHER = "other", _("Other")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        MEDIUM = 2, _("Medium")
        LOW = 3, _("Low")

    municipality = municipality_fk("needs")
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    title = models.CharField(_("need or challenge"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.MEDIUM)
    evidence_kind = models.CharField(_("evidence"), max_length=20, choices=Evidence.choices)
    evidence = models.TextField(_("evidence details"), blank=True)
    survey_question = models.ForeignKey(
        "surveys.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("survey question"),
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="needs", verbose_name=_("meeting")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "priority", "title"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return self.title
