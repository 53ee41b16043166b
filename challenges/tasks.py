"""Celery tasks for challenges: thin wrappers around services, safe to retry."""

from celery import shared_task

from challenges import services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_engagement_email(event_id):
    """Send the e-mail about one engagement step (sent at most once per step)."""
    return services.notify_event(event_id)
