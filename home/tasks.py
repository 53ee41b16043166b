"""Celery tasks for the content site: thin wrappers around services."""

from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def send_registration_confirmation(self, registration_id):
    """Send the registration confirmation e-mail (idempotent: sent once)."""
    return services.send_confirmation(registration_id)


@shared_task
def nightly_housekeeping():
    """Placeholder for the beat schedule: nothing to clean up yet."""
    return "ok"
