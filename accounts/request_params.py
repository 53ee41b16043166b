"""Parse ids that arrive in query strings and forms."""

import re

# ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses; 18 digits fit a bigint.
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(value):
    """Return the value as a positive int id, or None for anything else."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        return None
    number = int(value)
    return number or None
