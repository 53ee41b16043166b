"""Coordination workspace pages; every permission question goes to coordination.permissions."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from challenges.models import Municipality
from coordination import exports, forms, services
from coordination.models import (
    AnnualReport,
    Application,
    Collaboration,
    ContactPerson,
    FollowUp,
    Funding,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Need,
    Partner,
    Plan,
    Project,
)
from coordination.permissions import access_of, can_accept_report, can_contribute, can_manage, can_view, require


def _workspace(request, slug):
    """Return (municipality, access, context) or refuse: only those who may view it get in."""
    municipality = get_object_or_404(Municipality, slug=slug)
    access = access_of(request)
    require(can_view(access, municipality))
    context = {
        "municipality": municipality,
        "access": access,
        "can_contribute": can_contribute(access, municipality),
        "can_manage": can_manage(access, municipality),
    }
    return municipality, access, context


def _edit(request, slug, form_class, instance, rule, title, back, saver=None, prepare=None):
    """Show and save one scoped form; `rule` is can_contribute or can_manage."""
    municipality, access, context = _workspace(request, slug)
    require(rule(access, municipality))
    if prepare:
        prepare(instance, municipality)
    form = form_class(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        if saver:
            saver(form, request.user)
        else:
            form.save()
        messages.success(request, _("Saved."))
        return redirect(back)
    context.update({"form": form, "title": title, "back": back})
    return render(request, "coordination/form.html", context, status=400 if form.errors else 200)


def _url(name, slug, *args):
    return reverse(f"coordination:{name}", args=[slug, *args])


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
    municipality, access, context = _workspace(request, slug)
    today = timezone.localdate()
    from surveys.models import Survey

    context.update(
        {
            "year": today.year,
            "partners": Partner.objects.for_municipality(municipality).count(),
            "meetings": Meeting.objects.for_municipality(municipality).filter(date__year=today.year).count(),
            "open_follow_ups": FollowUp.objects.for_municipality(municipality).open().order_by("due_date")[:10],
            "overdue_follow_ups": FollowUp.objects.for_municipality(municipality).overdue(today).count(),
            "needs": Need.objects.for_municipality(municipality).filter(year=today.year).count(),
            "plans": Plan.objects.for_municipality(municipality),
            "surveys": Survey.objects.for_municipality(municipality)[:5],
            "reports": AnnualReport.objects.for_municipality(municipality),
            "today": today,
        }
    )
    return render(request, "coordination/dashboard.html", context)


# --- partners, contacts, network ---


@login_required
def partner_list(request, slug):
    """List the partner directory."""
    municipality, access, context = _workspace(request, slug)
    kind = request.GET.get("kind", "")
    partners = Partner.objects.for_municipality(municipality).prefetch_related("contacts")
    if kind:
        partners = partners.filter(kind=kind)
    context.update({"partners": partners, "kinds": Partner.Kind.choices, "kind": kind})
    return render(request, "coordination/partner_list.html", context)


@login_required
def partner_detail(request, slug, pk):
    """Show a partner with contact persons and meetings."""
    municipality, access, context = _workspace(request, slug)
    partner = get_object_or_404(Partner.objects.for_municipality(municipality), pk=pk)
    context.update({"partner": partner, "contacts": partner.contacts.all(), "meetings": partner.meetings.all()[:20]})
    return render(request, "coordination/partner_detail.html", context)


@login_required
def partner_edit(request, slug, pk=None):
    """Add or edit a partner."""
    instance = get_object_or_404(Partner.objects.filter(municipality__slug=slug), pk=pk) if pk else Partner()
    return _edit(request, slug, forms.PartnerForm, instance, can_contribute, _("Partner"), _url("partners", slug))


@login_required
def contact_edit(request, slug, partner_pk, pk=None):
    """Add or edit a contact person of a partner."""
    partner = get_object_or_404(Partner.objects.filter(municipality__slug=slug), pk=partner_pk)
    instance = get_object_or_404(partner.contacts, pk=pk) if pk else ContactPerson(partner=partner)
    return _edit(
        request,
        slug,
        forms.ContactPersonForm,
        instance,
        can_contribute,
        _("Contact person"),
        _url("partner", slug, partner.pk),
    )


@login_required
def contact_export(request, slug, pk):
    """Download everything stored about one contact person (GDPR access)."""
    municipality, access, context = _workspace(request, slug)
    require(can_contribute(access, municipality))
    contact = get_object_or_404(ContactPerson.objects.for_municipality(municipality), pk=pk)
    data = {
        "name": contact.name,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
        "consent_given_on": contact.consent_given_on.isoformat(),
        "partner": contact.partner.name,
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="contact-{contact.pk}.json"'
    return response


@login_required
@require_POST
def contact_erase(request, slug, pk):
    """Erase a contact person (GDPR erasure)."""
    municipality, access, context = _workspace(request, slug)
    require(can_contribute(access, municipality))
    contact = get_object_or_404(ContactPerson.objects.for_municipality(municipality), pk=pk)
    partner_pk = contact.partner_id
    contact.delete()
    messages.success(request, _("The contact person was erased."))
    return redirect("coordination:partner", slug, partner_pk)


@login_required
def network(request, slug):
    """Show who works with whom on what, as a matrix table."""
    municipality, access, context = _workspace(request, slug)
    links = list(Collaboration.objects.for_municipality(municipality).select_related("first", "second"))
    involved = sorted({p for link in links for p in (link.first, link.second)}, key=lambda p: p.name)
    cells = {}
    for link in links:
        for a, b in ((link.first, link.second), (link.second, link.first)):
            cells.setdefault((a.pk, b.pk), []).append(link.topic)
    matrix = [
        {"partner": row, "cells": [{"partner": col, "topics": cells.get((row.pk, col.pk), [])} for col in involved]}
        for row in involved
    ]
    context.update({"links": links, "partners": involved, "matrix": matrix})
    return render(request, "coordination/network.html", context)


@login_required
def collaboration_edit(request, slug, pk=None):
    """Add or edit a collaboration between two partners."""
    instance = (
        get_object_or_404(Collaboration.objects.filter(municipality__slug=slug), pk=pk) if pk else Collaboration()
    )
    return _edit(
        request, slug, forms.CollaborationForm, instance, can_contribute, _("Collaboration"), _url("network", slug)
    )


# --- meetings and follow-ups ---


@login_required
def meeting_list(request, slug):
    """List contacts and meetings with their follow-ups."""
    municipality, access, context = _workspace(request, slug)
    meetings = Meeting.objects.for_municipality(municipality).prefetch_related("partners", "follow_ups")
    context.update({"meetings": meetings, "today": timezone.localdate()})
    return render(request, "coordination/meeting_list.html", context)


@login_required
def meeting_edit(request, slug, pk=None):
    """Add or edit a meeting."""
    instance = get_object_or_404(Meeting.objects.filter(municipality__slug=slug), pk=pk) if pk else Meeting()
    return _edit(request, slug, forms.MeetingForm, instance, can_contribute, _("Meeting"), _url("meetings", slug))


@login_required
def follow_up_edit(request, slug, meeting_pk, pk=None):
    """Add or edit a follow-up of a meeting."""
    meeting = get_object_or_404(Meeting.objects.filter(municipality__slug=slug), pk=meeting_pk)
    instance = get_object_or_404(meeting.follow_ups, pk=pk) if pk else FollowUp(meeting=meeting)
    return _edit(request, slug, forms.FollowUpForm, instance, can_contribute, _("Follow-up"), _url("meetings", slug))


# --- needs ---


@login_required
def need_list(request, slug):
    """List the needs register, newest year first."""
    municipality, access, context = _workspace(request, slug)
    needs = Need.objects.for_municipality(municipality).select_related("meeting").prefetch_related("measures")
    year = request.GET.get("year", "")
    if year.isdigit():
        needs = needs.filter(year=int(year))
    context.update({"needs": needs, "year": year})
    return render(request, "coordination/need_list.html", context)


@login_required
def need_edit(request, slug, pk=None):
    """Add or edit a need."""
    instance = get_object_or_404(Need.objects.filter(municipality__slug=slug), pk=pk) if pk else Need()
    return _edit(request, slug, forms.NeedForm, instance, can_contribute, _("Need"), _url("needs", slug))


# --- the plan ---


def _plan(slug, pk):
    return get_object_or_404(Plan.objects.filter(municipality__slug=slug), pk=pk)


@login_required
def plan_list(request, slug):
    """List the municipality's plans."""
    municipality, access, context = _workspace(request, slug)
    context["plans"] = Plan.objects.for_municipality(municipality)
    return render(request, "coordination/plan_list.html", context)


