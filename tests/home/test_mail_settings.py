"""E-mail comes from the environment; production refuses a backend that does not deliver."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.jsonlog import JsonFormatter
from config.mail import email_settings, parse_admins, parse_email_url, require_delivering_backend

ROOT = Path(__file__).resolve().parents[2]
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_email_url_is_parsed_into_smtp_settings():
    config = parse_email_url("smtp+tls://mailer%40miestai.lt:p%40ss@smtp.miestai.lt:2525?timeout=5")
    assert config == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "smtp.miestai.lt",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "mailer@miestai.lt",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 5,
    }


@pytest.mark.parametrize(
    ("url", "port", "tls", "ssl"),
    [
        ("smtp://h", 25, False, False),
        ("smtps://h", 465, False, True),
        ("submission://h", 587, True, False),
        ("smtp://h:587?tls=1", 587, True, False),
    ],
)
def test_email_url_schemes_choose_port_and_encryption(url, port, tls, ssl):
    config = parse_email_url(url)
    assert (config["EMAIL_PORT"], config["EMAIL_USE_TLS"], config["EMAIL_USE_SSL"]) == (port, tls, ssl)


@pytest.mark.parametrize("url", ["http://h", "smtp://", "smtp://h:99999", "smtps://h?tls=1"])
def test_bad_email_urls_fail_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url(url)


def test_separate_smtp_variables():
    config = email_settings(
        {"EMAIL_HOST": "mx.lt", "EMAIL_HOST_USER": "u", "EMAIL_HOST_PASSWORD": "p", "EMAIL_USE_TLS": "true"}
    )
    assert config["EMAIL_BACKEND"] == SMTP
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == ("mx.lt", 587, True)
    assert config["EMAIL_CONFIGURED_BY"] == "EMAIL_HOST"


def test_anymail_provider_from_the_environment():
    config = email_settings(
        {"ANYMAIL_ESP": "mailgun", "ANYMAIL_MAILGUN_API_KEY": "key-1", "EMAIL_URL": "smtp://ignored"}
    )
    assert config["EMAIL_BACKEND"] == "anymail.backends.mailgun.EmailBackend"
    assert config["ANYMAIL"] == {"MAILGUN_API_KEY": "key-1"}


def test_without_configuration_development_gets_the_console_and_production_refuses_it():
    config = email_settings({})
    assert config["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured, match="No e-mail configuration"):
        require_delivering_backend(config)
    with pytest.raises(ImproperlyConfigured, match="does not deliver"):
        require_delivering_backend(email_settings({"EMAIL_URL": "console://"}))
    require_delivering_backend(email_settings({"EMAIL_URL": "smtp://mx.lt"}))


def test_admins_from_the_environment():
    assert parse_admins("Ona Ona <ona@miestai.lt>, tech@miestai.lt") == [
        ("Ona Ona", "ona@miestai.lt"),
        ("tech@miestai.lt", "tech@miestai.lt"),
    ]
    assert parse_admins("") == []


def run_production(env, code="import django; django.setup()"):
    full_env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'platform'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "miestai.lt",
        **env,
    }
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, cwd=ROOT)


def test_production_refuses_to_start_without_mail_configuration():
    result = run_production({})
    assert result.returncode != 0
    assert "No e-mail configuration" in result.stderr


def test_production_refuses_the_console_backend():
    result = run_production({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"})
    assert result.returncode != 0
    assert "does not deliver mail" in result.stderr


def test_production_reads_smtp_from_email_url_and_links_use_the_real_host():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.WAGTAILADMIN_BASE_URL, "
        "s.LOGGING['handlers']['console']['formatter'], s.ADMINS)"
    )
    result = run_production({"EMAIL_URL": "smtp+tls://u:p@smtp.miestai.lt:587", "ADMINS": "Ops <ops@miestai.lt>"}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 6) == [
        SMTP,
        "smtp.miestai.lt",
        "587",
        "True",
        "https://miestai.lt",
        "json",
        "[('Ops', 'ops@miestai.lt')]\n",
    ]


def test_production_starts_with_sentry_configured():
    result = run_production(
        {"EMAIL_URL": "smtp://mx", "SENTRY_DSN": "https://public@sentry.example.invalid/1"},
        "import django; django.setup(); import sentry_sdk; print(sentry_sdk.get_client().is_active())",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_json_formatter_writes_one_object_per_line_with_extras():
    record = logging.LogRecord("miestai.request", logging.INFO, __file__, 1, "GET %s %s", ("/lt/", 200), None)
    record.status = 200
    record.duration_ms = 3.5
    line = JsonFormatter().format(record)
    data = json.loads(line)
    assert "\n" not in line
    assert data["message"] == "GET /lt/ 200"
    assert (data["level"], data["logger"], data["status"], data["duration_ms"]) == ("INFO", "miestai.request", 200, 3.5)


def test_each_request_is_logged_with_status_and_duration(client, db, caplog):
    with caplog.at_level(logging.INFO, logger="miestai.request"):
        client.get("/healthz")
    [record] = [r for r in caplog.records if r.name == "miestai.request"]
    assert (record.method, record.path, record.status) == ("GET", "/healthz", 200)
    assert record.duration_ms >= 0
