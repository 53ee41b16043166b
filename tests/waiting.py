"""Polling helper for tests that wait on a real Celery worker."""

import time


def wait_for(condition, timeout=60, interval=0.1):
    """Return True as soon as condition() holds, False if it still does not after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
