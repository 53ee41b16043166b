"""Health checks for /healthz: database, cache, broker and Elasticsearch, each reported on its own."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def check_database():
    """Run SELECT 1."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_cache():
    """Ping Redis directly (the resilient cache hides failures) or round-trip a key in memory."""
    client = getattr(cache, "_cache", None)
    if client is not None and hasattr(client, "get_client"):
        from django.core.cache.backends.redis import RedisCacheClient

        RedisCacheClient.get_client(client, write=True).ping()
        return "redis"
    cache.set("healthz", "1", 5)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache round trip failed")
    return "memory"


def check_broker():
    """Connect to the broker once, with a short timeout (eager tasks need none)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(
            max_retries=1, interval_start=0, timeout=getattr(settings, "CELERY_BROKER_CONNECTION_TIMEOUT", 2)
        )
    return "ok"


def check_elasticsearch():
    """Ask the node for its info with the search app's short timeout."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=float(getattr(settings, "SEARCH_ELASTIC_TIMEOUT", 3)),
        max_retries=0,
        retry_on_timeout=False,
    )
    info = client.info()
    return info.get("version", {}).get("number", "ok")


def checks():
    """Return the checks that apply to this deployment (Elasticsearch only when configured)."""
    found = {"database": check_database, "cache": check_cache, "broker": check_broker}
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        found["elasticsearch"] = check_elasticsearch
    return found


def run_checks():
    """Run every check; return (healthy, report)."""
    required = set(getattr(settings, "HEALTH_REQUIRED", ["database", "cache", "broker"]))
    report, healthy = {}, True
    for name, check in checks().items():
        started = time.monotonic()
        try:
            entry = {"ok": True, "detail": check()}
        except Exception as error:  # any failure is the answer, not a server error
            entry = {"ok": False, "detail": type(error).__name__}
        entry.update(required=name in required, ms=round((time.monotonic() - started) * 1000))
        report[name] = entry
        if not entry["ok"] and entry["required"]:
            healthy = False
    return healthy, report


@never_cache
def healthz(request):
    """Answer 200 with each component's state, or 503 when a required one fails."""
    healthy, report = run_checks()
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": report}, status=200 if healthy else 503)
