"""Signed cancel links for event registrations (no database access, so e-mails and services share it)."""

from urllib.parse import urlencode

from django.core import signing

from common.links import absolute_url

CANCEL_SALT = "home.registration.cancel"


def cancel_token(registration):
    """Return the signed token of the cancel link: it names the registration and its e-mail address."""
    return signing.dumps([registration.pk, registration.email], salt=CANCEL_SALT)


def cancel_url(registration, event):
    """Return the absolute cancel link for the confirmation e-mail, on the event page in its language."""
    # The token travels in the query string: Wagtail's page URLs allow only [\w-] in path segments.
    path = event.get_url() + event.reverse_subpage("cancel") + "?" + urlencode({"token": cancel_token(registration)})
    return absolute_url(path)


def read_cancel_token(token):
    """Return (registration id, e-mail) from a cancel token, or None when it is forged or malformed."""
    try:
        pk, email = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return pk, email
