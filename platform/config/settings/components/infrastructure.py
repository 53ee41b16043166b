"""Cache, Celery, the transactional outbox, health checks and the search backends.

Each has an embedded default (memory cache, eager tasks, the database search backend) and switches
to Redis, a real worker and Elasticsearch 8 when REDIS_URL / CELERY_BROKER_URL / ELASTICSEARCH_URL
are set.
"""

import os

from celery.schedules import crontab

from config.settings.environment import VAR_DIR, env_bool, env_list

# --- Cache: Redis when configured (degrading to no cache when Redis is down), memory otherwise ---
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": CACHE_TIMEOUT_SECONDS, "socket_timeout": CACHE_TIMEOUT_SECONDS},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous page responses and page fragments (common.pagecache): Redis when configured (shared by all
# processes); otherwise per-process memory, with the generation in a database row (common.PageCacheGeneration).
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "60"))
# Whole anonymous pages (off: only fragments are cached, as for logged-in visitors; for measuring and debugging).
PAGE_CACHE_PAGES = env_bool("PAGE_CACHE_PAGES", True)
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
else:
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
# Apps whose rows appear on public pages (search: its index entries, so cached results follow the index):
# saving or deleting any of them starts a new cache generation.
PAGE_CACHE_APPS = env_list(
    "PAGE_CACHE_APPS",
    "wagtailcore,wagtailimages,taggit,home,search,challenges,ideas,campaigns,awards,rotations,coordination,mentoring",
)

# --- Celery: a real broker when configured, eager tasks otherwise ---
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Vilnius"
# A dead or hanging broker must cost a request at most a short connect timeout.
CELERY_BROKER_CONNECTION_TIMEOUT = float(os.environ.get("CELERY_BROKER_CONNECTION_TIMEOUT", "2"))
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
# The result store gives up after ~1 s instead of 20 retries a second apart (a request never waits on it).
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
}
# Beat keeps its schedule state under var/, so `cd platform && celery -A config beat` leaves the tree clean.
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
DAY = 24 * 60 * 60
HOUR = 60 * 60
# Everything that runs on a clock, in one place.
CELERY_BEAT_SCHEDULE = {
    # Placeholder: nightly housekeeping (expired registrations, stale index entries).
    "nightly-housekeeping": {"task": "home.tasks.nightly_housekeeping", "schedule": DAY},
    "search-nightly-rebuild": {"task": "search.tasks.rebuild_index", "schedule": DAY},
    "notifications-digests": {"task": "notifications.tasks.send_digests", "schedule": HOUR},
    "notifications-alert-sweep": {"task": "notifications.tasks.sweep_alerts", "schedule": HOUR},
    "drain-outbox": {
        "task": "common.tasks.drain_outbox",
        "schedule": float(os.environ.get("OUTBOX_DRAIN_SECONDS", "15")),
    },
    # Report reminders while the year's report is not submitted (due 20 January): the beat fires on
    # days 1, 10 and 17 of December and January; the service sends only on 1 Dec, 10 Jan and 17 Jan.
    "coordination-report-reminders": {
        "task": "coordination.tasks.send_report_reminders",
        "schedule": crontab(hour=9, minute=0, day_of_month="1,10,17", month_of_year="12,1"),
    },
    "coordination-payment-request-reminders": {
        "task": "coordination.tasks.send_payment_request_reminders",
        "schedule": crontab(hour=9, minute=0, day_of_month="1-7", month_of_year="1,4,7,10"),
    },
}
del DAY, HOUR

# --- Outbox: work recorded after a commit (common.outbox): lease per claim, retry backoff, batch, retention ---
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "60"))
OUTBOX_RETRY_BASE_SECONDS = int(os.environ.get("OUTBOX_RETRY_BASE_SECONDS", "10"))
OUTBOX_RETRY_MAX_SECONDS = int(os.environ.get("OUTBOX_RETRY_MAX_SECONDS", "3600"))
OUTBOX_BATCH_SIZE = int(os.environ.get("OUTBOX_BATCH_SIZE", "500"))
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "7"))
OUTBOX_SKIP_AFTER_FAILURE_SECONDS = int(os.environ.get("OUTBOX_SKIP_AFTER_FAILURE_SECONDS", "10"))

# --- Search: the database path by default; ELASTICSEARCH_URL switches Wagtail's page backend and the
# search app's own indices to Elasticsearch 8, while the database backend stays registered as
# "database" so search falls back to it when ES is down. ---
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "miestai")
SEARCH_ELASTIC_TIMEOUT = float(os.environ.get("SEARCH_ELASTIC_TIMEOUT", "3"))
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
SEARCH_PAGE_BACKEND = "default"
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "common.search.ResilientElasticsearchBackend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
            "TIMEOUT": SEARCH_ELASTIC_TIMEOUT,
            "OPTIONS": {"max_retries": 0},
            # Lithuanian first: Wagtail's text fields use a diacritic-folding Lithuanian analyser.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "filter": {
                            "lt_stop": {"type": "stop", "stopwords": "_lithuanian_"},
                            "lt_stemmer": {"type": "stemmer", "language": "lithuanian"},
                        },
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "lt_stop", "lt_stemmer", "asciifolding"],
                            }
                        },
                    }
                }
            },
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    SEARCH_PAGE_BACKEND = "database"

# --- Health: which checks make /healthz answer 503 (Elasticsearch only when configured) ---
HEALTH_REQUIRED = env_list("HEALTH_REQUIRED", "database,cache,broker" + (",elasticsearch" if ELASTICSEARCH_URL else ""))
