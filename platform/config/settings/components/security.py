"""Security headers (django-csp 4, Permissions-Policy; docs/security-headers.md) and sign-in guards."""

import os

# No inline styles or scripts on the public site: templates use static/css and static/js only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # 'self', not 'none': Wagtail's live preview frames the site in its own admin.
        "frame-ancestors": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
    }
}
# Wagtail's and Django's admin still need inline styles and scripts; they get them, and only they.
CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
# Only inline styles (never scripts) for the API's documentation pages.
CSP_INLINE_STYLE_PREFIXES = ["/api/v1/docs/", "/api/v1/redoc/"]
# Features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "fullscreen": ["self", '"https://www.youtube.com"', '"https://player.vimeo.com"'],
}
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view sets SAMEORIGIN on its own responses
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Brute-force guard (django-axes), which reads allauth's `login` field.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.lockout.login_username"
# Event sign-ups accepted per client address and per e-mail address: (count, window in seconds).
EVENT_SIGN_UP_LIMITS = {"ip": (10, 600), "email": (5, 3600)}
# Survey answers accepted per client address per hour.
SURVEY_RATE_LIMIT = int(os.environ.get("SURVEY_RATE_LIMIT", "20"))
