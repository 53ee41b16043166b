"""Tokens: hashed at rest, shown once, approved staff only, revocable, listed on the account page."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from api import services
from api.models import ApiToken
from tests.api.conftest import client_for


def test_only_the_hash_is_stored(api_world):
    user = api_world["users"]["alytus_staff"]
    token, secret = services.issue_token(user, "CMS")
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret.startswith(f"mdk_{stored.prefix}_")
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values()}
    assert services.authenticate_secret(secret) == stored
    assert services.authenticate_secret(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None


@pytest.mark.parametrize("role", ["member", "unapproved"])
def test_only_approved_staff_get_tokens(api_world, role, client):
    user = api_world["users"][role]
    with pytest.raises(PermissionDenied):
        services.issue_token(user, "x")
    client.force_login(user)
    assert client.post(reverse("api:token_create"), {"name": "x"}).status_code == 403
    assert not ApiToken.objects.filter(user=user).exists()


def test_account_page_lists_creates_and_revokes(api_world, client):
    user = api_world["users"]["alytus_staff"]
    client.force_login(user)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Alytus website" in page and "API" in page
    created = client.post(reverse("api:token_create"), {"name": "Savivaldybės CMS"})
    assert created.status_code == 200 and created["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(name="Savivaldybės CMS")
    secret = created.context["secret"]
    assert secret in created.content.decode()
    assert client_for(secret).get("/api/v1/engagements/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    # The secret is never shown again.
    assert secret not in client.get(reverse("accounts:dashboard")).content.decode()
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 302
    assert client_for(secret).get("/api/v1/engagements/").status_code == 401


def test_cannot_revoke_someone_elses_token(api_world, client):
    client.force_login(api_world["users"]["kaunas_staff"])
    token = ApiToken.objects.filter(user=api_world["users"]["alytus_staff"], revoked_at__isnull=True).first()
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 403
    token.refresh_from_db()
    assert token.is_active


def test_token_stops_working_when_approval_is_withdrawn(api_world):
    secret = api_world["secrets"]["alytus"]
    assert client_for(secret).get("/api/v1/engagements/").status_code == 200
    membership = api_world["users"]["alytus_staff"].staff_membership
    membership.approved = False
    membership.save()
    assert client_for(secret).get("/api/v1/engagements/").status_code == 401


def test_issue_api_token_command(api_world, capsys):
    from django.core.management import CommandError, call_command

    call_command("issue_api_token", api_world["users"]["kaunas_staff"].email, "--name", "CLI")
    secret = capsys.readouterr().out.strip()
    assert services.authenticate_secret(secret).name == "CLI"
    with pytest.raises(CommandError, match="not approved"):
        call_command("issue_api_token", api_world["users"]["member"].email)
