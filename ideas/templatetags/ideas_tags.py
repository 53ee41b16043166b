"""Template helpers for the ideas platform."""

from django import template

from common.translations import default_language_version
from ideas import services
from ideas.models import Ballot, CallSettings, Idea, Phase

register = template.Library()


@register.simple_tag(takes_context=True)
def call_ideas(context, page):
    """Return what the call page shows: phase, settings, accepted ideas, the viewer's ballot and permissions."""
    request = context.get("request")
    user = getattr(request, "user", None)
    call = default_language_version(page)
    conf = services.call_settings(call)
    ideas = list(Idea.objects.for_call(call).accepted().order_by("title"))
    has_ballot = bool(user and user.is_authenticated and Ballot.objects.filter(call=call, voter=user).exists())
    return {
        "call": call,
        "conf": conf,
        "phase": conf.phase(),
        "Phase": Phase,
        "ideas": ideas,
        "has_ballot": has_ballot,
        "is_supports": conf.ballot_type == CallSettings.BallotType.SUPPORTS,
        "can_moderate": bool(user and services.can_moderate(user, call)),
        "winners": [i for i in ideas if i.is_winner],
    }


@register.filter
def get_item(mapping, key):
    """Return mapping[key] in a template."""
    return mapping.get(key, "")
