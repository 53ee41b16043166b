"""Account dashboard and the municipality staff access request."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import roles
from accounts.forms import StaffAccessRequestForm
from accounts.services import request_staff_access
from matching.services import recommendations_for_expert

logger = logging.getLogger(__name__)
RECOMMENDATIONS_TEMPLATE = "matching/_recommendations.html"


def _recommendations(profile):
    """Return the expert's recommended challenges, or None for a member without an expert profile."""
    if profile is None:
        return None
    try:
        return list(recommendations_for_expert(profile, top=5))
    except Exception:  # the dashboard must render even when the matching engine fails
        logger.exception("Recommendations failed for expert profile %s", profile.pk)
        return []


@login_required
def dashboard(request):
    """Show the member's roles and the links that go with them."""
    user = request.user
    profile = roles.expert_profile(user)
    membership = roles.staff_membership(user)
    recommendations = _recommendations(profile)
    context = {
        "profile": profile,
        "role_keys": roles.roles_of(user),
        "membership": membership,
        "is_approved_staff": bool(membership and membership.approved),
        "is_city_editor": roles.is_city_editor(user),
        "is_platform_admin": roles.is_platform_admin(user),
        "challenges_url": reverse("challenges:list"),
        "staff_requests_open": membership is None,
        "show_recommendations": recommendations is not None,
        "recommendations": recommendations or [],
        "recommendations_template": RECOMMENDATIONS_TEMPLATE,
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
def request_staff(request):
    """Let a member ask to become staff of one municipality (unapproved until an administrator approves)."""
    if roles.staff_membership(request.user) is not None:
        messages.info(request, _("You have already asked for staff access."))
        return redirect("accounts:dashboard")
    form = StaffAccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_staff_access(request.user, form.cleaned_data["municipality"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Thank you. A platform administrator will review your request for staff access.")
            )
            return redirect("accounts:dashboard")
    return render(request, "accounts/request_staff.html", {"form": form})
