"""Role checks for code that holds a user rather than a request: thin wrappers over accounts.viewer.Viewer.

Views use `request.viewer` (computed once per request); these helpers build a fresh Viewer per call
(a Viewer or a request passed in is used as it is).
"""

from accounts.viewer import as_viewer


def is_member(user):
    """Return True for any signed-in user."""
    return as_viewer(user).is_member


def expert_profile(user):
    """Return the user's ExpertProfile or None."""
    return as_viewer(user).expert_profile


def is_expert(user):
    """Return True for a member who has an expert profile they consented to publish."""
    return as_viewer(user).is_expert


def staff_membership(user):
    """Return the user's StaffMembership (approved or not), or None."""
    return as_viewer(user).staff_membership


def is_approved_staff(user):
    """Return True for municipality staff a platform administrator has approved."""
    return as_viewer(user).is_approved_staff


def approved_municipality(user):
    """Return the municipality of approved staff, or None."""
    return as_viewer(user).municipality


def is_coordinator(user):
    """Return True for approved staff flagged as their municipality's coordinator."""
    return as_viewer(user).is_coordinator


def is_city_editor(user):
    """Return True for members of a Wagtail group named "... editors", and for superusers."""
    return as_viewer(user).is_city_editor


def is_platform_admin(user):
    """Return True for superusers and Django staff users (platform administrators)."""
    return as_viewer(user).is_admin


def roles_of(user):
    """Return the list of role keys the user holds, for display on the dashboard."""
    return as_viewer(user).roles()
