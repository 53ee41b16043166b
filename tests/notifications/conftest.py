"""Notification tests run Celery tasks in-process unless they start a real worker themselves."""

import pytest


@pytest.fixture
def eager_celery():
    """Run tasks in-process even when a broker is configured (test_worker.py covers the real worker)."""
    from config.celery import app

    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old
