"""iCalendar export of events (RFC 5545), recurrence rules included."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vRecur


def event_component(event, request=None):
    """Return the VEVENT for one event page, in its own time zone."""
    component = Event()
    component.add("uid", f"{event.translation_key}@miestai-diaspora")
    component.add("dtstamp", timezone.now())
    component.add("summary", event.title)
    component.add("dtstart", event.start.astimezone(event.tz))
    component.add("dtend", event.end.astimezone(event.tz))
    if event.recurrence:
        rule = event.recurrence.strip()
        component.add("rrule", vRecur.from_ical(rule[6:] if rule.upper().startswith("RRULE:") else rule))
    location = ", ".join(part for part in (event.venue_name, event.address) if part) or event.online_url
    if location:
        component.add("location", location)
    if event.intro:
        component.add("description", event.intro)
    if event.organiser:
        component.add("organizer", event.organiser)
    url = event.get_full_url(request)
    if url:
        component.add("url", url)
    return component


def build_calendar(events, name, request=None):
    """Return an icalendar Calendar holding the given events and their time zones."""
    calendar = Calendar()
    calendar.add("prodid", "-//Miestai ir diaspora//miestai.lt//")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(events, name, filename, request=None):
    """Return an HTTP response with the calendar as text/calendar."""
    response = HttpResponse(
        build_calendar(events, name, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
