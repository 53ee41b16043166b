"""Coordination services, one module per seam (plan, report, reminders, network); callers import from here."""

from coordination.services.network import contact_data, erase_contact
from coordination.services.plan import (
    current_plan,
    delete_plan_part,
    monitoring,
    plan_as_of,
    plan_of,
    plan_snapshot,
    record_revision,
    save_plan_part,
)
from coordination.services.reminders import (
    quarter_just_ended,
    report_year_for,
    send_payment_request_reminders,
    send_report_reminders,
)
from coordination.services.report import (
    ReportStateError,
    accept_report,
    generate_report,
    national_overview,
    report_figures,
    return_report,
    submit_report,
)

__all__ = [
    "ReportStateError",
    "accept_report",
    "contact_data",
    "current_plan",
    "delete_plan_part",
    "erase_contact",
    "generate_report",
    "monitoring",
    "national_overview",
    "plan_as_of",
    "plan_of",
    "plan_snapshot",
    "quarter_just_ended",
    "record_revision",
    "report_figures",
    "report_year_for",
    "return_report",
    "save_plan_part",
    "send_payment_request_reminders",
    "send_report_reminders",
    "submit_report",
]