@login_required
def plan_detail(request, slug, pk):
    """Show a plan with its measures, indicators and funding."""
    municipality, access, context = _workspace(request, slug)
    plan = _plan(slug, pk)
    measures = plan.measures.select_related("responsible").prefetch_related(
        "indicators__values", "funding", "partners", "needs"
    )
    context.update({"plan": plan, "measures": measures})
    return render(request, "coordination/plan_detail.html", context)


@login_required
def plan_edit(request, slug, pk=None):
    """Add or edit a plan (coordinator)."""
    instance = _plan(slug, pk) if pk else Plan()
    back = _url("plan", slug, pk) if pk else _url("plans", slug)
    return _edit(
        request, slug, forms.PlanForm, instance, can_manage, _("Integration plan"), back, services.save_plan_part
    )


@login_required
def measure_edit(request, slug, plan_pk, pk=None):
    """Add or edit a measure (coordinator)."""
    plan = _plan(slug, plan_pk)
    instance = get_object_or_404(plan.measures, pk=pk) if pk else Measure(plan=plan)
    return _edit(
        request,
        slug,
        forms.MeasureForm,
        instance,
        can_manage,
        _("Measure"),
        _url("plan", slug, plan.pk),
        services.save_plan_part,
    )


@login_required
def indicator_edit(request, slug, measure_pk, pk=None):
    """Add or edit an indicator (coordinator)."""
    measure = get_object_or_404(Measure.objects.filter(plan__municipality__slug=slug), pk=measure_pk)
    instance = get_object_or_404(measure.indicators, pk=pk) if pk else Indicator(measure=measure)
    return _edit(
        request,
        slug,
        forms.IndicatorForm,
        instance,
        can_manage,
        _("Indicator"),
        _url("plan", slug, measure.plan_id),
        services.save_plan_part,
    )


