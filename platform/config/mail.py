"""E-mail, error-reporting and logging settings read from the environment.

Settings modules call these helpers so the parsing lives in one tested place:
``EMAIL_URL`` (``smtp://user:password@host:587?tls=1``), the separate ``EMAIL_HOST``/``EMAIL_PORT``/
``EMAIL_HOST_USER``/``EMAIL_HOST_PASSWORD``/``EMAIL_USE_TLS``/``EMAIL_USE_SSL`` variables, or an
anymail provider (``ANYMAIL_ESP=mailgun`` plus ``ANYMAIL_MAILGUN_API_KEY=…``).
"""

from email.utils import getaddresses
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Backends that never deliver a message: refused by the production settings.
NON_DELIVERING_BACKENDS = {
    CONSOLE_BACKEND,
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
URL_SCHEMES = {
    "smtp": (SMTP_BACKEND, 25, False, False),
    "smtp+tls": (SMTP_BACKEND, 587, True, False),
    "submission": (SMTP_BACKEND, 587, True, False),
    "smtps": (SMTP_BACKEND, 465, False, True),
    "smtp+ssl": (SMTP_BACKEND, 465, False, True),
    "console": (CONSOLE_BACKEND, None, False, False),
    "locmem": ("django.core.mail.backends.locmem.EmailBackend", None, False, False),
    "dummy": ("django.core.mail.backends.dummy.EmailBackend", None, False, False),
}
TRUE = {"1", "true", "yes", "on"}


def _flag(value):
    return str(value).strip().lower() in TRUE


def parse_email_url(url):
    """Return Django e-mail settings for an ``EMAIL_URL`` such as ``smtp+tls://user:pw@host:587``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {scheme!r} is not supported; use one of {', '.join(sorted(URL_SCHEMES))}."
        )
    backend, default_port, tls, ssl = URL_SCHEMES[scheme]
    query = {key.lower(): values[-1] for key, values in parse_qs(parts.query).items()}
    tls = _flag(query.get("tls", tls))
    ssl = _flag(query.get("ssl", ssl))
    if tls and ssl:
        raise ImproperlyConfigured("EMAIL_URL asks for both TLS and SSL; choose one.")
    config = {"EMAIL_BACKEND": backend}
    if backend == SMTP_BACKEND:
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL has no host (smtp://user:password@host:port).")
        try:
            port = parts.port or default_port
        except ValueError as error:
            raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {error}") from None
        config.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=port,
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=tls,
            EMAIL_USE_SSL=ssl,
        )
        if "timeout" in query:
            config["EMAIL_TIMEOUT"] = int(query["timeout"])
    return config


def anymail_settings(environ):
    """Return the anymail backend and its ``ANYMAIL`` dict from ``ANYMAIL_ESP`` and ``ANYMAIL_*`` variables."""
    esp = environ.get("ANYMAIL_ESP", "").strip().lower()
    if not esp:
        return {}
    options = {
        key.removeprefix("ANYMAIL_"): value
        for key, value in environ.items()
        if key.startswith("ANYMAIL_") and key != "ANYMAIL_ESP"
    }
    return {"EMAIL_BACKEND": f"anymail.backends.{esp}.EmailBackend", "ANYMAIL": options}


def email_settings(environ):
    """Return the e-mail settings the environment asks for (console in development when none)."""
    config = {"EMAIL_BACKEND": CONSOLE_BACKEND, "EMAIL_CONFIGURED_BY": ""}
    if environ.get("ANYMAIL_ESP"):
        config.update(anymail_settings(environ), EMAIL_CONFIGURED_BY="ANYMAIL_ESP")
    elif environ.get("EMAIL_URL"):
        config.update(parse_email_url(environ["EMAIL_URL"]), EMAIL_CONFIGURED_BY="EMAIL_URL")
    elif environ.get("EMAIL_HOST"):
        tls, ssl = _flag(environ.get("EMAIL_USE_TLS", "")), _flag(environ.get("EMAIL_USE_SSL", ""))
        config.update(
            EMAIL_BACKEND=SMTP_BACKEND,
            EMAIL_HOST=environ["EMAIL_HOST"],
            EMAIL_PORT=int(environ.get("EMAIL_PORT") or (465 if ssl else 587 if tls else 25)),
            EMAIL_HOST_USER=environ.get("EMAIL_HOST_USER", ""),
            EMAIL_HOST_PASSWORD=environ.get("EMAIL_HOST_PASSWORD", ""),
            EMAIL_USE_TLS=tls,
            EMAIL_USE_SSL=ssl,
            EMAIL_CONFIGURED_BY="EMAIL_HOST",
        )
    if environ.get("EMAIL_BACKEND"):
        config.update(
            EMAIL_BACKEND=environ["EMAIL_BACKEND"], EMAIL_CONFIGURED_BY=config["EMAIL_CONFIGURED_BY"] or "EMAIL_BACKEND"
        )
    if environ.get("EMAIL_TIMEOUT"):
        config["EMAIL_TIMEOUT"] = int(environ["EMAIL_TIMEOUT"])
    config.setdefault("EMAIL_TIMEOUT", 10)
    return config


def require_delivering_backend(config):
    """Raise ImproperlyConfigured unless ``config`` sends real mail (the production rule)."""
    backend = config["EMAIL_BACKEND"]
    if not config.get("EMAIL_CONFIGURED_BY"):
        raise ImproperlyConfigured(
            "No e-mail configuration: production needs EMAIL_URL (smtp+tls://user:password@host:587), "
            "EMAIL_HOST (with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS) or ANYMAIL_ESP "
            "with its ANYMAIL_* keys. Sign-up needs a verified e-mail, so the site cannot run without it."
        )
    if backend in NON_DELIVERING_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_BACKEND {backend} does not deliver mail (and would log message bodies); "
            "production needs SMTP or an anymail provider."
        )


def parse_admins(value):
    """Return ``[(name, address), …]`` from ``"Name <a@b.lt>, c@d.lt"``."""
    return [(name or address, address) for name, address in getaddresses([value or ""]) if address]
