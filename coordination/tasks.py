"""Celery tasks of the coordination workspace (thin: they call services)."""

from datetime import date

from celery import shared_task

from coordination import services


@shared_task
def send_report_reminders(today=None):
    """Remind coordinators whose annual report is not submitted (on the reminder days only; `today` as ISO date)."""
    return services.send_report_reminders(date.fromisoformat(today) if today else None)


@shared_task
def send_payment_request_reminders(today=None):
    """Remind coordinators of the quarterly payment requests of running projects (`today` as ISO date)."""
    return services.send_payment_request_reminders(date.fromisoformat(today) if today else None)
