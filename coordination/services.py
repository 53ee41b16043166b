"""Coordination services: saving plan parts with a revision, the year's report figures, report status."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from coordination.models import (
    AnnualReport,
    Application,
    Funding,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Need,
    Partner,
    PaymentRequestReminder,
    Plan,
    PlanRevision,
    Project,
    ReportReminder,
)

PUBLIC_EDUCATION_TAG = "public-education"


def _num(value):
    """Return a Decimal as a plain number for JSON (int when whole)."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def plan_snapshot(plan):
    """Return the whole plan as plain data: measures, indicators with values, funding."""
    measures = []
    for measure in plan.measures.prefetch_related("indicators__values", "funding", "needs", "partners"):
        measures.append(
            {
                "id": measure.pk,
                "title": measure.title,
                "area": measure.area,
                "status": measure.status,
                "start_date": measure.start_date.isoformat(),
                "end_date": measure.end_date.isoformat(),
                "responsible": measure.responsible.name if measure.responsible_id else "",
                "partners": sorted(p.name for p in measure.partners.all()),
                "needs": sorted(n.title for n in measure.needs.all()),
                "no_funding_needed": measure.no_funding_needed,
                "indicators": [
                    {
                        "id": indicator.pk,
                        "name": indicator.name,
                        "unit": indicator.unit,
                        "baseline": _num(indicator.baseline),
                        "values": {
                            str(v.year): {"target": _num(v.target), "actual": _num(v.actual)}
                            for v in indicator.values.all()
                        },
                    }
                    for indicator in measure.indicators.all()
                ],
                "funding": [
                    {"year": f.year, "source": f.source, "amount": _num(f.amount), "used": _num(f.used)}
                    for f in measure.funding.all()
                ],
            }
        )
    return {
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "order_number": plan.order_number,
        "order_date": plan.order_date.isoformat() if plan.order_date else None,
        "measures": measures,
    }


def record_revision(plan, user, summary, at=None):
    """Store the plan as it is now, with who changed it and what."""
    return PlanRevision.objects.create(
        plan=plan,
        user=user if getattr(user, "pk", None) else None,
        summary=summary[:300],
        created_at=at or timezone.now(),
        snapshot=plan_snapshot(plan),
    )


def plan_of(obj):
    """Return the plan a plan part belongs to."""
    if isinstance(obj, Plan):
        return obj
    if isinstance(obj, Measure):
        return obj.plan
    if isinstance(obj, Indicator | Funding):
        return obj.measure.plan
    if isinstance(obj, IndicatorValue):
        return obj.indicator.measure.plan
    raise TypeError(obj)


@transaction.atomic
def save_plan_part(form, user, verb="changed"):
    """Save a ModelForm of a plan, measure, indicator, value or funding and record a plan revision."""
    is_new = form.instance.pk is None
    obj = form.save()
    changed = ", ".join(form.changed_data) if not is_new else ""
    label = obj._meta.verbose_name
    summary = f"{'added' if is_new else verb} {label} “{obj}”" + (f" ({changed})" if changed else "")
    record_revision(plan_of(obj), user, summary)
    return obj


@transaction.atomic
def delete_plan_part(obj, user):
    """Delete a measure, indicator, value or funding line and record a plan revision."""
    plan = plan_of(obj)
    summary = f"deleted {obj._meta.verbose_name} “{obj}”"
    obj.delete()
    record_revision(plan, user, summary)


def plan_as_of(plan, moment):
    """Return the plan's snapshot as it was at `moment` (None before its first revision)."""
    revision = plan.revisions.filter(created_at__lte=moment).order_by("-created_at", "-pk").first()
    return revision.snapshot if revision else None


def current_plan(municipality, year):
    """Return the municipality's plan covering `year`, if any."""
    return Plan.objects.for_municipality(municipality).filter(start_year__lte=year, end_year__gte=year).first()


