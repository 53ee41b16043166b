"""Rate limits on the Django cache: per token for token holders, per IP address for everyone else."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _LiveRates(SimpleRateThrottle):
    """Read the rate at each request, so changed settings (tests, deployments) apply at once."""

    def __init__(self):
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        super().__init__()


class TokenRateThrottle(_LiveRates):
    """Limit requests made with one token."""

    scope = "token"

    def get_cache_key(self, request, view):
        token = getattr(request, "auth", None)
        if token is None or not hasattr(token, "prefix"):
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.prefix}


class AnonIPRateThrottle(_LiveRates):
    """Limit requests without a token by client IP address."""

    scope = "anon"

    def get_cache_key(self, request, view):
        if getattr(request, "auth", None) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
