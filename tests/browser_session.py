"""Give a Playwright page a signed-in session without going through a login form (tested on its own)."""

from django.contrib.auth import get_user_model
from django.test import Client


def log_in(page, live_server, user):
    """Put a session cookie for `user` (an account or a username) into the page's browser context."""
    if isinstance(user, str):
        user = get_user_model().objects.get(username=user)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
