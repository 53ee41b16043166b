"""Reminders: the annual report due on 20 January and the quarterly payment requests of funded projects.

A reminder row per municipality and day (report) or project and quarter (payment) makes a retried task
send nothing twice.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from coordination import emails
from coordination.models import AnnualReport, PaymentRequestReminder, Project, ReportReminder

REMINDER_DAYS = {(12, 1), (1, 10), (1, 17)}


def report_year_for(today):
    """Return the year whose report is due around `today` (December: this year; January: last year)."""
    return today.year if today.month == 12 else today.year - 1


def coordinator_emails(municipality):
    """Return the e-mail addresses of the municipality's approved coordinators."""
    from challenges.models import StaffMembership

    memberships = StaffMembership.objects.approved().filter(municipality=municipality, is_coordinator=True)
    return list(memberships.exclude(user__email="").values_list("user__email", flat=True))


def send_report_reminders(today=None):
    """E-mail coordinators whose report for the due year is not submitted; only on 1 Dec, 10 and 17 Jan."""
    from challenges.models import Municipality

    today = today or timezone.localdate()
    if (today.month, today.day) not in REMINDER_DAYS:
        return 0
    year = report_year_for(today)
    done = AnnualReport.objects.filter(year=year).exclude(status=AnnualReport.Status.DRAFT).values("municipality")
    sent = 0
    for municipality in Municipality.objects.exclude(pk__in=done):
        addresses = coordinator_emails(municipality)
        if not addresses:
            continue
        with transaction.atomic():
            _reminder, created = ReportReminder.objects.get_or_create(
                municipality=municipality, sent_on=today, defaults={"year": year}
            )
            if created:
                sent += emails.send_report_reminder(addresses, municipality, year)
    return sent


def quarter_just_ended(today):
    """Return the label of the quarter that ended before `today`'s quarter, e.g. 2026-Q4 for 2027-01-05."""
    quarter = (today.month - 1) // 3  # 0..3, the current quarter's index
    year = today.year if quarter else today.year - 1
    return f"{year}-Q{quarter or 4}"


def send_payment_request_reminders(today=None):
    """In the first week of a quarter, remind coordinators to file the payment request of each running project."""
    today = today or timezone.localdate()
    if today.month not in (1, 4, 7, 10) or today.day > 7:
        return 0
    label = quarter_just_ended(today)
    quarter_start = date(int(label[:4]), 3 * int(label[-1]) - 2, 1)
    sent = 0
    running = Project.objects.filter(start_date__lt=today, end_date__gte=quarter_start).select_related("municipality")
    for project in running:
        with transaction.atomic():
            _reminder, created = PaymentRequestReminder.objects.get_or_create(
                project=project, quarter=label, defaults={"sent_on": today}
            )
            if created:
                sent += emails.send_payment_request_reminder(coordinator_emails(project.municipality), project, label)
    return sent
