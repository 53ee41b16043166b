"""Public views of the ideas platform; each one checks permissions and calls services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.request_params import parse_id
from common.translations import default_language_version
from home.models import CallForIdeasPage

from . import services
from .forms import BallotForm, FlagForm, IdeaForm
from .models import Ballot, CallSettings, Follow, Idea, IdeaAttachment, Phase


def get_call(call_id):
    """Return the live call (in its default-language version) or 404."""
    call = get_object_or_404(CallForIdeasPage.objects.live(), pk=call_id)
    return default_language_version(call)


def call_context(call, request):
    """Return the context shared by the call's pages (phase, settings, localised call page)."""
    conf = services.call_settings(call)
    localized = call.localized
    return {
        "call": call,
        "call_page": localized,
        "conf": conf,
        "phase": conf.phase(),
        "Phase": Phase,
        "can_moderate": services.can_moderate(request.user, call),
    }


@login_required
def submit(request, call_id, pk=None):
    """Let a member write, save as a draft and submit an idea while the call is open."""
    if pk is not None:
        idea = get_object_or_404(Idea, pk=pk)
        if idea.author_id != request.user.pk:
            raise PermissionDenied
        call = idea.call
    else:
        call = get_call(call_id)
        idea = Idea(call=call, author=request.user, language=request.LANGUAGE_CODE)
    context = call_context(call, request)
    if context["phase"] != Phase.SUBMISSION:
        messages.error(request, _("The call is not accepting ideas now."))
        return redirect(context["call_page"].url or "/")
    if not idea.editable_by_author:
        messages.error(request, _("This idea has already been moderated and can no longer be edited."))
        return redirect("ideas:detail", pk=idea.pk)
    form = IdeaForm(request.POST or None, request.FILES or None, instance=idea, call_settings=context["conf"])
    if request.method == "POST" and form.is_valid():
        submit_now = "submit" in request.POST
        try:
            idea = services.save_idea_with_files(
                form.save(commit=False),
                request.user,
                submit=submit_now,
                images=form.cleaned_data["images"],
                attachments=form.cleaned_data["attachments"],
            )
        except services.IdeasError as exc:
            form.add_error(None, str(exc))
        else:
            if submit_now:
                messages.success(request, _("Your idea was submitted; the moderators will review it."))
            else:
                messages.success(request, _("Your draft was saved."))
            return redirect("ideas:detail", pk=idea.pk)
    context.update(form=form, idea=idea, similar_url=reverse("ideas:similar", args=[call.pk]))
    return render(request, "ideas/idea_form.html", context)


def detail(request, pk):
    """Show an idea: public once accepted, otherwise to its author and the call's editors only."""
    idea = get_object_or_404(Idea.objects.select_related("call", "author", "merged_into"), pk=pk)
    context = call_context(idea.call, request)
    is_author = request.user.is_authenticated and idea.author_id == request.user.pk
    if idea.status != Idea.Status.ACCEPTED and not (is_author or context["can_moderate"]):
        if idea.status == Idea.Status.MERGED and idea.merged_into_id:
            return redirect("ideas:detail", pk=idea.merged_into_id)
        raise Http404
    supported = following = False
    if request.user.is_authenticated:
        supported = Ballot.objects.filter(call=idea.call, voter=request.user, ideas=idea).exists()
        following = Follow.objects.filter(idea=idea, user=request.user).exists()
    context.update(
        idea=idea,
        is_author=is_author,
        supported=supported,
        following=following,
        supports=idea.ballots.count() if context["conf"].ballot_type == CallSettings.BallotType.SUPPORTS else None,
        flag_form=FlagForm(),
        ballot_form=BallotForm(call_settings=context["conf"]),
        updates=idea.updates.all(),
    )
    return render(request, "ideas/idea_detail.html", context)


@login_required
def mine(request):
    """List the member's own ideas with their moderation status."""
    ideas = Idea.objects.filter(author=request.user).select_related("call")
    return render(request, "ideas/my_ideas.html", {"ideas": ideas})


