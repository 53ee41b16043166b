"""API token rules: who may hold one, issuing (secret shown once), revoking, checking a presented secret."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts import roles
from api.models import ApiToken

TOKEN_PREFIX = "mdk"
# Recording every use would turn each read into a write; once a minute is enough to show "last used".
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_secret(secret):
    """Return the hex SHA-256 of a token secret (the only form the database keeps)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def can_hold_token(user):
    """Return True for approved municipality staff, the only people the API issues tokens to."""
    return roles.is_approved_staff(user)


def tokens_of(user):
    """Return the user's tokens, newest first, revoked ones included."""
    return ApiToken.objects.for_user(user)


@transaction.atomic
def issue_token(user, name):
    """Create a token for approved staff; return (token, secret); the secret is never stored nor shown again."""
    if not can_hold_token(user):
        raise PermissionDenied
    while True:
        prefix = secrets.token_hex(4)
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    secret = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100] or "API", prefix=prefix, key_hash=hash_secret(secret)
    )
    return token, secret


@transaction.atomic
def revoke_token(user, token_id):
    """Revoke one of the user's own tokens; return it (revoking twice keeps the first time)."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def parse_secret(secret):
    """Return the lookup prefix of a well-formed secret, else None."""
    parts = (secret or "").split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or len(parts[1]) != 8:
        return None
    return parts[1]


def authenticate_secret(secret):
    """Return the active token a secret belongs to when its holder is still approved staff, else None."""
    prefix = parse_secret(secret)
    if prefix is None:
        return None
    token = ApiToken.objects.active().select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.key_hash, hash_secret(secret)):
        return None
    if not token.user.is_active or not can_hold_token(token.user):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
