"""Celery tasks of the ideas platform: thin, idempotent wrappers around services."""

from celery import shared_task


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def notify_followers(self, update_id):
    """E-mail an implementation update to the idea's followers (sent once, even when retried)."""
    from .services import send_update_emails

    try:
        return send_update_emails(update_id)
    except OSError as exc:  # SMTP trouble: try again later
        raise self.retry(exc=exc) from exc
