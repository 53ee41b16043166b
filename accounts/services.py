"""Account services: municipality staff access requests."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from challenges.models import StaffMembership


@transaction.atomic
def request_staff_access(user, municipality):
    """Create an unapproved StaffMembership for `user`; refuse if they already have one."""
    if StaffMembership.objects.filter(user=user).exists():
        raise ValidationError(_("You have already asked for staff access."))
    return StaffMembership.objects.create(user=user, municipality=municipality, approved=False)
