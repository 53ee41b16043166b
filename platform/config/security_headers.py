"""Response headers for production: Permissions-Policy, and a CSP relaxed only for the staff-only admin.

The public site's Content-Security-Policy allows no inline styles or scripts (CONTENT_SECURITY_POLICY
in settings). Wagtail's and Django's admin still rely on inline ones, so paths under
CSP_ADMIN_PREFIXES get `'unsafe-inline'` added for style-src and script-src; they are behind a login.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, adding `'unsafe-inline'` under the admin prefixes only."""

    def get_policy_parts(self, request, response, report_only=False):
        """Return django-csp's policy parts, with inline styles and scripts allowed for the admin."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        path = request.path_info
        if path.startswith(tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ()))):
            relaxed = ("style-src", "script-src")
        elif path.startswith(tuple(getattr(settings, "CSP_INLINE_STYLE_PREFIXES", ()))):
            relaxed = ("style-src",)  # the API docs (Swagger UI, Redoc) set style attributes from their scripts
        else:
            return parts
        update = dict(parts.update or {})
        for directive in relaxed:
            update[directive] = [*list(update.get(directive) or []), "'unsafe-inline'"]
        parts.update = update
        if "script-src" in relaxed:
            # A nonce in the header would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts


class PermissionsPolicyMiddleware:
    """Add the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response that lacks one."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
