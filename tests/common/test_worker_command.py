"""The README's worker command starts: `cd platform && ../.venv/bin/celery -A config worker`."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_worker_command_starts_and_loads_the_apps(tmp_path):
    celery = Path(sys.executable).with_name("celery")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CELERY_BROKER_URL": "memory://",
        "CELERY_RESULT_BACKEND": "cache+memory://",
        "PYTHONPATH": "",  # as from a shell: nothing but the command's own directory
    }
    env.pop("DATABASE_URL", None)
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        worker = subprocess.Popen(
            [str(celery), "-A", "config", "worker", "--pool", "solo", "--loglevel", "info"],
            cwd=ROOT / "platform",
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and worker.poll() is None and " ready." not in log.read_text():
                time.sleep(0.5)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    text = log.read_text()
    assert "ModuleNotFoundError" not in text, text[-2000:]
    assert " ready." in text, text[-2000:]
    assert "common.tasks.drain_outbox" in text and "home.tasks.send_registration_confirmation" in text
