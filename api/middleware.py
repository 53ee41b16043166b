"""API middleware: conditional GET (ETag, 304) and plain 404s that the language redirect leaves alone."""

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers

from api.cors import API_PREFIX


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """Apply Django's ETag/If-None-Match handling to /api/v1/ responses only; restore API 404s."""

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PREFIX):
            return response
        kept = getattr(request, "api_not_found", None)
        if kept is not None:
            response = kept
        # A token changes what a response holds (drafts, suggestions), and so does the language.
        patch_vary_headers(response, ("Authorization", "Accept-Language"))
        return super().process_response(request, response)


class ApiNotFoundMiddleware:
    """Keep an API 404 before LocaleMiddleware turns it into a redirect to /lt/api/… (Wagtail's catch-all)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            request.api_not_found = response
        return response
