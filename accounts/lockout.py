"""The name django-axes counts failed logins under, for every login form the site has."""


def login_username(request, credentials=None):
    """Return the submitted login (allauth's `login`, Wagtail's `username`, or the credentials' e-mail), lowercased."""
    credentials = credentials or {}
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    for value in (
        credentials.get("username"),
        credentials.get("email"),
        data.get("login"),
        data.get("username"),
    ):
        if isinstance(value, str) and value.strip():
            # E-mail logins are case-insensitive; counting "A@x" and "a@x" apart would halve the limit.
            return value.strip().lower()
    return None
