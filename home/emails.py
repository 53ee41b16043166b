"""E-mails of the content site, rendered from templates/home/email/ in the attendee's language."""

from wagtail.models import Locale

from common.emails import send_templated
from common.links import absolute_url
from home.registration_tokens import cancel_url


def send_registration_confirmation(registration):
    """Send the sign-up confirmation for one registration in the language it was made in."""
    event = registration.event
    locale = Locale.objects.filter(language_code=registration.language).first()
    localized = ((event.get_translation_or_none(locale) if locale else None) or event).specific
    context = {
        "registration": registration,
        "event": localized,
        "event_url": absolute_url(localized.url or ""),
        "occurrence_start": registration.occurrence_start.astimezone(event.tz),
        "cancel_url": cancel_url(registration, localized),
    }
    return send_templated("home/email/registration_confirmation", [registration.email], context, registration.language)
