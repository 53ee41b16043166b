#!/usr/bin/env python
"""Django's command-line utility for the Miestai ir diaspora platform."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The project package lives in platform/ but must not be imported as `platform`
# (a standard-library module), so platform/ itself goes on the path.
sys.path.insert(0, str(ROOT / "platform"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
