"""Celery tasks of the shared app: outbox draining and a health ping."""

from celery import shared_task

from . import outbox


@shared_task
def drain_outbox():
    """Deliver outbox rows the broker missed (beat runs it every few seconds); return how many."""
    delivered = len(outbox.drain())
    outbox.purge_sent()
    return delivered


@shared_task
def ping():
    """Answer "pong": CI and /healthz use it to prove a worker consumes the queue."""
    return "pong"
