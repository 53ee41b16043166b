"""Celery tasks: thin wrappers around mentoring.services."""

from celery import shared_task

from mentoring import services


@shared_task
def propose_mentors(request_id):
    return services.propose_mentors(request_id)
