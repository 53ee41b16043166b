"""Templated e-mail: <prefix>_subject.txt, _body.txt and _body.html rendered in the recipient's language.

Only the template name and the number of recipients are logged, never addresses or bodies.
"""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def render_message(template_prefix, context, language):
    """Return (subject, text, html or None) rendered in `language`."""
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}_body.txt", context)
        try:
            html = render_to_string(f"{template_prefix}_body.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_templated(template_prefix, to, context, language, subject_prefix="", headers=None):
    """Render and send one message to the addresses in `to`; return the number sent (0 or 1)."""
    if not to:
        return 0
    subject, text, html = render_message(template_prefix, context, language)
    message = EmailMultiAlternatives(
        subject_prefix + subject, text, None, list(to), headers={"Content-Language": language, **(headers or {})}
    )
    if html:
        message.attach_alternative(html, "text/html")
    sent = message.send()
    logger.info("e-mail %s sent to %d recipient(s)", template_prefix, len(to))
    return sent
