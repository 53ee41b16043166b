"""Needs and plan pages: the needs register, plans with measures, indicators, values and funding, monitoring."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy

from coordination import forms, services
from coordination.models import Need, Plan
from coordination.permissions import can_contribute
from coordination.views.base import EditView, PlanPartEditView, workspace


@login_required
def need_list(request, slug):
    """List the needs register, newest year first."""
    municipality, access, context = workspace(request, slug)
    needs = Need.objects.for_municipality(municipality).select_related("meeting").prefetch_related("measures")
    year = request.GET.get("year", "")
    if year.isdigit():
        needs = needs.filter(year=int(year))
    context.update({"needs": needs, "year": year})
    return render(request, "coordination/need_list.html", context)


need_edit = EditView.as_view(form_class=forms.NeedForm, title=gettext_lazy("Need"), back="needs")


def _plan(request, slug, pk):
    """Return (plan, context) for a plan of the municipality the user may view."""
    municipality, access, context = workspace(request, slug)
    plan = get_object_or_404(Plan.objects.for_municipality(municipality), pk=pk)
    context["plan"] = plan
    return plan, context


@login_required
def plan_list(request, slug):
    """List the municipality's plans."""
    municipality, access, context = workspace(request, slug)
    context["plans"] = Plan.objects.for_municipality(municipality)
    return render(request, "coordination/plan_list.html", context)


@login_required
def plan_detail(request, slug, pk):
    """Show a plan with its measures, indicators and funding."""
    plan, context = _plan(request, slug, pk)
    context["measures"] = plan.measures.select_related("responsible").prefetch_related(
        "indicators__values", "funding", "partners", "needs"
    )
    return render(request, "coordination/plan_detail.html", context)


plan_edit = PlanPartEditView.as_view(
    form_class=forms.PlanForm,
    title=gettext_lazy("Integration plan"),
    back=lambda plan: ("plan", plan.pk) if plan.pk else ("plans",),
)
measure_edit = PlanPartEditView.as_view(form_class=forms.MeasureForm, title=gettext_lazy("Measure"), parent="plan")
indicator_edit = PlanPartEditView.as_view(
    form_class=forms.IndicatorForm, title=gettext_lazy("Indicator"), parent="measure"
)
# Staff who are not coordinators may report an indicator's actual values.
value_edit = PlanPartEditView.as_view(
    form_class=forms.IndicatorValueForm, title=gettext_lazy("Indicator value"), parent="indicator", rule=can_contribute
)
funding_edit = PlanPartEditView.as_view(form_class=forms.FundingForm, title=gettext_lazy("Funding"), parent="measure")


@login_required
def monitoring(request, slug, pk):
    """Show indicator progress, overdue and unfunded measures."""
    plan, context = _plan(request, slug, pk)
    context.update(services.monitoring(plan))
    return render(request, "coordination/monitoring.html", context)


@login_required
def plan_history(request, slug, pk):
    """List the plan's revisions and show the plan as it was at a chosen moment."""
    plan, context = _plan(request, slug, pk)
    at = parse_datetime(request.GET.get("at", "") or "")
    snapshot = services.plan_as_of(plan, at) if at else None
    context.update({"revisions": plan.revisions.select_related("user")[:200], "snapshot": snapshot, "at": at})
    return render(request, "coordination/plan_history.html", context)
