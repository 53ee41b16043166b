"""E-mails of the coordination workspace, rendered from templates/coordination/email/ (text and HTML).

Coordinators are municipal officials who work in Lithuanian, so the reminders go out in Lithuanian; each
address gets its own message, so coordinators do not see each other's addresses.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from common.emails import send_templated
from common.links import absolute_url

LANGUAGE = "lt"


def _workspace_link(name, *args):
    with translation.override(LANGUAGE):
        return absolute_url(reverse(f"coordination:{name}", args=args))


def _send_each(template, emails, context):
    """Send the templated message to each address separately; return how many were sent."""
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    return sum(
        send_templated(f"coordination/email/{template}", [email], context, LANGUAGE, subject_prefix=prefix)
        for email in emails
    )


def send_report_reminder(emails, municipality, year):
    """Remind a municipality's coordinators that the year's annual report is not submitted yet."""
    context = {
        "municipality": municipality,
        "year": year,
        "report_url": _workspace_link("report", municipality.slug, year),
    }
    return _send_each("report_reminder", emails, context)


def send_payment_request_reminder(emails, project, quarter):
    """Remind a project's coordinators to file the payment request for the quarter just ended."""
    context = {
        "project": project,
        "quarter": quarter,
        "funding_url": _workspace_link("funding", project.municipality.slug),
    }
    return _send_each("payment_request_reminder", emails, context)
