"""Link an event page to the working meetings held at it (any translation of the event)."""

from django import template

from rotations.models import WorkingMeeting

register = template.Library()


@register.simple_tag
def working_meetings(event):
    """Return the working meetings held at this event."""
    return list(WorkingMeeting.objects.for_event(event))
