"""Networking pages: the partner directory with contact persons, the network matrix, meetings and follow-ups."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination import forms, services
from coordination.models import Collaboration, ContactPerson, Meeting, Partner
from coordination.permissions import can_contribute, require
from coordination.views.base import EditView, workspace


@login_required
def partner_list(request, slug):
    """List the partner directory."""
    municipality, access, context = workspace(request, slug)
    kind = request.GET.get("kind", "")
    partners = Partner.objects.for_municipality(municipality).prefetch_related("contacts")
    if kind:
        partners = partners.filter(kind=kind)
    context.update({"partners": partners, "kinds": Partner.Kind.choices, "kind": kind})
    return render(request, "coordination/partner_list.html", context)


@login_required
def partner_detail(request, slug, pk):
    """Show a partner with contact persons and meetings."""
    municipality, access, context = workspace(request, slug)
    partner = get_object_or_404(Partner.objects.for_municipality(municipality), pk=pk)
    context.update({"partner": partner, "contacts": partner.contacts.all(), "meetings": partner.meetings.all()[:20]})
    return render(request, "coordination/partner_detail.html", context)


partner_edit = EditView.as_view(form_class=forms.PartnerForm, title=gettext_lazy("Partner"), back="partners")
contact_edit = EditView.as_view(
    form_class=forms.ContactPersonForm,
    title=gettext_lazy("Contact person"),
    parent="partner",
    back=lambda contact: ("partner", contact.partner_id),
)
collaboration_edit = EditView.as_view(
    form_class=forms.CollaborationForm, title=gettext_lazy("Collaboration"), back="network"
)
meeting_edit = EditView.as_view(form_class=forms.MeetingForm, title=gettext_lazy("Meeting"), back="meetings")
follow_up_edit = EditView.as_view(
    form_class=forms.FollowUpForm, title=gettext_lazy("Follow-up"), parent="meeting", back="meetings"
)


def _contact(request, slug, pk):
    """Return a contact person of the municipality for someone who may contribute to it."""
    municipality, access, _context = workspace(request, slug)
    require(can_contribute(access, municipality))
    return get_object_or_404(ContactPerson.objects.for_municipality(municipality), pk=pk)


@login_required
def contact_export(request, slug, pk):
    """Download everything stored about one contact person (GDPR access)."""
    contact = _contact(request, slug, pk)
    data = json.dumps(services.contact_data(contact), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="contact-{contact.pk}.json"'
    return response


@login_required
@require_POST
def contact_erase(request, slug, pk):
    """Erase a contact person (GDPR erasure)."""
    partner_pk = services.erase_contact(_contact(request, slug, pk))
    messages.success(request, _("The contact person was erased."))
    return redirect("coordination:partner", slug, partner_pk)


@login_required
def network(request, slug):
    """Show who works with whom on what, as a matrix table."""
    municipality, access, context = workspace(request, slug)
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
def meeting_list(request, slug):
    """List contacts and meetings with their follow-ups."""
    municipality, access, context = workspace(request, slug)
    meetings = Meeting.objects.for_municipality(municipality).prefetch_related("partners", "follow_ups")
    context.update({"meetings": meetings, "today": timezone.localdate()})
    return render(request, "coordination/meeting_list.html", context)
