"""The transactional outbox: rows written with the change, delivered after commit, retried with backoff."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from common import outbox
from common.models import OutboxMessage
from common.tasks import ping
from home.models import EventRegistration
from home.services import register_attendee
from tests.home.test_registration import make_event

DEAD_SMTP = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": 1}


def test_a_rolled_back_change_leaves_no_message(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue(ping)
        raise RuntimeError("business write failed")
    assert not OutboxMessage.objects.exists()


def test_message_is_delivered_on_commit(db, eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.enqueue(ping)
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1


def test_failed_delivery_is_kept_and_retried_with_backoff(
    site_tree, eager, settings, django_capture_on_commit_callbacks
):
    for name, value in DEAD_SMTP.items():
        setattr(settings, name, value)
    event = make_event(site_tree["city"], title="Vakaronė")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_attendee(event, "Ona", "ona@example.com", "lt")
    message = OutboxMessage.objects.get(task="home.tasks.send_registration_confirmation")
    OutboxMessage.objects.exclude(pk=message.pk).delete()  # the page tree's index updates
    assert message.sent_at is None and message.attempts == 1
    assert message.last_error.startswith("ConnectionRefusedError")
    assert "ona@example.com" not in message.last_error
    assert message.available_at >= timezone.now() + timedelta(seconds=5)
    # Not due yet: draining now does nothing.
    assert outbox.drain() == []
    # The mail server is back; once the backoff has passed the confirmation goes out.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.drain(now=timezone.now() + timedelta(minutes=1)) == [message.pk]
    assert [m.to for m in mail.outbox] == [["ona@example.com"]]
    assert EventRegistration.objects.get(pk=registration.pk).confirmation_sent_at is not None
    second = OutboxMessage.objects.get(pk=message.pk)
    assert second.sent_at is not None and second.attempts == 2


def test_backoff_grows_and_is_capped(settings):
    settings.OUTBOX_RETRY_BASE_SECONDS, settings.OUTBOX_RETRY_MAX_SECONDS = 10, 300
    assert [outbox._backoff(n).total_seconds() for n in (1, 2, 3, 6, 20)] == [10, 20, 40, 300, 300]


def test_a_claimed_row_is_not_delivered_twice(db, eager):
    OutboxMessage.objects.all().delete()
    message = outbox.enqueue(ping)  # inside the test transaction: on_commit never fires
    assert outbox.deliver(message.pk) is True
    assert outbox.deliver(message.pk) is False
    other = outbox.enqueue(ping)
    OutboxMessage.objects.filter(pk=other.pk).update(claimed_until=timezone.now() + timedelta(seconds=60))
    assert outbox.drain() == []  # held by another drainer's lease
    assert outbox.drain(now=timezone.now() + timedelta(seconds=61)) == [other.pk]  # the lease ran out


@pytest.mark.django_db(transaction=True)
def test_two_drainers_never_deliver_the_same_row(eager):
    if connection.vendor != "postgresql":
        pytest.skip("Row locking is exercised on PostgreSQL (CI); SQLite serialises writers anyway.")
    ids = {outbox.enqueue(ping).pk for _ in range(200)}
    OutboxMessage.objects.update(sent_at=None, attempts=0)  # on_commit already delivered them: start again
    results, barrier = [], threading.Barrier(4)

    def drainer():
        barrier.wait()
        try:
            results.append(outbox.drain(limit=50))
        finally:
            connection.close()

    while OutboxMessage.objects.pending().exists():
        threads = [threading.Thread(target=drainer) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    delivered = [pk for batch in results for pk in batch]
    assert len(delivered) == len(set(delivered)) == len(ids)
    assert set(delivered) == ids
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
