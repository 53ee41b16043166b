"""DRF authentication with an API token: `Authorization: Bearer mdk_…`."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api import services


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Authenticate a request by an active token of approved municipality staff."""

    keywords = ("bearer", "token")

    def authenticate(self, request):
        """Return (user, token) for a valid token, None without one; refuse an invalid or revoked one."""
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header."))
        token = services.authenticate_secret(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return token.user, token

    def authenticate_header(self, request):
        """Answer 401 (not 403) to requests without a token, as HTTP asks."""
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describe the token in the OpenAPI schema."""

    target_class = "api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Token from your account page (mdk_…)."}
