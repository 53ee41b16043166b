"""The annual report: its figures computed from the year's data, its status changes, the national overview."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from coordination.models import AnnualReport, Application, IndicatorValue, Meeting, Need, Partner, Project
from coordination.services.plan import current_plan, plain_number

PUBLIC_EDUCATION_TAG = "public-education"


class ReportStateError(Exception):
    """The report is not in a state that allows the action."""


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


def _networking(municipality, year):
    """Count partners, the year's meetings and their follow-ups."""
    partners = Partner.objects.for_municipality(municipality)
    meetings = Meeting.objects.for_municipality(municipality).filter(date__year=year)
    follow_ups = [f for m in meetings.prefetch_related("follow_ups") for f in m.follow_ups.all()]
    return {
        "partners": partners.count(),
        "public_partners": partners.filter(is_public=True).count(),
        "meetings": meetings.count(),
        "meetings_with_agreements": meetings.exclude(agreements="").count(),
        "follow_ups": len(follow_ups),
        "follow_ups_done": sum(1 for f in follow_ups if f.done),
    }


def _monitoring(municipality, year):
    """Count the year's surveys, respondents (per language) and needs (per area)."""
    from surveys.models import Response, Survey

    surveys = Survey.objects.for_municipality(municipality).filter(year=year)
    needs = Need.objects.for_municipality(municipality).filter(year=year)
    responses = Response.objects.filter(survey__in=surveys)
    return {
        "surveys": surveys.count(),
        "respondents": responses.count(),
        "respondents_by_language": dict(responses.values_list("language").annotate(n=Count("pk")).order_by("language")),
        "needs": needs.count(),
        "needs_by_area": dict(needs.values_list("area").annotate(n=Count("pk")).order_by("area")),
    }


def _indicator_figures(indicator, year):
    value = next((v for v in indicator.values.all() if v.year == year), None)
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "common_code": indicator.common_code,
        "baseline": plain_number(indicator.baseline),
        "target": plain_number(value.target) if value else None,
        "actual": plain_number(value.actual) if value else None,
    }


def _plan_figures(municipality, year):
    """Return the plan's measures with the year's indicator values and funding, and their totals."""
    plan = current_plan(municipality, year)
    items, by_source, by_status = [], {}, {}
    planned = used = Decimal("0")
    unfunded = 0
    measures = plan.measures.prefetch_related("indicators__values", "funding") if plan else []
    for measure in measures:
        by_status[measure.status] = by_status.get(measure.status, 0) + 1
        lines = [f for f in measure.funding.all() if f.year == year]
        if not lines and not measure.no_funding_needed and not measure.funding.exists():
            unfunded += 1
        for line in lines:
            planned += line.amount
            used += line.used
            total = by_source.setdefault(line.source, {"amount": Decimal("0"), "used": Decimal("0")})
            total["amount"] += line.amount
            total["used"] += line.used
        items.append(
            {
                "title": measure.title,
                "area": measure.area,
                "status": measure.status,
                "no_funding_needed": measure.no_funding_needed,
                "funding_amount": plain_number(sum((f.amount for f in lines), Decimal("0"))),
                "funding_used": plain_number(sum((f.used for f in lines), Decimal("0"))),
                "indicators": [_indicator_figures(indicator, year) for indicator in measure.indicators.all()],
            }
        )
    return {
        "title": str(plan) if plan else "",
        "order": f"{plan.order_number} ({plan.order_date:%Y-%m-%d})" if plan and plan.order_date else "",
        "measures": len(items),
        "measures_by_status": by_status,
        "unfunded_measures": unfunded,
        "funding_planned": plain_number(planned),
        "funding_used": plain_number(used),
        "funding_by_source": {
            k: {"amount": plain_number(v["amount"]), "used": plain_number(v["used"])} for k, v in by_source.items()
        },
        "items": items,
    }


def _applications(municipality, year):
    """Count the year's funding applications (requested, granted) and the projects running in it."""
    applications = Application.objects.for_municipality(municipality).filter(
        Q(submitted_on__year=year) | Q(deadline__year=year)
    )
    sums = applications.aggregate(requested=Sum("requested"), granted=Sum("granted"))
    projects = Project.objects.for_municipality(municipality).filter(
        start_date__lte=date(year, 12, 31), end_date__gte=date(year, 1, 1)
    )
    return {
        "count": applications.count(),
        "requested": plain_number(sums["requested"] or 0),
        "granted": plain_number(sums["granted"] or 0),
        "projects": projects.count(),
    }


def report_figures(municipality, year):
    """Compute the annual report's figures from the year's data (JSON-ready)."""
    return {
        "municipality": municipality.name,
        "year": year,
        "networking": _networking(municipality, year),
        "monitoring": _monitoring(municipality, year),
        "plan": _plan_figures(municipality, year),
        "applications": _applications(municipality, year),
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


def _move(report, expected, action, **changes):
    """Lock the report, refuse unless its status is `expected`, apply `changes` and save."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status != expected:
        raise ReportStateError(f"only a {expected} report can be {action}")
    for field, value in changes.items():
        setattr(report, field, value)
    report.save()
    return report


@transaction.atomic
def submit_report(report, user):
    """Submit a draft report (refreshing its figures first), recording when and by whom."""
    now = timezone.now()
    return _move(
        report,
        AnnualReport.Status.DRAFT,
        "submitted",
        figures=report_figures(report.municipality, report.year),
        generated_at=now,
        submitted_at=now,
        submitted_by=user,
        status=AnnualReport.Status.SUBMITTED,
    )


@transaction.atomic
def accept_report(report, user):
    """Accept a submitted report (the overseer's action)."""
    changes = {"status": AnnualReport.Status.ACCEPTED, "accepted_at": timezone.now(), "accepted_by": user}
    return _move(report, AnnualReport.Status.SUBMITTED, "accepted", **changes)


@transaction.atomic
def return_report(report, user):
    """Send a submitted report back to draft so the coordinator can correct it."""
    changes = {"status": AnnualReport.Status.DRAFT, "submitted_at": None, "submitted_by": None}
    return _move(report, AnnualReport.Status.SUBMITTED, "returned", **changes)


def _common_indicator_totals(year):
    """Add up the year's values of indicators that carry a common code, across municipalities."""
    totals = {}
    values = (
        IndicatorValue.objects.filter(year=year)
        .exclude(indicator__common_code="")
        .select_related("indicator__measure__plan")
    )
    for value in values:
        indicator = value.indicator
        entry = totals.setdefault(
            indicator.common_code,
            {
                "code": indicator.common_code,
                "name": indicator.name,
                "unit": indicator.unit,
                "target": Decimal("0"),
                "actual": Decimal("0"),
                "municipalities": set(),
            },
        )
        entry["target"] += value.target
        entry["actual"] += value.actual or 0
        entry["municipalities"].add(indicator.measure.plan.municipality_id)
    for entry in totals.values():
        entry["municipalities"] = len(entry["municipalities"])
    return sorted(totals.values(), key=lambda e: e["code"])


def national_overview(year):
    """Return every municipality's report status for the year and national totals of common indicators."""
    from challenges.models import Municipality

    reports = {r.municipality_id: r for r in AnnualReport.objects.filter(year=year)}
    return {
        "rows": [{"municipality": m, "report": reports.get(m.pk)} for m in Municipality.objects.all()],
        "totals": _common_indicator_totals(year),
        "submitted": sum(1 for r in reports.values() if r.status != AnnualReport.Status.DRAFT),
    }
