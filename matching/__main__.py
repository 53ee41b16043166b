"""Run the matching command line (``python -m matching --help``)."""

import sys

from matching.cli import main

sys.exit(main())
