"""Event registration: capacity, closing time and duplicates, safe under concurrent sign-ups; rate limit and cancel."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.ratelimit import over_limit
from common.translations import default_language_version

from .models.events import EventPage, EventRegistration
from .registration_tokens import cancel_token, read_cancel_token  # noqa: F401  (cancel_token: used by tests)

logger = logging.getLogger(__name__)

# Sign-ups accepted per client address and per e-mail address in a window (count, seconds).
DEFAULT_SIGN_UP_LIMITS = {"ip": (10, 600), "email": (5, 3600)}


class RegistrationError(Exception):
    """A sign-up that cannot be accepted; the message is shown to the visitor."""


def canonical_event(event):
    """Return the default-locale version of an event: all translations share one attendee list."""
    return default_language_version(event)


def registration_closes_at(event, occurrence):
    """Return when registration for this occurrence closes."""
    closes = occurrence.start
    if event.registration_closes_at and event.registration_closes_at < closes:
        closes = event.registration_closes_at
    return closes


class RateLimited(RegistrationError):
    """Too many sign-ups from one address or for one e-mail address in a short time."""


def _hit(kind, value, limit, window):
    """Count one sign-up attempt for `value`; return True when it is over the limit."""
    return over_limit(f"home:signup:{kind}", value, limit, window)


def check_sign_up_rate(email, client_ip):
    """Raise RateLimited when this client or e-mail address has signed up too often lately."""
    limits = getattr(settings, "EVENT_SIGN_UP_LIMITS", DEFAULT_SIGN_UP_LIMITS)
    for kind, value in (("ip", client_ip), ("email", email)):
        if not value or kind not in limits:
            continue
        limit, window = limits[kind]
        if _hit(kind, value, limit, window):
            raise RateLimited(
                _("Too many sign-ups in a short time. Please try again in %(minutes)s minutes.")
                % {"minutes": max(1, window // 60)}
            )


def register_attendee(event, name, email, language, now=None, client_ip=None):
    """Register one attendee for the next occurrence, or raise RegistrationError saying why not.

    Web sign-ups pass `client_ip`: they are rate-limited per client and per e-mail address.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    if client_ip is not None:
        check_sign_up_rate(email, client_ip)
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

        # By name: services never import their tasks (tasks call services), so the flow stays one-way.
        enqueue("home.tasks.send_registration_confirmation", registration.pk)
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


def registration_for_token(event, token):
    """Return the registration a cancel token names for this event, or None (bad token, already cancelled)."""
    found = read_cancel_token(token)
    if found is None:
        return None
    pk, email = found
    return EventRegistration.objects.filter(pk=pk, email=email, event=canonical_event(event)).first()


def cancel_registration(event, token):
    """Cancel the registration a token names, freeing its place; raise RegistrationError when there is none."""
    with transaction.atomic():
        registration = registration_for_token(event, token)
        if registration is None:
            raise RegistrationError(_("This registration does not exist or was already cancelled."))
        registration.delete()
    logger.info("home: registration %s cancelled by the attendee", registration.pk)
    return registration