def monitoring(plan, today=None):
    """Return indicator progress rows, overdue and unfunded measures for the monitoring view."""
    today = today or timezone.localdate()
    year = today.year if plan.start_year <= today.year <= plan.end_year else plan.end_year
    rows = []
    for indicator in Indicator.objects.filter(measure__plan=plan).select_related("measure").prefetch_related("values"):
        values = {v.year: v for v in indicator.values.all()}
        rows.append(
            {"indicator": indicator, "values": [values.get(y) for y in plan.years], "current": values.get(year)}
        )
    measures = plan.measures.all()
    return {
        "year": year,
        "rows": rows,
        "overdue": list(measures.overdue(today)),
        "unfunded": list(measures.unfunded()),
    }


def _public_education(municipality, year):
    """Count the city's events held and stories tagged public education in the year."""
    page = municipality.city_page
    if page is None:
        return {"events": 0, "stories": 0}
    from home.models import EventPage, StoryPage

    events = EventPage.objects.descendant_of(page).filter(locale=page.locale, start__year=year).count()
    stories = (
        StoryPage.objects.descendant_of(page)
        .filter(locale=page.locale, date__year=year, tags__slug=PUBLIC_EDUCATION_TAG)
        .distinct()
        .count()
    )
    return {"events": events, "stories": stories}


def report_figures(municipality, year):
    """Compute the annual report's figures from the year's data (JSON-ready)."""
    from surveys.models import Response, Survey

    meetings = Meeting.objects.for_municipality(municipality).filter(date__year=year)
    follow_ups = [f for m in meetings.prefetch_related("follow_ups") for f in m.follow_ups.all()]
    surveys = Survey.objects.for_municipality(municipality).filter(year=year)
    needs = Need.objects.for_municipality(municipality).filter(year=year)
    plan = current_plan(municipality, year)
    measures_data, funding_totals, status_counts = [], {}, {}
    planned = used = Decimal("0")
    unfunded = 0
    if plan is not None:
        for measure in plan.measures.prefetch_related("indicators__values", "funding"):
            status_counts[measure.status] = status_counts.get(measure.status, 0) + 1
            lines = [f for f in measure.funding.all() if f.year == year]
            if not lines and not measure.no_funding_needed and not measure.funding.exists():
                unfunded += 1
            for line in lines:
                planned += line.amount
                used += line.used
                total = funding_totals.setdefault(line.source, {"amount": Decimal("0"), "used": Decimal("0")})
                total["amount"] += line.amount
                total["used"] += line.used
            indicators = []
            for indicator in measure.indicators.all():
                value = next((v for v in indicator.values.all() if v.year == year), None)
                indicators.append(
                    {
                        "name": indicator.name,
                        "unit": indicator.unit,
                        "common_code": indicator.common_code,
                        "baseline": _num(indicator.baseline),
                        "target": _num(value.target) if value else None,
                        "actual": _num(value.actual) if value else None,
                    }
                )
            measures_data.append(
                {
                    "title": measure.title,
                    "area": measure.area,
                    "status": measure.status,
                    "no_funding_needed": measure.no_funding_needed,
                    "funding_amount": _num(sum((f.amount for f in lines), Decimal("0"))),
                    "funding_used": _num(sum((f.used for f in lines), Decimal("0"))),
                    "indicators": indicators,
                }
            )
    applications = Application.objects.for_municipality(municipality).filter(
        Q(submitted_on__year=year) | Q(deadline__year=year)
    )
    app_sums = applications.aggregate(requested=Sum("requested"), granted=Sum("granted"))
    projects = Project.objects.for_municipality(municipality).filter(
        start_date__lte=date(year, 12, 31), end_date__gte=date(year, 1, 1)
    )
    responses = Response.objects.filter(survey__in=surveys)
    by_language = dict(responses.values_list("language").annotate(n=Count("pk")).order_by("language"))
    return {
        "municipality": municipality.name,
        "year": year,
        "networking": {
            "partners": Partner.objects.for_municipality(municipality).count(),
            "public_partners": Partner.objects.for_municipality(municipality).filter(is_public=True).count(),
            "meetings": meetings.count(),
            "meetings_with_agreements": meetings.exclude(agreements="").count(),
            "follow_ups": len(follow_ups),
            "follow_ups_done": sum(1 for f in follow_ups if f.done),
        },
        "monitoring": {
            "surveys": surveys.count(),
            "respondents": responses.count(),
            "respondents_by_language": by_language,
            "needs": needs.count(),
            "needs_by_area": dict(needs.values_list("area").annotate(n=Count("pk")).order_by("area")),
        },
        "plan": {
            "title": str(plan) if plan else "",
            "order": f"{plan.order_number} ({plan.order_date:%Y-%m-%d})" if plan and plan.order_date else "",
            "measures": len(measures_data),
            "measures_by_status": status_counts,
            "unfunded_measures": unfunded,
            "funding_planned": _num(planned),
            "funding_used": _num(used),
            "funding_by_source": {
                k: {"amount": _num(v["amount"]), "used": _num(v["used"])} for k, v in funding_totals.items()
            },
            "items": measures_data,
        },
        "applications": {
            "count": applications.count(),
            "requested": _num(app_sums["requested"] or 0),
            "granted": _num(app_sums["granted"] or 0),
            "projects": projects.count(),
        },
        "information": _public_education(municipality, year),
    }


