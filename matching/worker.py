"""The embedding process of the embedded default: one background thread beside the web server.

With a Celery broker the worker process embeds and encodes. Without one (tasks run eagerly) a
request must still never run the encoder, so embedding jobs and query encodings are handed to
this thread; the request returns at once and waits for an encoding only up to a short timeout.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

THREAD_NAME = "matching-embedder"


def local_mode() -> bool:
    """Return True when there is no Celery worker, so this process's background thread embeds."""
    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False))


class LocalWorker:
    """A single daemon thread running jobs in order (one model, one encoder at a time)."""

    def __init__(self):
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the thread unless it runs already."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
                self._thread.start()

    def submit(self, function, *args, **kwargs) -> Future:
        """Queue ``function(*args, **kwargs)``; return a Future of its result."""
        future: Future = Future()
        self._queue.put((function, args, kwargs, future))
        self.start()
        return future

    def join(self, timeout: float = 60) -> bool:
        """Wait until every queued job has run (tests, shutdown); return whether it finished in time."""
        done = self.submit(lambda: True)
        try:
            return bool(done.result(timeout=timeout))
        except Exception:
            return False

    def _run(self) -> None:
        while True:
            function, args, kwargs, future = self._queue.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args, **kwargs))
            except BaseException as exc:  # a failed job must not end the thread
                logger.exception("matching: background job %s failed", getattr(function, "__name__", function))
                future.set_exception(exc)
            finally:
                connections.close_all()  # this thread's connections only


_worker = LocalWorker()


def local_worker() -> LocalWorker:
    """Return this process's background embedding thread."""
    return _worker
