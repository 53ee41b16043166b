"""Production settings: refuse to start without a secret key and allowed hosts."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

DEBUG = False

# --- input: HTTPS and security headers (README "Production environment"; `check --deploy` is clean) ---
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# One year, subdomains included, eligible for the browsers' preload list; lower SECURE_HSTS_SECONDS
# (e.g. 300) while first moving a domain to HTTPS, since browsers remember the header.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# --- end input ---

# --- site: e-mail must really be delivered (sign-up needs a verified address) ---
from config.mail import require_delivering_backend  # noqa: E402

require_delivering_backend({"EMAIL_BACKEND": EMAIL_BACKEND, "EMAIL_CONFIGURED_BY": EMAIL_CONFIGURED_BY})  # noqa: F405
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = "text" if LOG_FORMAT == "text" else "json"  # noqa: F405
# Links in e-mails carry the real address: default to the first allowed host over HTTPS.
if not os.environ.get("WAGTAILADMIN_BASE_URL"):
    WAGTAILADMIN_BASE_URL = f"https://{ALLOWED_HOSTS[0]}"  # noqa: F405
# E-mail links (common.links.absolute_url) use SITE_URL: the same public address unless set.
if not os.environ.get("SITE_URL"):
    SITE_URL = WAGTAILADMIN_BASE_URL
