"""Celery tasks: thin wrappers around notifications.services."""

from celery import shared_task

from notifications import services


@shared_task
def mail_notification(notification_id):
    return services.mail_notification(notification_id)


@shared_task
def send_digests():
    return services.send_due_digests()


@shared_task
def alert_experts(challenge_id):
    """Alert fitting experts; a challenge not embedded yet is picked up by the hourly sweep."""
    return services.alert_experts_if_ready(challenge_id)


@shared_task
def sweep_alerts():
    return services.sweep_alerts()
