"""Structured logs: a JSON formatter and a middleware that logs one line per request."""

import json
import logging
import time
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed through ``extra=`` and is kept.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
_SKIP = {"request", "server_time"}  # Django's request object and gunicorn's preformatted time


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object per line (time, level, logger, message and extras)."""

    def format(self, record):
        """Return the record as a JSON line."""
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _STANDARD or key in _SKIP or key.startswith("_"):
                continue
            payload[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            payload.setdefault("method", request.method)
            payload.setdefault("path", request.path)
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


request_logger = logging.getLogger("miestai.request")


class RequestLogMiddleware:
    """Log method, path, status, duration and user id of every request to ``miestai.request``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        request_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response