@login_required
def value_edit(request, slug, indicator_pk, pk=None):
    """Add or edit an indicator's target and actual value for a year (staff may report actual values)."""
    indicator = get_object_or_404(Indicator.objects.filter(measure__plan__municipality__slug=slug), pk=indicator_pk)
    instance = get_object_or_404(indicator.values, pk=pk) if pk else IndicatorValue(indicator=indicator)
    return _edit(
        request,
        slug,
        forms.IndicatorValueForm,
        instance,
        can_contribute,
        _("Indicator value"),
        _url("plan", slug, indicator.measure.plan_id),
        services.save_plan_part,
    )


@login_required
def funding_edit(request, slug, measure_pk, pk=None):
    """Add or edit a funding line (coordinator)."""
    measure = get_object_or_404(Measure.objects.filter(plan__municipality__slug=slug), pk=measure_pk)
    instance = get_object_or_404(measure.funding, pk=pk) if pk else Funding(measure=measure)
    return _edit(
        request,
        slug,
        forms.FundingForm,
        instance,
        can_manage,
        _("Funding"),
        _url("plan", slug, measure.plan_id),
        services.save_plan_part,
    )


@login_required
def monitoring(request, slug, pk):
    """Show indicator progress, overdue and unfunded measures."""
    municipality, access, context = _workspace(request, slug)
    plan = _plan(slug, pk)
    context.update({"plan": plan, **services.monitoring(plan)})
    return render(request, "coordination/monitoring.html", context)