@login_required
@require_POST
def flag(request, pk):
    """Record a member's flag for the moderators."""
    idea = get_object_or_404(Idea.objects.accepted(), pk=pk)
    form = FlagForm(request.POST)
    if form.is_valid():
        services.flag_idea(idea, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Thank you; the moderators will look at this idea."))
    else:
        messages.error(request, _("Say why the idea should be looked at."))
    return redirect("ideas:detail", pk=pk)


@login_required
@require_POST
def follow(request, pk):
    """Start or stop following a winning idea's implementation."""
    idea = get_object_or_404(Idea.objects.accepted(), pk=pk)
    on = request.POST.get("on") == "1"
    services.follow(idea, request.user, on)
    messages.success(request, _("You are following this idea.") if on else _("You no longer follow this idea."))
    return redirect("ideas:detail", pk=pk)


@login_required
@require_POST
def support(request, pk):
    """Add or withdraw a support for an idea (calls with a supports ballot)."""
    idea = get_object_or_404(Idea.objects.accepted(), pk=pk)
    conf = services.call_settings(idea.call)
    if conf.ballot_type != CallSettings.BallotType.SUPPORTS:
        return redirect("ideas:ballot", call_id=idea.call_id)
    try:
        services.support(
            idea.call,
            request.user,
            idea,
            request.POST.get("tie", ""),
            request.POST.get("code", ""),
            add=request.POST.get("on", "1") == "1",
        )
    except services.IdeasError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your support was recorded."))
    return redirect("ideas:detail", pk=pk)


@require_GET
def similar(request, call_id):
    """Return existing ideas similar to a draft's title and summary, as JSON for the form's hint list."""
    call = get_call(call_id)
    title = request.GET.get("title", "")[:200]
    summary = request.GET.get("summary", "")[:600]
    exclude = request.GET.get("exclude")
    found = services.similar_ideas(call, title, summary, exclude_pk=parse_id(exclude), user=request.user)
    return JsonResponse(
        {
            "results": [
                {
                    "id": idea.pk,
                    "title": idea.title,
                    "score": round(score, 3),
                    "url": reverse("ideas:detail", args=[idea.pk]),
                }
                for idea, score in found
            ]
        }
    )


def ballot(request, call_id):
    """Show and accept the voter's ballot during the voting phase; a ballot can be changed until voting closes."""
    call = get_call(call_id)
    context = call_context(call, request)
    conf = context["conf"]
    ideas = list(services.ballot_ideas(call))
    existing = None
    if request.user.is_authenticated:
        existing = Ballot.objects.filter(call=call, voter=request.user).prefetch_related("ideas").first()
    initial = {}
    if existing:
        initial = {"ideas": [str(i.pk) for i in existing.ideas.all()], "tie": existing.tie}
    form = BallotForm(request.POST or None, initial=initial, ideas=ideas, call_settings=conf)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                _ballot, created = services.cast_ballot(
                    call,
                    request.user,
                    form.cleaned_data["ideas"],
                    form.cleaned_data["tie"],
                    form.cleaned_data.get("code", ""),
                )
            except services.IdeasError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("Your ballot was saved.") if created else _("Your ballot was updated."))
                return redirect("ideas:ballot", call_id=call.pk)
        else:
            status = 400
    context.update(form=form, ideas=ideas, existing=existing, budget=call.budget)
    return render(request, "ideas/ballot.html", context, status=status)


def _results_allowed(request, call, context):
    if context["phase"] != Phase.RESULTS and not context["can_moderate"]:
        raise Http404


def results(request, call_id):
    """Show totals, charts, the winning set and why each idea won or not under both rules."""
    call = get_call(call_id)
    context = call_context(call, request)
    _results_allowed(request, call, context)
    res = services.compute_results(call)
    context.update(
        services.results_rows(res),
        res=res,
        prizes=Idea.objects.for_call(call).accepted().filter(is_winner=True),
        rule_labels=dict(CallSettings.Rule.choices),
        uses_budget=context["conf"].uses_budget,
    )
    return render(request, "ideas/results.html", context)


def results_csv(request, call_id):
    """Download the results as CSV for the council."""
    call = get_call(call_id)
    context = call_context(call, request)
    _results_allowed(request, call, context)
    response = HttpResponse(
        services.results_csv(services.compute_results(call)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="results-{call.slug}.csv"'
    return response


@login_required
def export_pb(request, call_id):
    """Download the call's projects and ballots as a pabulib file (editors of the call only)."""
    call = get_call(call_id)
    if not services.can_moderate(request.user, call):
        raise PermissionDenied
    response = HttpResponse(services.export_pb(call), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{call.slug}.pb"'
    return response


def attachment(request, pk):
    """Serve an attachment from private storage when the idea is public or the viewer is its author or editor."""
    item = get_object_or_404(IdeaAttachment.objects.select_related("idea"), pk=pk)
    idea = item.idea
    allowed = idea.status == Idea.Status.ACCEPTED or (
        request.user.is_authenticated
        and (idea.author_id == request.user.pk or services.can_moderate(request.user, idea.call))
    )
    if not allowed:
        raise Http404
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
