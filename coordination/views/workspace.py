"""The way in: the landing redirect, the dashboard, the overseer's overview and the public help list."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from challenges.models import Municipality
from coordination import services
from coordination.models import AnnualReport, FollowUp, Meeting, Need, Partner, Plan
from coordination.permissions import access_of, require
from coordination.views.base import workspace


@login_required
def index(request):
    """Send the user to their workspace, or the overseer to the national overview."""
    access = access_of(request)
    if access.reads_all:
        return redirect("coordination:overview")
    if access.municipality is None:
        raise PermissionDenied
    return redirect("coordination:dashboard", access.municipality.slug)


@login_required
def dashboard(request, slug):
    """Show the municipality's year at a glance."""
    municipality, access, context = workspace(request, slug)
    today = timezone.localdate()
    from surveys.models import Survey

    follow_ups = FollowUp.objects.for_municipality(municipality)
    context.update(
        {
            "year": today.year,
            "partners": Partner.objects.for_municipality(municipality).count(),
            "meetings": Meeting.objects.for_municipality(municipality).filter(date__year=today.year).count(),
            "open_follow_ups": follow_ups.open().order_by("due_date")[:10],
            "overdue_follow_ups": follow_ups.overdue(today).count(),
            "needs": Need.objects.for_municipality(municipality).filter(year=today.year).count(),
            "plans": Plan.objects.for_municipality(municipality),
            "surveys": Survey.objects.for_municipality(municipality)[:5],
            "reports": AnnualReport.objects.for_municipality(municipality),
            "today": today,
        }
    )
    return render(request, "coordination/dashboard.html", context)


@login_required
def overview(request):
    """The overseer's table: every municipality's report status, downloads and national totals."""
    access = access_of(request)
    require(access.reads_all)
    today = timezone.localdate()
    default_year = services.report_year_for(today) if today.month in (1, 12) else today.year - 1
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else default_year
    context = {"year": year, "access": access, **services.national_overview(year)}
    return render(request, "coordination/overview.html", context)


def public_help(request, slug):
    """The public 'where to get help' list of a municipality, with the IOM Migration Information Centre link."""
    municipality = get_object_or_404(Municipality, slug=slug)
    partners = Partner.objects.for_municipality(municipality).filter(is_public=True)
    context = {"municipality": municipality, "partners": partners, "iom_url": settings.COORDINATION_IOM_URL}
    return render(request, "coordination/public_help.html", context)
