"""Celery tasks of the coordination workspace (thin: they call services)."""

from datetime import date

from celery import shared_task

from coordination import services


@shared_task
def send_report_reminders(today=None):
    """Remind coordinators whose annual report is not submitted (on the reminder days only; `today` as ISO date)."""
    return services.send_report_reminders(date.fromisoformat(today) if today else None)
