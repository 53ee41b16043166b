"""Celery tasks of the coordination workspace (thin: they call services)."""

from celery import shared_task

from coordination import services


@shared_task
def send_report_reminders():
    """Remind coordinators whose annual report is not submitted (on the reminder days only)."""
    return services.send_report_reminders()
