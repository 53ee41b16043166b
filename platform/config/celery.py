"""Celery application: configured from Django settings under the CELERY_ namespace."""

import os
import sys
from pathlib import Path

from celery import Celery

# `cd platform && celery -A config worker` (README, docker) imports this from platform/; the
# apps (home, experts, …) live one level up, so the project root must be importable too.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("miestai")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
