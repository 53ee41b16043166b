"""E-mails of the ideas platform, rendered from templates/ideas/email/ in the idea's language."""

from django.urls import reverse
from django.utils import translation

from common.emails import send_templated
from common.links import absolute_url


def send_status_update(update, email):
    """E-mail one follower an implementation update (followers have no stored language: the idea's is used)."""
    idea = update.idea
    language = idea.language or "lt"
    with translation.override(language):
        idea_url = absolute_url(reverse("ideas:detail", args=[idea.pk]))
    context = {"update": update, "idea": idea, "idea_url": idea_url}
    return send_templated("ideas/email/status_update", [email], context, language)
