"""Base settings: safe for production, configured from the environment.

With no environment set the site runs on the embedded default: SQLite, the database search
backend, an in-process vector index and eager Celery tasks. DATABASE_URL, CELERY_BROKER_URL
(or REDIS_URL) and ELASTICSEARCH_URL switch to PostgreSQL, a real worker and Elasticsearch.
This module holds Django's and Wagtail's core settings; `components/` holds the rest by concern.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.settings.components.api import *  # noqa: F403
from config.settings.components.features import *  # noqa: F403
from config.settings.components.infrastructure import *  # noqa: F403
from config.settings.components.observability import *  # noqa: F403
from config.settings.components.security import *  # noqa: F403
from config.settings.environment import BASE_DIR, VAR_DIR, env_bool, env_list

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
    # Community features, shared parts
    "rotations",
    "campaigns",
    "awards",
    "notifications",
    "mentoring",
    "common",
    # Public API
    "rest_framework",
    "wagtail.api.v2",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "api",
    # Integration coordination
    "coordination",
    "surveys",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS first so even early answers carry it; then ETags on API reads (after CORS: it sees the final body).
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.ApiConditionalGetMiddleware",
    # One log line per request (REQUEST_LOG=0 switches it off).
    *(["config.jsonlog.RequestLogMiddleware"] if env_bool("REQUEST_LOG", True) else []),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside LocaleMiddleware: an API 404 stays a 404 instead of a redirect to a language-prefixed path.
    "api.middleware.ApiNotFoundMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.ViewerMiddleware",  # request.viewer: who the user is for this platform
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous GETs of public pages answered from the page cache (common.pagecache, docs/performance.md).
    "common.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.security_headers.SiteCSPMiddleware",
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
    # Connections persist (DB_CONN_MAX_AGE) as on PostgreSQL: opening one costs ~5 ms (Django registers
    # its SQL functions on every connect), more than a page-cache hit costs in all.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# --- Internationalisation: Lithuanian first, English second; content also in Russian and Ukrainian ---
LANGUAGE_CODE = "lt"
LANGUAGES = [("lt", _("Lithuanian")), ("en", _("English")), ("ru", _("Russian")), ("uk", _("Ukrainian"))]
# Residents read content and answer surveys in Russian and Ukrainian too; the interface switcher stays lt/en.
INTERFACE_LANGUAGES = ["lt", "en"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = CELERY_TIMEZONE  # noqa: F405 (one zone for the site and the beat)
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
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Accounts (django-allauth) ---
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Miestai ir diaspora] "
