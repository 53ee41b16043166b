"""E-mails of the coordination workspace, in Lithuanian (the coordinators' working language); one per address."""

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _


def _send_each(emails, subject, body):
    """Send the message to each address separately (coordinators do not see each other's); return how many."""
    for email in emails:
        send_mail(subject, body, None, [email])
    return len(emails)


def send_report_reminder(emails, municipality, year):
    """Remind a municipality's coordinators that the year's annual report is not submitted yet."""
    with translation.override("lt"):
        subject = _("Annual integration coordination report %(year)s is due 20 January") % {"year": year}
        body = _(
            "The %(year)s annual report of %(municipality)s has not been submitted yet. "
            "Generate and submit it in the coordination workspace."
        ) % {"year": year, "municipality": municipality.name}
    return _send_each(emails, subject, body)


def send_payment_request_reminder(emails, project, quarter):
    """Remind a project's coordinators to file the payment request for the quarter just ended."""
    values = {"quarter": quarter, "project": project.title}
    with translation.override("lt"):
        subject = _("Payment request for %(quarter)s: %(project)s") % values
        body = _("The quarter %(quarter)s has ended: file the payment request of the project “%(project)s”.") % values
    return _send_each(emails, subject, body)
