"""Fixed-window counters in the Django cache, for rate limits on forms (sign-ups, pledges, surveys)."""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def over_limit(scope, value, limit, window):
    """Count one attempt of `value` in `scope`; return True once more than `limit` fall in `window` seconds.

    Only a hash of the value is kept, in the cache. A cache outage never blocks the action (the
    caller's own checks, e.g. event capacity, still hold): the attempt is then not counted.
    """
    key = f"ratelimit:{scope}:{hashlib.sha256(str(value).encode()).hexdigest()[:32]}"
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
    except Exception:  # noqa: BLE001 - see the docstring
        logger.warning("rate limit %s unavailable (cache error)", scope, exc_info=True)
        return False
    return count > limit
