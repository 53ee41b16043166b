"""Production hardening: `check --deploy` is clean, and responses carry HSTS, X-Frame-Options, Permissions-Policy and a strict CSP."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 30 + "-production-like-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "miestai.example.lt",
    "CSRF_TRUSTED_ORIGINS": "https://miestai.example.lt",
    # Production refuses to start without a delivering mail backend (config/mail.py).
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.lt:587",
}


def manage(*args, **env):
    """Run manage.py in a fresh process with the production settings and the given environment."""
    # Not the test run's settings, nor the browser fixture's DJANGO_ALLOW_ASYNC_UNSAFE (a deploy error).
    leaked = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leaked}
    environment.update(PRODUCTION_ENV, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_hsts_is_settable_from_the_environment():
    shown = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.X_FRAME_OPTIONS)",
    )
    assert shown.stdout.split()[-4:] == ["31536000", "True", "True", "DENY"], shown.stderr
    lowered = manage(
        "shell", "-c", "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS)", SECURE_HSTS_SECONDS="300"
    )
    assert lowered.stdout.split()[-1] == "300", lowered.stderr


def test_production_refuses_to_start_without_its_secrets():
    result = manage("check", SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_responses_carry_the_security_headers(client, site_tree, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/lt/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy
    directives = csp_directives(response)
    assert directives["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_only_the_admin_gets_inline_styles(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directives(response)["style-src"]
    assert "nonce-" not in response["Content-Security-Policy"]


TEMPLATES = ROOT / "templates"


def test_templates_have_no_inline_styles():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        # E-mail bodies are not served to browsers (no CSP there); mail clients need inline styles.
        if "email" not in path.relative_to(TEMPLATES).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\sstyle\s*=|<style[\s>]", line)
    ]
    assert offenders == []


def test_templates_have_no_inline_scripts_without_a_nonce():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for tag in re.findall(r"<script\b[^>]*>", line)
        if "src=" not in tag and "nonce=" not in tag and 'type="application/json"' not in tag
    ]
    assert offenders == []
