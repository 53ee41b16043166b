"""CORS: other sites may read the API anonymously from a browser; tokens never cross origins."""

from corsheaders.signals import check_request_enabled
from django.dispatch import receiver

API_PREFIX = "/api/v1/"
READ_METHODS = {"GET", "HEAD"}


def is_anonymous_read(request):
    """Return True for a GET/HEAD (or its preflight) to the API that carries no credentials."""
    if not request.path_info.startswith(API_PREFIX):
        return False
    if "authorization" in request.headers or request.COOKIES:
        return False
    method = request.method
    if method == "OPTIONS":
        method = request.headers.get("access-control-request-method", "").upper()
        asked = {h.strip().lower() for h in request.headers.get("access-control-request-headers", "").split(",")}
        if "authorization" in asked:
            return False
    return method in READ_METHODS


@receiver(check_request_enabled, dispatch_uid="api_cors_anonymous_reads")
def allow_anonymous_reads(sender, request, **kwargs):
    """Let corsheaders answer cross-origin requests that are anonymous reads of the API."""
    return is_anonymous_read(request)