@login_required
def plan_history(request, slug, pk):
    """List the plan's revisions and show the plan as it was at a chosen moment."""
    municipality, access, context = _workspace(request, slug)
    plan = _plan(slug, pk)
    at = parse_datetime(request.GET.get("at", "") or "")
    snapshot = services.plan_as_of(plan, at) if at else None
    context.update(
        {"plan": plan, "revisions": plan.revisions.select_related("user")[:200], "snapshot": snapshot, "at": at}
    )
    return render(request, "coordination/plan_history.html", context)


# --- applications and projects ---


@login_required
def funding_overview(request, slug):
    """List funding applications and funded projects."""
    municipality, access, context = _workspace(request, slug)
    context.update(
        {
            "applications": Application.objects.for_municipality(municipality).select_related("call"),
            "projects": Project.objects.for_municipality(municipality).prefetch_related("measures"),
        }
    )
    return render(request, "coordination/funding_overview.html", context)


@login_required
def application_edit(request, slug, pk=None):
    """Add or edit a funding application (coordinator)."""
    instance = get_object_or_404(Application.objects.filter(municipality__slug=slug), pk=pk) if pk else Application()
    return _edit(
        request, slug, forms.ApplicationForm, instance, can_manage, _("Funding application"), _url("funding", slug)
    )


@login_required
def project_edit(request, slug, pk=None):
    """Add or edit a funded project (coordinator)."""
    instance = get_object_or_404(Project.objects.filter(municipality__slug=slug), pk=pk) if pk else Project()
    return _edit(request, slug, forms.ProjectForm, instance, can_manage, _("Funded project"), _url("funding", slug))


# --- annual report ---


def _report(municipality, year):
    report = AnnualReport.objects.filter(municipality=municipality, year=year).first()
    if report is None:
        raise Http404
    return report


@login_required
def report_detail(request, slug, year):
    """Show the year's report with its figures and narrative fields; the coordinator edits and submits it."""
    municipality, access, context = _workspace(request, slug)
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


@login_required
@require_POST
def report_action(request, slug, year, action):
    """Generate, submit, accept or return the year's report."""
    municipality, access, context = _workspace(request, slug)
    if action == "generate":
        require(can_manage(access, municipality))
        report = services.generate_report(municipality, year)
        if report.status == AnnualReport.Status.DRAFT:
            messages.success(request, _("The report was generated from the year's data."))
        else:
            messages.error(request, _("The report is not in a state that allows this."))
    else:
        report = _report(municipality, year)
        try:
            if action == "submit":
                require(can_manage(access, municipality))
                services.submit_report(report, request.user)
                messages.success(request, _("The report was submitted."))
            elif action in ("accept", "return"):
                require(can_accept_report(access, report))
                (services.accept_report if action == "accept" else services.return_report)(report, request.user)
                messages.success(request, _("The report status was changed."))
            else:
                raise Http404
        except services.ReportStateError:
            messages.error(request, _("The report is not in a state that allows this."))
    return redirect("coordination:report", slug, year)


@login_required
def report_download(request, slug, year, fmt):
    """Download the report as DOCX or PDF, or its indicators as XLSX."""
    municipality, access, context = _workspace(request, slug)
    report = _report(municipality, year)
    builders = {
        "docx": (exports.report_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "pdf": (exports.report_pdf, "application/pdf"),
        "xlsx": (exports.indicators_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    }
    if fmt not in builders:
        raise Http404
    build, content_type = builders[fmt]
    response = HttpResponse(build(report), content_type=content_type)
    name = f"{municipality.slug}-{year}-{'indicators' if fmt == 'xlsx' else 'report'}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


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


# --- public ---


def public_help(request, slug):
    """The public 'where to get help' list of a municipality, with the IOM Migration Information Centre link."""
    municipality = get_object_or_404(Municipality, slug=slug)
    partners = Partner.objects.for_municipality(municipality).filter(is_public=True)
    context = {"municipality": municipality, "partners": partners, "iom_url": settings.COORDINATION_IOM_URL}
    return render(request, "coordination/public_help.html", context)
