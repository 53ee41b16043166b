"""Challenge pages: public list and detail, staff forms and the POST actions of both parties."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.request_params import parse_id
from accounts.viewer import viewer_for
from challenges import permissions, services
from challenges.filters import ChallengeFilter
from challenges.forms import ChallengeForm
from challenges.models import Challenge, Engagement


def _visible_challenge(request, pk):
    """Return the challenge if the user may see it, else raise 404 (drafts stay hidden from outsiders)."""
    return get_object_or_404(Challenge.objects.visible_to(viewer_for(request)).select_related("municipality"), pk=pk)


def challenge_list(request):
    """List challenges, open ones by default, filterable by kind, municipality and status."""
    viewer = viewer_for(request)
    queryset = Challenge.objects.visible_to(viewer).select_related("municipality")
    challenge_filter = ChallengeFilter(request.GET, queryset=queryset)
    page = Paginator(challenge_filter.qs, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "challenges/challenge_list.html",
        {
            "filter": challenge_filter,
            "page_obj": page,
            "challenges": page.object_list,
            "query_string": query.urlencode(),
            "can_create": viewer.may_create_challenge(),
            "my_municipality": viewer.municipality,
        },
    )


def _url_or_none(name, *args):
    """Return the URL of a view other apps may or may not provide yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def challenge_detail(request, pk):
    """Show a challenge with the actions the visitor may take on it."""
    challenge = _visible_challenge(request, pk)
    viewer = viewer_for(request)
    can_manage = viewer.may_manage_challenge(challenge)
    profile = viewer.expert_profile
    if can_manage:
        engagements = challenge.engagements.select_related("expert").prefetch_related("events")
    elif profile is not None:
        engagements = challenge.engagements.filter(expert=profile).prefetch_related("events")
    else:
        engagements = Engagement.objects.none()
    engagement_rows = [(e, permissions.allowed_responses(viewer, e)) for e in engagements]
    context = {
        "challenge": challenge,
        "can_manage": can_manage,
        "transitions": [(s, Challenge.Status(s).label) for s in services.allowed_transitions(challenge)]
        if can_manage
        else [],
        "engagement_rows": engagement_rows,
        "can_express_interest": permissions.can_express_interest(viewer, challenge),
        "is_expert": viewer.is_expert,
        "invitable": (
            services.invitable_experts(viewer).exclude(engagements__challenge=challenge)[:200]
            if can_manage and challenge.status in services.INVITABLE_STATUSES
            else []
        ),
        "matches_url": _url_or_none("matching:challenge_matches", challenge.pk)
        if viewer.may_see_matches(challenge)
        else None,
    }
    return render(request, "challenges/challenge_detail.html", context)


@login_required
def challenge_create(request):
    """Let approved municipality staff post a challenge for their municipality."""
    if not viewer_for(request).may_create_challenge():
        raise PermissionDenied
    form = ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        challenge = form.save(commit=False)
        challenge.status = Challenge.Status.OPEN if form.cleaned_data.get("publish") else Challenge.Status.DRAFT
        services.create_challenge(request.user, challenge)
        messages.success(request, _("The challenge was saved."))
        return redirect(challenge)
    return render(request, "challenges/challenge_form.html", {"form": form, "challenge": None})


@login_required
def challenge_edit(request, pk):
    """Let the owning municipality's approved staff edit a challenge."""
    challenge = _visible_challenge(request, pk)
    if not viewer_for(request).may_manage_challenge(challenge):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None, instance=challenge)
    if request.method == "POST" and form.is_valid():
        services.update_challenge(request.user, form.save(commit=False))
        messages.success(request, _("The challenge was saved."))
        return redirect(challenge)
    return render(request, "challenges/challenge_form.html", {"form": form, "challenge": challenge})


@login_required
@require_POST
def challenge_transition(request, pk):
    """Move a challenge along its lifecycle (owning staff only)."""
    challenge = _visible_challenge(request, pk)
    try:
        services.transition(request.user, challenge, request.POST.get("status", ""))
    except services.ChallengeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Status changed to “%(status)s”.") % {"status": challenge.get_status_display()})
    return redirect(challenge)


@login_required
@require_POST
def express_interest(request, pk):
    """Record the signed-in expert's interest in an open challenge."""
    challenge = _visible_challenge(request, pk)
    try:
        services.express_interest(request.user, challenge, request.POST.get("message", "")[:4000])
    except services.ChallengeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your interest was sent to the municipality."))
    return redirect(challenge)


@login_required
@require_POST
def invite(request, pk):
    """Invite an expert to a challenge on behalf of the owning municipality."""
    challenge = _visible_challenge(request, pk)
    if not viewer_for(request).may_manage_challenge(challenge):
        raise PermissionDenied
    expert_id = parse_id(request.POST.get("expert_id", ""))
    expert = services.invitable_experts(request.user).filter(pk=expert_id).first() if expert_id else None
    if expert is None:
        messages.error(request, _("Choose an expert you may invite."))
        return redirect(challenge)
    try:
        services.invite_expert(request.user, challenge, expert, request.POST.get("message", "")[:4000])
    except services.ChallengeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The invitation was sent to %(name)s.") % {"name": expert.name})
    return redirect(challenge)


@login_required
@require_POST
def engagement_respond(request, pk):
    """Accept, decline or withdraw an engagement as one of its two parties."""
    engagement = get_object_or_404(Engagement.objects.select_related("challenge", "expert"), pk=pk)
    if not permissions.can_view_engagement(viewer_for(request), engagement):
        raise Http404
    try:
        services.respond(request.user, engagement, request.POST.get("decision", ""), request.POST.get("note", ""))
    except services.ChallengeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your answer was recorded."))
    return redirect(engagement.challenge)


@login_required
def my_engagements(request):
    """List the interest and invitations the user takes part in, pending ones first, with their answer buttons."""
    viewer = viewer_for(request)
    engagements = services.engagements_for(viewer).order_by("-updated_at")
    rows = [(e, permissions.allowed_responses(viewer, e)) for e in engagements[:200]]
    rows.sort(key=lambda row: not row[1])
    return render(request, "challenges/my_engagements.html", {"engagement_rows": rows})
