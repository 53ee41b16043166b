"""`python -m matching bench` prints its ratios (a tiny suggestions run; the full figures are in the README)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_prints_the_suggestions_ratio_and_the_rss():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    done = subprocess.run(
        [sys.executable, "-m", "matching", "bench", "--quick", "--only", "suggest,rss", "--sizes", "400"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "suggest     400 experts:" in done.stdout and "p95 ratio" in done.stdout
    assert "(model not loaded)" in done.stdout and "failed" not in done.stdout
