"""Fixtures for the shared app: in-process tasks and a broker that can be switched off."""

from contextlib import contextmanager

import pytest


@pytest.fixture
def eager(settings):
    """Run Celery tasks in-process even when a broker is configured."""
    from config.celery import app

    settings.MATCHING_AUTO_EMBED = False
    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def _reset_connections(app):
    app._pool = None
    app.amqp._producer_pool = None
    app._local.__dict__.pop("backend", None)


@contextmanager
def broker_at(url):
    """Point this process's Celery app (broker and result backend) at `url`, then back."""
    from config.celery import app

    saved = app.conf.broker_url, app.conf.broker_write_url, app.conf.result_backend
    app.conf.broker_url = app.conf.broker_write_url = app.conf.result_backend = url
    _reset_connections(app)
    try:
        yield
    finally:
        from common import outbox

        app.conf.broker_url, app.conf.broker_write_url, app.conf.result_backend = saved
        _reset_connections(app)
        outbox._broker_down_until[0] = 0.0  # the broker is back: deliver on commit again


DEAD_REDIS = "redis://127.0.0.1:6399/0"
