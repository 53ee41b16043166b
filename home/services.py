"""Event registration: capacity, closing time and duplicates, safe under concurrent sign-ups."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EventPage, EventRegistration


class RegistrationError(Exception):
    """A sign-up that cannot be accepted; the message is shown to the visitor."""


def canonical_event(event):
    """Return the default-locale version of an event: all translations share one attendee list."""
    return (
        EventPage.objects.filter(
            translation_key=event.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or event
    )


def registration_closes_at(event, occurrence):
    """Return when registration for this occurrence closes."""
    closes = occurrence.start
    if event.registration_closes_at and event.registration_closes_at < closes:
        closes = event.registration_closes_at
    return closes


def register_attendee(event, name, email, language, now=None):
    """Register one attendee for the next occurrence, or raise RegistrationError saying why not."""
    now = now or timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        # Lock the event row so concurrent sign-ups are counted one after another.
        event = EventPage.objects.select_for_update().get(pk=canonical_event(event).pk)
        if not event.registration_enabled:
            raise RegistrationError(_("This event does not take registrations."))
        occurrence = event.next_occurrence(now)
        if occurrence is None or occurrence.start <= now:
            raise RegistrationError(_("Registration is closed: the event has already started."))
        closes_at = registration_closes_at(event, occurrence)
        if now >= closes_at:
            raise RegistrationError(
                _("Registration closed on %(date)s.") % {"date": closes_at.strftime("%Y-%m-%d %H:%M")}
            )
        registrations = EventRegistration.objects.filter(event=event, occurrence_start=occurrence.start)
        if registrations.filter(email=email).exists():
            raise RegistrationError(_("This e-mail address is already registered for this event."))
        if event.capacity is not None and registrations.count() >= event.capacity:
            raise RegistrationError(_("Sorry, the event is full."))
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event, occurrence_start=occurrence.start, name=name.strip(), email=email, language=language
                )
        except IntegrityError as error:
            raise RegistrationError(_("This e-mail address is already registered for this event.")) from error
        from common.outbox import enqueue

        from .tasks import send_registration_confirmation

        enqueue(send_registration_confirmation, registration.pk)
    return registration


def send_confirmation(registration_id):
    """E-mail the attendee a confirmation in the language they registered in."""
    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.confirmation_sent_at:
        return False
    from . import emails

    emails.send_registration_confirmation(registration)
    EventRegistration.objects.filter(pk=registration.pk).update(confirmation_sent_at=timezone.now())
    return True
