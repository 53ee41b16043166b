"""Views for routable pages: event detail and registration."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext

from .forms import EventRegistrationForm
from .services import RegistrationError, canonical_event, register_attendee


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
        register_attendee(event, form.cleaned_data["name"], form.cleaned_data["email"], get_language() or "lt")
    except RegistrationError as error:
        form.add_error(None, str(error))
        return event_detail(request, event, form=form, status=409)
    messages.success(request, gettext("You are registered. A confirmation e-mail is on its way."))
    return redirect(event.url)
