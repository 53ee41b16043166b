"""Test settings: fast hashing, in-memory mail outbox, isolated file roots."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
_tmp = Path(tempfile.mkdtemp(prefix="miestai-test-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private"
VAR_DIR = _tmp
STATIC_ROOT = _tmp / "static"
STATIC_ROOT.mkdir()
AXES_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"

# --- scale: on SQLite a file test database (normal locking with the 20 s wait), because matching's
# background embedding thread shares it; an in-memory shared-cache one fails at once ("table is locked").
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_tmp / "test.sqlite3")}  # noqa: F405
