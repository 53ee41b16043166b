"""Redis down: pages answer without cache. Elasticsearch hanging: admin search falls back. /healthz tells which."""

import socket
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from common import search
from tests.common.conftest import DEAD_REDIS, broker_at
from tests.conftest import broker_configured

_DEAD_REDIS = {
    "BACKEND": "common.cache.ResilientRedisCache",
    "LOCATION": "redis://127.0.0.1:6399/1",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
}
# Redis down takes both caches that live in it: the default one and the page cache.
DEAD_CACHE = {"default": _DEAD_REDIS, "pages": {**_DEAD_REDIS, "KEY_PREFIX": "pages"}}


@pytest.fixture
def hanging_server():
    """Accept connections and never answer (an Elasticsearch node that hangs)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


@override_settings(CACHES=DEAD_CACHE)
def test_home_search_and_login_answer_with_redis_down(site_tree, client):
    from django.core.cache import cache

    cache.set("probe", 1)  # swallowed
    assert cache.get("probe", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.incr("counter") == 1
    for url in ["/lt/", "/lt/search/?q=Alytus", "/lt/accounts/login/"]:
        assert client.get(url).status_code == 200, url
    response = client.post("/lt/accounts/login/", {"login": "nobody@example.com", "password": "wrong-password"})
    assert response.status_code == 200  # the form again with an error, not a 500


def test_healthz_reports_each_part(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())


@override_settings(CACHES=DEAD_CACHE)
def test_healthz_is_503_when_the_cache_is_down(db, client):
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["ok"] is False and checks["database"]["ok"] is True


def test_healthz_is_503_when_the_broker_is_down(db, client):
    if not broker_configured():
        pytest.skip("No Celery broker configured (embedded default runs tasks eagerly); CI sets CELERY_BROKER_URL.")
    with broker_at(DEAD_REDIS):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False


def test_healthz_checks_elasticsearch_only_when_configured(db, client, settings, hanging_server):
    settings.ELASTICSEARCH_URL = hanging_server
    settings.SEARCH_ELASTIC_TIMEOUT = 1
    settings.HEALTH_REQUIRED = ["database", "cache", "broker", "elasticsearch"]
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.json()["checks"]["elasticsearch"]["ok"] is False
    settings.HEALTH_REQUIRED = ["database", "cache", "broker"]  # optional: reported, not fatal
    assert client.get("/healthz").status_code == 200


def test_admin_page_search_falls_back_when_elasticsearch_hangs(site_tree, client, hanging_server):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "correct-horse-battery")
    client.force_login(admin)
    backends = {
        "default": {
            "BACKEND": "common.search.ResilientElasticsearchBackend",
            "URLS": [hanging_server],
            "INDEX_PREFIX": "miestai-test-",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        started = time.monotonic()
        response = client.get("/admin/pages/search/", {"q": "Alytus"})
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert "Alytus" in response.content.decode()
    assert elapsed < 8
    search._down_until[0] = 0.0  # close the breaker for later tests
