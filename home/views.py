"""Views for routable pages: event detail and registration."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, gettext

from .forms import EventRegistrationForm
from .services import (
    RateLimited,
    RegistrationError,
    cancel_registration,
    canonical_event,
    register_attendee,
    registration_for_token,
)


def event_detail(request, event, form=None, status=200):
    """Render an event page with its registration form."""
    canonical = canonical_event(event)
    occurrence = canonical.next_occurrence()
    taken = canonical.registrations.filter(occurrence_start=occurrence.start).count() if occurrence else 0
    context = event.get_context(request)
    context.update(
        form=form or EventRegistrationForm(),
        occurrence=occurrence,
        places_left=None if canonical.capacity is None else max(canonical.capacity - taken, 0),
        registration_enabled=canonical.registration_enabled,
    )
    return TemplateResponse(request, event.get_template(request), context, status=status)


def event_register(request, event):
    """Accept a registration POST; on refusal show the form again with the reason."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = EventRegistrationForm(request.POST)
    if not form.is_valid():
        return event_detail(request, event, form=form, status=400)
    try:
        register_attendee(
            event,
            form.cleaned_data["name"],
            form.cleaned_data["email"],
            get_language() or "lt",
            client_ip=request.META.get("REMOTE_ADDR", ""),
        )
    except RegistrationError as error:
        form.add_error(None, str(error))
        return event_detail(request, event, form=form, status=429 if isinstance(error, RateLimited) else 409)
    messages.success(request, gettext("You are registered. A confirmation e-mail is on its way."))
    return redirect(event.url)


def event_cancel(request, event):
    """Show the cancel confirmation for a registration (GET), and cancel it (POST)."""
    token = request.GET.get("token", "")[:500]
    registration = registration_for_token(event, token)
    if request.method == "POST" and registration is not None:
        try:
            cancel_registration(event, token)
        except RegistrationError:
            registration = None
        else:
            messages.success(request, gettext("Your registration was cancelled."))
            return redirect(event.url)
    elif request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    # A GET never cancels: mail scanners open links before the attendee does.
    context = event.get_context(request)
    context.update(registration=registration)
    response = TemplateResponse(
        request, "home/registration_cancel.html", context, status=200 if registration is not None else 404
    )
    add_never_cache_headers(response)  # names one attendee's registration: never in the shared page cache
    return response
