"""The demo loader is idempotent; production settings refuse to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.demo import load_demo
from home.models import CityPage, EventPage

ROOT = Path(__file__).resolve().parents[2]


def snapshot():
    return (
        Page.objects.count(),
        Site.objects.count(),
        get_user_model().objects.count(),
        Group.objects.count(),
        sorted(Page.objects.values_list("url_path", flat=True)),
    )


def test_demo_loader_is_idempotent(db):
    load_demo()
    first = snapshot()
    load_demo()
    assert snapshot() == first
    assert CityPage.objects.filter(locale__language_code="lt").count() == 3
    assert CityPage.objects.filter(locale__language_code="en").count() == 3
    assert EventPage.objects.exclude(recurrence="").filter(locale__language_code="lt").exists()


def run_settings(env):
    code = "import django; django.setup()"
    full_env = {"PATH": os.environ["PATH"], "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'platform'}", **env}
    full_env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, cwd=ROOT)


MAIL = {"EMAIL_URL": "smtp+tls://mailer:secret@smtp.miestai.lt:587"}


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings({"ALLOWED_HOSTS": "miestai.lt", **MAIL})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings({"SECRET_KEY": "x" * 50, **MAIL})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = run_settings({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "miestai.lt", **MAIL})
    assert result.returncode == 0, result.stderr
