"""Funding and the annual report: applications and projects, the report with its status changes and downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination import exports, forms, services
from coordination.models import AnnualReport, Application, Project
from coordination.permissions import can_accept_report, can_manage, require
from coordination.views.base import EditView, workspace

DOWNLOADS = {
    "docx": (exports.report_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (exports.report_pdf, "application/pdf"),
    "xlsx": (exports.indicators_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@login_required
def funding_overview(request, slug):
    """List funding applications and funded projects."""
    municipality, access, context = workspace(request, slug)
    context.update(
        {
            "applications": Application.objects.for_municipality(municipality).select_related("call"),
            "projects": Project.objects.for_municipality(municipality).prefetch_related("measures"),
        }
    )
    return render(request, "coordination/funding_overview.html", context)


application_edit = EditView.as_view(
    form_class=forms.ApplicationForm, title=gettext_lazy("Funding application"), rule=can_manage, back="funding"
)
project_edit = EditView.as_view(
    form_class=forms.ProjectForm, title=gettext_lazy("Funded project"), rule=can_manage, back="funding"
)


def _report(municipality, year):
    report = AnnualReport.objects.filter(municipality=municipality, year=year).first()
    if report is None:
        raise Http404
    return report


@login_required
def report_detail(request, slug, year):
    """Show the year's report with its figures and narrative fields; the coordinator edits and submits it."""
    municipality, access, context = workspace(request, slug)
    report = AnnualReport.objects.filter(municipality=municipality, year=year).first()
    form = None
    if report and context["can_manage"] and report.status == AnnualReport.Status.DRAFT:
        form = forms.ReportTextForm(request.POST or None, instance=report, municipality=municipality)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return redirect("coordination:report", slug, year)
    context.update(
        {"report": report, "year": year, "form": form, "can_accept": bool(report and can_accept_report(access, report))}
    )
    return render(request, "coordination/report_detail.html", context)


def _change_status(request, access, report, action):
    """Submit (the coordinator), accept or return (the overseer) the report, saying what happened."""
    if action == "submit":
        require(can_manage(access, report.municipality))
        change, done = services.submit_report, _("The report was submitted.")
    elif action in ("accept", "return"):
        require(can_accept_report(access, report))
        change = services.accept_report if action == "accept" else services.return_report
        done = _("The report status was changed.")
    else:
        raise Http404
    try:
        change(report, request.user)
    except services.ReportStateError:
        messages.error(request, _("The report is not in a state that allows this."))
    else:
        messages.success(request, done)


@login_required
@require_POST
def report_action(request, slug, year, action):
    """Generate, submit, accept or return the year's report."""
    municipality, access, context = workspace(request, slug)
    if action == "generate":
        require(can_manage(access, municipality))
        report = services.generate_report(municipality, year)
        if report.status == AnnualReport.Status.DRAFT:
            messages.success(request, _("The report was generated from the year's data."))
        else:
            messages.error(request, _("The report is not in a state that allows this."))
    else:
        _change_status(request, access, _report(municipality, year), action)
    return redirect("coordination:report", slug, year)


@login_required
def report_download(request, slug, year, fmt):
    """Download the report as DOCX or PDF, or its indicators as XLSX."""
    municipality, access, context = workspace(request, slug)
    report = _report(municipality, year)
    if fmt not in DOWNLOADS:
        raise Http404
    build, content_type = DOWNLOADS[fmt]
    response = HttpResponse(build(report), content_type=content_type)
    name = f"{municipality.slug}-{year}-{'indicators' if fmt == 'xlsx' else 'report'}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
