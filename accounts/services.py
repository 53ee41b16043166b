"""Account services: municipality staff access requests."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _


def municipality_model():
    """Return challenges.Municipality, or None until the challenges app provides it."""
    try:
        return apps.get_model("challenges", "Municipality")
    except LookupError:
        return None


def staff_membership_model():
    """Return challenges.StaffMembership, or None until the challenges app provides it."""
    try:
        return apps.get_model("challenges", "StaffMembership")
    except LookupError:
        return None


@transaction.atomic
def request_staff_access(user, municipality):
    """Create an unapproved StaffMembership for `user`; refuse if they already have one."""
    model = staff_membership_model()
    if model is None:
        raise ValidationError(_("Municipality staff access is not available yet."))
    if model.objects.filter(user=user).exists():
        raise ValidationError(_("You have already asked for staff access."))
    return model.objects.create(user=user, municipality=municipality, approved=False)
