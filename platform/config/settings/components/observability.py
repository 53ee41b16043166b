"""E-mail delivery, error reports and structured logs (config/mail.py, config/jsonlog.py, docs/site.md)."""

import os

from config.mail import email_settings, parse_admins

# The backend comes from EMAIL_URL / EMAIL_HOST / ANYMAIL_ESP (config.mail.email_settings).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Miestai ir diaspora <noreply@miestai.lt>")
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
_formatters = {
    "json": {"()": "config.jsonlog.JsonFormatter"},
    "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": _formatters,
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT if LOG_FORMAT in _formatters else "text"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's background tasks log every run at INFO; keep them for problems only.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        "miestai.request": {
            "handlers": ["console"],
            "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
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
