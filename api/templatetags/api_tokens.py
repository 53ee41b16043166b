"""The account page's API token section."""

from django import template

from api import services

register = template.Library()


@register.inclusion_tag("api/_account_tokens.html", takes_context=True)
def api_tokens_section(context):
    """Render the signed-in user's tokens and the form for a new one (approved staff only)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    allowed = services.can_hold_token(user)
    return {
        "allowed": allowed,
        "tokens": list(services.tokens_of(user)) if allowed else [],
        "csrf_token": context.get("csrf_token"),
    }
