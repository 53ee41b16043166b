"""Transactional outbox: work that must follow a commit is stored with it and delivered later.

`enqueue(task, *args)` writes an OutboxMessage in the caller's transaction and, once that
transaction commits, tries to hand it to Celery at once (on the embedded default Celery runs it
in-process). If the broker is down the row stays pending; `drain()` (the `drain_outbox` beat task
and management command) delivers it with exponential backoff when the broker is back. Rows are
claimed with a conditional UPDATE, so two drainers never deliver the same row twice. Delivery is
at least once: tasks must be idempotent (ours are).
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)
# After a broker failure, deliveries right after a commit are skipped for a few seconds (the rows
# wait for the drainer), so a request that commits several rows pays at most one connect timeout.
_broker_down_until = [0.0]


def _setting(name, default):
    return getattr(settings, name, default)


def task_name(task):
    """Return the registered name of a Celery task (or a name given as a string)."""
    return task if isinstance(task, str) else task.name


def enqueue(task, *args, **kwargs):
    """Record `task(*args, **kwargs)` in the current transaction; deliver it once that commits."""
    message = OutboxMessage.objects.create(task=task_name(task), args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: deliver(message.pk, after_commit=True))
    return message


def _claim(pk, now):
    """Take the lease on one due row with a conditional UPDATE; return True if this caller won it."""
    lease = timedelta(seconds=_setting("OUTBOX_LEASE_SECONDS", 60))
    return OutboxMessage.objects.due(now).filter(pk=pk).update(claimed_until=now + lease) == 1


def _backoff(attempts):
    base = _setting("OUTBOX_RETRY_BASE_SECONDS", 10)
    cap = _setting("OUTBOX_RETRY_MAX_SECONDS", 3600)
    return timedelta(seconds=min(cap, base * 2 ** max(attempts - 1, 0)))


def _app():
    """Return the Celery app with every app's tasks registered (rows name tasks; nothing imports them)."""
    from config.celery import app

    if not _tasks_loaded[0]:
        app.loader.import_default_modules()  # runs autodiscover_tasks: each INSTALLED_APPS tasks module
        _tasks_loaded[0] = True
    return app


_tasks_loaded = [False]


def _publish(message):
    task = _app().tasks[message.task]
    # No publish retries and no result subscription: an unreachable broker or result store must
    # not hold the request; the drainer retries.
    task.apply_async(args=message.args, kwargs=message.kwargs, retry=False, ignore_result=True)


def deliver(pk, now=None, after_commit=False):
    """Hand one outbox row to Celery if it is due and unclaimed; return True when it was sent."""
    if after_commit and time.monotonic() < _broker_down_until[0]:
        return False
    now = now or timezone.now()
    if not _claim(pk, now):
        return False
    message = OutboxMessage.objects.get(pk=pk)
    try:
        _publish(message)
    except Exception as error:  # broker down, or an eager task that failed: retry later
        if not _app().conf.task_always_eager:
            _broker_down_until[0] = time.monotonic() + _setting("OUTBOX_SKIP_AFTER_FAILURE_SECONDS", 10)
        attempts = message.attempts + 1
        # Only the error's type and first words: never arguments or message bodies.
        reason = f"{type(error).__name__}: {str(error)[:200]}"
        OutboxMessage.objects.filter(pk=pk).update(
            attempts=attempts, claimed_until=None, available_at=now + _backoff(attempts), last_error=reason
        )
        logger.warning(
            "outbox: %s #%s not delivered (attempt %s): %s", message.task, pk, attempts, type(error).__name__
        )
        return False
    OutboxMessage.objects.filter(pk=pk).update(
        sent_at=timezone.now(), claimed_until=None, attempts=message.attempts + 1
    )
    return True


def _due_ids(now, limit):
    """Pick due rows, skipping rows another drainer has locked (PostgreSQL; SQLite serialises anyway)."""
    with transaction.atomic():
        return list(
            OutboxMessage.objects.due(now)
            .select_for_update(skip_locked=True)
            .order_by("available_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )


def drain(limit=None, now=None):
    """Deliver every due outbox row (up to `limit`); return the ids this call delivered."""
    limit = limit or _setting("OUTBOX_BATCH_SIZE", 500)
    delivered = []
    for pk in _due_ids(now or timezone.now(), limit):
        if deliver(pk, now=now):
            delivered.append(pk)
    return delivered


def purge_sent(older_than_days=None):
    """Delete rows delivered more than `older_than_days` ago; return how many."""
    days = older_than_days if older_than_days is not None else _setting("OUTBOX_KEEP_SENT_DAYS", 7)
    cutoff = timezone.now() - timedelta(days=days)
    return OutboxMessage.objects.filter(sent_at__lt=cutoff).delete()[0]
