"""Pledging on a campaign page, the member's pledges and the organiser's pledge list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import services
from campaigns.forms import PledgeForm
from campaigns.models import CampaignPage, Pledge


def pledge_view(request, campaign):
    """Show the pledge form (GET) or record a pledge and show the transfer details (POST)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.create_pledge(request.user, campaign, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return TemplateResponse(request, "campaigns/pledge_done.html", {"page": campaign, "pledge": pledge})
    status = 400 if form.errors else 200
    return TemplateResponse(request, "campaigns/pledge_form.html", {"page": campaign, "form": form}, status=status)


@login_required
def my_pledges(request):
    """List the member's own pledges with their reference codes."""
    pledges = Pledge.objects.for_member(request.user).select_related("campaign")
    return render(request, "campaigns/my_pledges.html", {"pledges": pledges})


@login_required
@require_POST
def withdraw(request, pledge_id):
    """Withdraw one of the member's pledges."""
    try:
        services.cancel_own_pledge(request.user, pledge_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The pledge is withdrawn."))
    return redirect("campaigns:mine")


def _campaign(page_id):
    try:
        return services.campaign_of(page_id)
    except CampaignPage.DoesNotExist as missing:
        raise Http404 from missing


@login_required
def organiser_pledges(request, page_id):
    """Show the organiser every pledge, to mark transfers received (or export them as CSV)."""
    campaign = _campaign(page_id)
    pledges = services.pledges_for_organiser(request.user, campaign)
    if request.GET.get("format") == "csv":
        response = HttpResponse(services.pledges_csv(pledges), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-pledges.csv"'
        return response
    received, pledged = campaign.original.totals()
    context = {"campaign": campaign, "pledges": pledges, "received": received, "pledged": pledged}
    return render(request, "campaigns/organiser_pledges.html", context)


@login_required
@require_POST
def organiser_set_status(request, page_id, pledge_id):
    """Mark a pledge received or cancelled."""
    campaign = _campaign(page_id)
    if not services.pledges_for_organiser(request.user, campaign).filter(pk=pledge_id).exists():
        raise PermissionDenied
    try:
        services.set_status(request.user, pledge_id, request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("campaigns:organiser", campaign.pk)
