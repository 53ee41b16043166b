"""Account dashboard and the municipality staff access request."""

import logging
import os

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accounts import roles
from accounts.forms import StaffAccessRequestForm
from accounts.services import municipality_model, request_staff_access

logger = logging.getLogger(__name__)
RECOMMENDATIONS_TEMPLATE = "matching/_recommendations.html"


def _template_exists(name):
    """Return True when a template file exists in the project templates directory."""
    return any(os.path.exists(os.path.join(directory, name)) for directory in settings.TEMPLATES[0]["DIRS"])


def _url_or_none(name):
    """Reverse a URL name owned by another app, or return None while it does not exist."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _recommendations(user, profile):
    """Return the expert's recommended challenges from the matching app, or None when it is not ready."""
    if profile is None or not _template_exists(RECOMMENDATIONS_TEMPLATE):
        return None
    try:
        from matching import services as matching_services

        recommend = matching_services.recommendations_for_expert
    except (ImportError, AttributeError):
        return []
    try:
        return list(recommend(profile, top=5))
    except Exception:  # the dashboard must render even when the matching engine fails
        logger.exception("Recommendations failed for expert profile %s", profile.pk)
        return []


@login_required
def dashboard(request):
    """Show the member's roles and the links that go with them."""
    user = request.user
    profile = roles.expert_profile(user)
    membership = roles.staff_membership(user)
    recommendations = _recommendations(user, profile)
    context = {
        "profile": profile,
        "role_keys": roles.roles_of(user),
        "membership": membership,
        "is_approved_staff": bool(membership and membership.approved),
        "is_city_editor": roles.is_city_editor(user),
        "is_platform_admin": roles.is_platform_admin(user),
        "challenges_url": _url_or_none("challenges:list"),
        "staff_requests_open": municipality_model() is not None and membership is None,
        "show_recommendations": recommendations is not None,
        "recommendations": recommendations or [],
        "recommendations_template": RECOMMENDATIONS_TEMPLATE,
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
def request_staff(request):
    """Let a member ask to become staff of one municipality (unapproved until an administrator approves)."""
    if municipality_model() is None:
        messages.error(request, _("Municipality staff access is not available yet."))
        return redirect("accounts:dashboard")
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
