"""Conditional GET for the API: an ETag on every successful read, 304 when the client already has it."""

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers

from api.cors import API_PREFIX


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """Apply Django's ETag/If-None-Match handling to /api/v1/ responses only."""

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PREFIX):
            return response
        # A token changes what a response holds (drafts, suggestions), and so does the language.
        patch_vary_headers(response, ("Authorization", "Accept-Language"))
        return super().process_response(request, response)
