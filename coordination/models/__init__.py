"""Integration coordination models, one module per part of the coordinator's work; all importable from here."""

from coordination.models.base import NON_NEGATIVE, YEAR, Area, Period, ScopedQuerySet, scoped
from coordination.models.funding import Application, FundingCall, PaymentRequestReminder, Project
from coordination.models.needs import Need
from coordination.models.network import Collaboration, ContactPerson, FollowUp, Meeting, Overseer, Partner
from coordination.models.plan import Funding, Indicator, IndicatorValue, Measure, Plan, PlanRevision
from coordination.models.report import AnnualReport, ReportReminder

__all__ = [
    "NON_NEGATIVE",
    "YEAR",
    "AnnualReport",
    "Application",
    "Area",
    "Collaboration",
    "ContactPerson",
    "FollowUp",
    "Funding",
    "FundingCall",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "Meeting",
    "Need",
    "Overseer",
    "Partner",
    "PaymentRequestReminder",
    "Period",
    "Plan",
    "PlanRevision",
    "Project",
    "ReportReminder",
    "ScopedQuerySet",
    "scoped",
]
