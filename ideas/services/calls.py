"""A call's settings, its phase and who may moderate it; the rules' one error type."""

from django.db import IntegrityError, transaction

from common.translations import default_language_version

from ..models import CallSettings


class IdeasError(Exception):
    """A rule of the call was broken; the message is shown to the user as is."""


def call_settings(call) -> CallSettings:
    """Return the call's settings, creating the defaults the first time."""
    call = default_language_version(call)
    found = CallSettings.objects.filter(call=call).select_related("call").first()
    if found:
        return found
    try:
        with transaction.atomic():
            return CallSettings.objects.create(call=call)
    except IntegrityError:
        return CallSettings.objects.get(call=call)


def current_phase(call, now=None) -> str:
    """Return the call's current phase."""
    return call_settings(call).phase(now)


def require_phase(call, phase, message):
    """Raise IdeasError unless the call is in the given phase."""
    if current_phase(call) != phase:
        raise IdeasError(message)


def can_moderate(user, call) -> bool:
    """Return True when the user may moderate ideas of this call: they can edit the call page in Wagtail."""
    if not user.is_authenticated:
        return False
    call = default_language_version(call)
    return call.permissions_for_user(user).can_edit()


def can_audit(user) -> bool:
    """Return True for administrators, the only people allowed to see individual ballots."""
    return user.is_authenticated and user.is_superuser
