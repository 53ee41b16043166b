"""Role checks shared by every app: member, expert, municipality staff, coordinator, city editor, admin."""

from django.apps import apps


def _staff_membership_model():
    """Return challenges.StaffMembership, or None while the challenges app has no such model yet."""
    try:
        return apps.get_model("challenges", "StaffMembership")
    except LookupError:
        return None


def is_member(user):
    """Return True for any signed-in user."""
    return bool(user is not None and user.is_authenticated)


def expert_profile(user):
    """Return the user's ExpertProfile or None."""
    if not is_member(user):
        return None
    from experts.models import ExpertProfile

    return ExpertProfile.objects.filter(user=user).first()


def is_expert(user):
    """Return True for a member who has an expert profile they consented to publish."""
    profile = expert_profile(user)
    return profile is not None and profile.consent_given_at is not None


def staff_membership(user):
    """Return the user's StaffMembership (approved or not), or None."""
    model = _staff_membership_model()
    if model is None or not is_member(user):
        return None
    return model.objects.filter(user=user).select_related("municipality").first()


def is_approved_staff(user):
    """Return True for municipality staff a platform administrator has approved."""
    membership = staff_membership(user)
    return bool(membership and membership.approved)


def approved_municipality(user):
    """Return the municipality of approved staff, or None."""
    membership = staff_membership(user)
    return membership.municipality if membership and membership.approved else None


def is_coordinator(user):
    """Return True for approved staff flagged as their municipality's coordinator."""
    membership = staff_membership(user)
    return bool(membership and membership.approved and membership.is_coordinator)


def is_city_editor(user):
    """Return True for members of a Wagtail group named "... editors", and for superusers."""
    if not is_member(user):
        return False
    return user.is_superuser or user.groups.filter(name__iendswith=" editors").exists()


def is_platform_admin(user):
    """Return True for superusers and Django staff users (platform administrators)."""
    return bool(is_member(user) and (user.is_superuser or user.is_staff))


def roles_of(user):
    """Return the list of role keys the user holds, for display on the dashboard."""
    checks = [
        ("member", is_member),
        ("expert", is_expert),
        ("staff", lambda u: staff_membership(u) is not None),
        ("approved_staff", is_approved_staff),
        ("coordinator", is_coordinator),
        ("city_editor", is_city_editor),
        ("platform_admin", is_platform_admin),
    ]
    return [key for key, check in checks if check(user)]