@transaction.atomic
def generate_report(municipality, year):
    """Create or refresh the year's report figures; a submitted report is not changed."""
    report, _ = AnnualReport.objects.select_for_update().get_or_create(municipality=municipality, year=year)
    if report.status != AnnualReport.Status.DRAFT:
        return report
    report.figures = report_figures(municipality, year)
    report.generated_at = timezone.now()
    report.save(update_fields=["figures", "generated_at"])
    return report


class ReportStateError(Exception):
    """The report is not in a state that allows the action."""


@transaction.atomic
def submit_report(report, user):
    """Submit a draft report (refreshing its figures first), recording when and by whom."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != AnnualReport.Status.DRAFT:
        raise ReportStateError("only a draft can be submitted")
    report.figures = report_figures(report.municipality, report.year)
    report.generated_at = report.submitted_at = timezone.now()
    report.submitted_by = user
    report.status = AnnualReport.Status.SUBMITTED
    report.save()
    return report


@transaction.atomic
def accept_report(report, user):
    """Accept a submitted report (the overseer's action)."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != AnnualReport.Status.SUBMITTED:
        raise ReportStateError("only a submitted report can be accepted")
    report.status = AnnualReport.Status.ACCEPTED
    report.accepted_at = timezone.now()
    report.accepted_by = user
    report.save()
    return report


@transaction.atomic
def return_report(report, user):
    """Send a submitted report back to draft so the coordinator can correct it."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != AnnualReport.Status.SUBMITTED:
        raise ReportStateError("only a submitted report can be returned")
    report.status = AnnualReport.Status.DRAFT
    report.submitted_at = None
    report.submitted_by = None
    report.save()
    return report


REMINDER_DAYS = {(12, 1), (1, 10), (1, 17)}


def report_year_for(today):
    """Return the year whose report is due around `today` (December: this year; January: last year)."""
    return today.year if today.month == 12 else today.year - 1


def send_report_reminders(today=None):
    """E-mail coordinators whose report for the due year is not submitted; only on 1 Dec, 10 and 17 Jan.

    Each municipality is reminded at most once a day (a ReportReminder row), so a retry sends nothing twice.
    """
    from django.core.mail import send_mail
    from django.utils import translation
    from django.utils.translation import gettext as _

    from challenges.models import Municipality, StaffMembership

    today = today or timezone.localdate()
    if (today.month, today.day) not in REMINDER_DAYS:
        return 0
    year = report_year_for(today)
    done = AnnualReport.objects.filter(year=year).exclude(status=AnnualReport.Status.DRAFT).values("municipality")
    sent = 0
    for municipality in Municipality.objects.exclude(pk__in=done):
        emails = list(
            StaffMembership.objects.approved()
            .filter(municipality=municipality, is_coordinator=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
        if not emails:
            continue
        with transaction.atomic():
            _reminder, created = ReportReminder.objects.get_or_create(
                municipality=municipality, sent_on=today, defaults={"year": year}
            )
            if not created:
                continue
            with translation.override("lt"):
                subject = _("Annual integration coordination report %(year)s is due 20 January") % {"year": year}
                body = _(
                    "The %(year)s annual report of %(municipality)s has not been submitted yet. "
                    "Generate and submit it in the coordination workspace."
                ) % {"year": year, "municipality": municipality.name}
            for email in emails:
                send_mail(subject, body, None, [email])
                sent += 1
    return sent


def national_overview(year):
    """Return every municipality's report status for the year and national totals of common indicators."""
    from challenges.models import Municipality

    reports = {r.municipality_id: r for r in AnnualReport.objects.filter(year=year)}
    rows = [{"municipality": m, "report": reports.get(m.pk)} for m in Municipality.objects.all()]
    totals = {}
    values = (
        IndicatorValue.objects.filter(year=year)
        .exclude(indicator__common_code="")
        .select_related("indicator__measure__plan")
    )
    for value in values:
        key = value.indicator.common_code
        entry = totals.setdefault(
            key,
            {
                "code": key,
                "name": value.indicator.name,
                "unit": value.indicator.unit,
                "target": Decimal("0"),
                "actual": Decimal("0"),
                "municipalities": set(),
            },
        )
        entry["target"] += value.target
        entry["actual"] += value.actual or 0
        entry["municipalities"].add(value.indicator.measure.plan.municipality_id)
    for entry in totals.values():
        entry["municipalities"] = len(entry["municipalities"])
    return {
        "rows": rows,
        "totals": sorted(totals.values(), key=lambda e: e["code"]),
        "submitted": sum(1 for r in reports.values() if r.status != AnnualReport.Status.DRAFT),
    }


def quarter_just_ended(today):
    """Return the label of the quarter that ended before `today`'s quarter, e.g. 2026-Q4 for 2027-01-05."""
    quarter = (today.month - 1) // 3  # 0..3, the current quarter's index
    year = today.year if quarter else today.year - 1
    return f"{year}-Q{quarter or 4}"


def send_payment_request_reminders(today=None):
    """In the first week of a quarter, remind coordinators to file the payment request of each running project."""
    from django.core.mail import send_mail
    from django.utils import translation
    from django.utils.translation import gettext as _

    from challenges.models import StaffMembership

    today = today or timezone.localdate()
    if today.month not in (1, 4, 7, 10) or today.day > 7:
        return 0
    label = quarter_just_ended(today)
    quarter_start = date(int(label[:4]), 3 * int(label[-1]) - 2, 1)
    sent = 0
    for project in Project.objects.filter(start_date__lt=today, end_date__gte=quarter_start).select_related(
        "municipality"
    ):
        with transaction.atomic():
            _reminder, created = PaymentRequestReminder.objects.get_or_create(
                project=project, quarter=label, defaults={"sent_on": today}
            )
            if not created:
                continue
            emails = StaffMembership.objects.approved().filter(municipality=project.municipality, is_coordinator=True)
            with translation.override("lt"):
                subject = _("Payment request for %(quarter)s: %(project)s") % {
                    "quarter": label,
                    "project": project.title,
                }
                body = _(
                    "The quarter %(quarter)s has ended: file the payment request of the project “%(project)s”."
                ) % {
                    "quarter": label,
                    "project": project.title,
                }
            for email in emails.exclude(user__email="").values_list("user__email", flat=True):
                send_mail(subject, body, None, [email])
                sent += 1
    return sent
