"""Plan services: every saved plan part leaves a revision with a snapshot of the whole plan; monitoring."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coordination.models import Funding, Indicator, IndicatorValue, Measure, Plan, PlanRevision


def plain_number(value):
    """Return a Decimal as a plain number for JSON (int when whole)."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _indicator_snapshot(indicator):
    values = {
        str(v.year): {"target": plain_number(v.target), "actual": plain_number(v.actual)}
        for v in indicator.values.all()
    }
    return {
        "id": indicator.pk,
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": plain_number(indicator.baseline),
        "values": values,
    }


def _measure_snapshot(measure):
    return {
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
        "indicators": [_indicator_snapshot(indicator) for indicator in measure.indicators.all()],
        "funding": [
            {"year": f.year, "source": f.source, "amount": plain_number(f.amount), "used": plain_number(f.used)}
            for f in measure.funding.all()
        ],
    }


def plan_snapshot(plan):
    """Return the whole plan as plain data: measures, indicators with values, funding."""
    measures = plan.measures.prefetch_related("indicators__values", "funding", "needs", "partners")
    return {
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "order_number": plan.order_number,
        "order_date": plan.order_date.isoformat() if plan.order_date else None,
        "measures": [_measure_snapshot(measure) for measure in measures],
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
