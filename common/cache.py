"""A Redis cache that degrades to no cache when Redis is down or slow (like django-redis IGNORE_EXCEPTIONS)."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_last_warning = [0.0]
# After a failure this client skips Redis for a few seconds, so a hanging server costs one timeout, not one per call.
RETRY_AFTER_SECONDS = 5


def _degrade(fallback):
    """Turn a Redis failure into what a dummy cache would answer (warning at most every 30 s)."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < getattr(self, "_down_until", 0.0):
                return fallback(*args) if callable(fallback) else fallback
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                now = time.monotonic()
                self._down_until = now + RETRY_AFTER_SECONDS
                if now - _last_warning[0] > 30:
                    _last_warning[0] = now
                    logger.warning("cache: Redis unavailable, serving without cache (%s)", type(error).__name__)
                return fallback(*args) if callable(fallback) else fallback

        return wrapper

    return decorator


class ResilientRedisCacheClient(RedisCacheClient):
    """Answer like a dummy cache whenever Redis raises."""

    add = _degrade(True)(RedisCacheClient.add)
    get = _degrade(lambda key, default: default)(RedisCacheClient.get)
    set = _degrade(None)(RedisCacheClient.set)
    touch = _degrade(False)(RedisCacheClient.touch)
    delete = _degrade(False)(RedisCacheClient.delete)
    get_many = _degrade(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _degrade(False)(RedisCacheClient.has_key)
    incr = _degrade(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _degrade(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _degrade(None)(RedisCacheClient.delete_many)
    clear = _degrade(False)(RedisCacheClient.clear)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache with ResilientRedisCacheClient."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
