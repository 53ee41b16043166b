"""Pages: ranked experts for a challenge, refresh, a why-not check, and an expert's recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.request_params import parse_id
from accounts.viewer import viewer_for
from challenges.models import Challenge
from experts.models import ExpertProfile
from matching import explain, services, tasks
from matching.models import Embedding


def _challenge_for(request, pk):
    """Return a challenge the viewer may see matches for (viewer.may_see_matches), or raise 404/403."""
    viewer = viewer_for(request)
    challenge = get_object_or_404(Challenge.objects.visible_to(viewer).select_related("municipality"), pk=pk)
    if not viewer.may_see_matches(challenge):
        raise PermissionDenied
    return challenge


def _url_or_none(name, *args):
    """Reverse a URL owned by another app, or None while it does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _rows(suggestions, invitable_ids, challenge_id=None):
    """Return template rows: the suggestion, its explanation and whether an invitation is possible."""
    return [
        {
            "s": s,
            "why": explain.for_suggestion(s, challenge_id),
            "profile_id": int(s.id),
            "can_invite": int(s.id) in invitable_ids,
        }
        for s in suggestions
    ]


@login_required
def challenge_matches(request, pk):
    """Show the ranked experts for a challenge, with explanations and an invite action."""
    challenge = _challenge_for(request, pk)
    result = services.suggestions_for_challenge(challenge, request.user)
    invite_url = None
    invitable_ids = set()
    viewer = viewer_for(request)
    if viewer.may_manage_challenge(challenge):
        invite_url = _url_or_none("challenges:invite", challenge.pk)
        if invite_url:
            from challenges import services as challenge_services

            invitable_ids = set(challenge_services.invitable_experts(request.user).values_list("pk", flat=True))
    experts = ExpertProfile.objects.visible_to(viewer).order_by("name")
    return render(
        request,
        "matching/challenge_matches.html",
        {
            "challenge": challenge,
            "result": result,
            "rows": _rows(result.suggestions, invitable_ids, str(challenge.pk)),
            "weak_rows": _rows(result.also_relevant, invitable_ids, str(challenge.pk)),
            "invite_url": invite_url,
            "challenge_url": _url_or_none("challenges:detail", challenge.pk),
            "experts": experts,
        },
    )


@login_required
@require_POST
def refresh_matches(request, pk):
    """Queue re-embedding of the challenge and of every profile not embedded yet."""
    challenge = _challenge_for(request, pk)
    tasks.embed_challenge.delay(challenge.pk, force=True)
    done = set(Embedding.objects.filter(kind=Embedding.Kind.EXPERT).values_list("object_id", flat=True))
    for profile_id in ExpertProfile.objects.suggestable().exclude(pk__in=done).values_list("pk", flat=True):
        tasks.embed_expert.delay(profile_id)
    messages.success(request, _("The recommendations are being refreshed."))
    return redirect("matching:challenge_matches", pk=challenge.pk)


@login_required
def why_not(request, pk):
    """Explain why a given expert is, or is not, suggested for a challenge."""
    challenge = _challenge_for(request, pk)
    expert_id = parse_id(request.GET.get("expert", ""))
    if expert_id is None:
        raise Http404
    profile = get_object_or_404(ExpertProfile.objects.visible_to(viewer_for(request)), pk=expert_id)
    result = services.why_not(challenge, profile, request.user)
    return render(
        request,
        "matching/why_not.html",
        {
            "challenge": challenge,
            "profile": profile,
            "result": result,
            "lines": explain.why_not_lines(result),
            "why": explain.for_suggestion(result.suggestion, str(challenge.pk)) if result.suggestion else None,
        },
    )


@login_required
def my_recommendations(request):
    """Show the signed-in expert the open challenges that fit them best, with reasons."""
    profile = viewer_for(request).expert_profile
    if profile is None:
        raise Http404
    recommendations = services.recommendations_for_expert(profile, top=20)
    return render(request, "matching/my_recommendations.html", {"recommendations": recommendations, "profile": profile})
