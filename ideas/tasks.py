"""Celery tasks of the ideas platform: thin, idempotent wrappers around services."""

from celery import shared_task

from .services import send_update_emails


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=3)
def notify_followers(update_id):
    """E-mail an implementation update to the idea's followers (sent once, even when retried)."""
    return send_update_emails(update_id)
