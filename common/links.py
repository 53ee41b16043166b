"""Absolute links for e-mails and exports, built from settings.SITE_URL."""

from django.conf import settings


def absolute_url(path):
    """Return SITE_URL + path (a path that is already absolute is returned unchanged)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")
