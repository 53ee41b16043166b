"""Digests are built by the real Celery worker (PostgreSQL + Redis in CI) and read back from the mail box."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from notifications.models import Preference
from notifications.tasks import send_digests

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_worker_sends_due_digests_once(transactional_demo_site, celery_worker):
    user = get_user_model().objects.create_user(username="w@example.com", email="w@example.com", password="x")
    # Due (a month since the last digest), and the demo's content is newer than that.
    Preference.objects.create(
        user=user, language="en", frequency="weekly", last_digest_at=timezone.now() - timedelta(days=30)
    )
    mail.outbox.clear()
    assert send_digests.delay().get(timeout=120) >= 1
    assert [m.to for m in mail.outbox].count(["w@example.com"]) == 1
    assert send_digests.delay().get(timeout=120) == 0
    assert [m.to for m in mail.outbox].count(["w@example.com"]) == 1
