"""Celery tasks for challenges: thin wrappers, safe to retry."""

from celery import shared_task

from challenges import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_engagement_email(event_id):
    """Send the e-mail about one engagement step (sent at most once per step)."""
    return emails.notify_event(event_id)
