"""Mentoring pages: offer help, ask for help, my pairings, the coordinator's list, clubs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.request_params import parse_id
from mentoring import services
from mentoring.forms import OfferForm, RequestForm
from mentoring.models import Club, Pairing


def overview(request):
    """Explain the network and link to its parts."""
    return render(request, "mentoring/overview.html", {"clubs": Club.objects.select_related("city")[:20]})


@login_required
def offer(request):
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_offer(request.user, **form.cleaned_data)
        messages.success(request, _("Thank you! Your offer of help is saved."))
        return redirect("mentoring:mine")
    return render(
        request, "mentoring/form.html", {"form": form, "heading": _("Offer help")}, status=400 if form.errors else 200
    )


@login_required
def ask(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.ask_for_help(request.user, **form.cleaned_data)
        messages.success(request, _("Your request is saved. The city's coordinator will suggest a mentor."))
        return redirect("mentoring:mine")
    return render(
        request, "mentoring/form.html", {"form": form, "heading": _("Ask for help")}, status=400 if form.errors else 200
    )


@login_required
def mine(request):
    """The member's pairings as mentor and as mentee, with contact details once both accepted."""
    pairings = (
        Pairing.objects.filter(Q(offer__user=request.user) | Q(request__user=request.user))
        .exclude(status=Pairing.Status.PROPOSED)
        .select_related("offer__user", "request__user", "offer__city")
    )
    rows = [(p, services.side_of(request.user, p), services.contact_details(request.user, p)) for p in pairings]
    context = {
        "rows": rows,
        "offers": request.user.mentor_offers.select_related("city"),
        "requests": request.user.help_requests.all(),
    }
    return render(request, "mentoring/mine.html", context)


ACTIONS = {
    "accept": lambda user, pk, post: services.respond(user, pk, True),
    "decline": lambda user, pk, post: services.respond(user, pk, False),
    "end": lambda user, pk, post: services.end(user, pk, post.get("feedback", "")),
    "report": lambda user, pk, post: services.report_problem(user, pk, post.get("problem", "")),
}


@login_required
@require_POST
def act(request, pairing_id):
    """Accept, decline, end or report a problem on one of the member's pairings."""
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return redirect("mentoring:mine")
    get_object_or_404(Pairing, pk=pairing_id)
    try:
        action(request.user, pairing_id, request.POST)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done."))
    return redirect("mentoring:mine")


@login_required
def coordinate(request):
    """The coordinator's list: proposals to confirm, pairings waiting for answers, problems reported."""
    if services.coordinated_cities(request.user) == []:
        raise PermissionDenied
    if request.method == "POST":
        pairing_id = parse_id(request.POST.get("pairing", ""))
        if pairing_id is None:
            return redirect("mentoring:coordinate")
        try:
            if request.POST.get("action") == "confirm":
                services.confirm(request.user, pairing_id)
            else:
                services.reject_proposal(request.user, pairing_id)
        except (ValidationError, Pairing.DoesNotExist) as error:
            messages.error(request, " ".join(getattr(error, "messages", [_("No such pairing.")])))
        else:
            messages.success(request, _("Done."))
        return redirect("mentoring:coordinate")
    return render(request, "mentoring/coordinate.html", {"pairings": services.pairings_to_coordinate(request.user)})


def club(request, club_id):
    club = get_object_or_404(Club.objects.select_related("city"), pk=club_id)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("account_login")
        services.join_club(request.user, club, join=request.POST.get("action") != "leave")
        return redirect("mentoring:club", club.pk)
    is_member = request.user.is_authenticated and club.members.filter(pk=request.user.pk).exists()
    return render(
        request, "mentoring/club.html", {"club": club, "is_member": is_member, "meetings": club.meetings.all()}
    )
