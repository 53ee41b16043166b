"""Pages for approved staff to create and revoke their API tokens (listed on the account page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from api import services


@login_required
@require_POST
def token_create(request):
    """Issue a token and show its secret this once."""
    if not services.can_hold_token(request.user):
        raise PermissionDenied
    token, secret = services.issue_token(request.user, request.POST.get("name", ""))
    response = render(request, "api/token_created.html", {"token": token, "secret": secret})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk):
    """Revoke one of the user's tokens and go back to the account page."""
    token = services.revoke_token(request.user, pk)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:dashboard")
