"""Wagtail admin views: moderation of ideas, voting codes, .pb import and the administrators' ballot audit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from common.translations import default_language_version
from home.models import CallForIdeasPage

from . import services
from .forms import CodesForm, ImportPbForm, ModerationForm, StatusUpdateForm
from .models import Ballot, Idea


def moderatable_calls(user):
    """Return the calls (default-language versions) whose ideas the user may moderate."""
    calls = CallForIdeasPage.objects.all().specific()
    return [
        call for call in calls if default_language_version(call).pk == call.pk and services.can_moderate(user, call)
    ]


def index(request):
    """List ideas of the calls this editor can edit: waiting ones first, then flagged, then the rest."""
    calls = moderatable_calls(request.user)
    status = request.GET.get("status", Idea.Status.SUBMITTED)
    ideas = (
        Idea.objects.filter(call__in=calls)
        .select_related("call", "author")
        .annotate(open_flags=Count("flags", filter=Q(flags__resolved=False)))
    )
    if status == "flagged":
        ideas = ideas.filter(open_flags__gt=0)
    elif status in Idea.Status.values:
        ideas = ideas.filter(status=status)
    return render(
        request,
        "ideas/admin/index.html",
        {"ideas": ideas, "calls": calls, "status": status, "statuses": Idea.Status.choices},
    )


def moderate(request, pk):
    """Show one idea with the moderation form; the city of the call is checked on the server."""
    idea = get_object_or_404(Idea.objects.select_related("call", "author"), pk=pk)
    if not services.can_moderate(request.user, idea.call):
        raise PermissionDenied
    form = ModerationForm(request.POST or None, idea=idea)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderate(
                idea,
                request.user,
                form.cleaned_data["action"],
                form.cleaned_data["message"],
                form.cleaned_data.get("merge_into"),
            )
        except services.IdeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The decision on “%(title)s” was saved.") % {"title": idea.title})
            return redirect("ideas_admin:index")
    return render(
        request,
        "ideas/admin/moderate.html",
        {"idea": idea, "form": form, "update_form": StatusUpdateForm(), "flags": idea.flags.select_related("user")},
    )


def status_update(request, pk):
    """Post an implementation update on an accepted idea; followers are e-mailed by a Celery task."""
    idea = get_object_or_404(Idea.objects.accepted(), pk=pk)
    if not services.can_moderate(request.user, idea.call):
        raise PermissionDenied
    form = StatusUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_status_update(idea, request.user, form.cleaned_data["text"])
        messages.success(request, _("The update was posted and followers will be e-mailed."))
    return redirect("ideas_admin:moderate", pk=pk)


def _editable_call(request, call_id):
    call = default_language_version(get_object_or_404(CallForIdeasPage, pk=call_id))
    if not services.can_moderate(request.user, call):
        raise PermissionDenied
    return call


def codes(request, call_id):
    """Issue one-time voting codes for a call; they are shown once and stored hashed."""
    call = _editable_call(request, call_id)
    form = CodesForm(request.POST or None)
    issued = []
    if request.method == "POST" and form.is_valid():
        issued = services.issue_codes(call, form.cleaned_data["count"])
    stats = {"total": call.voting_codes.count(), "used": call.voting_codes.filter(used_at__isnull=False).count()}
    return render(request, "ideas/admin/codes.html", {"call": call, "form": form, "issued": issued, "stats": stats})


def import_pb(request, call_id):
    """Import projects and ballots from a pabulib file into an empty call."""
    call = _editable_call(request, call_id)
    form = ImportPbForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            text = form.cleaned_data["file"].read().decode("utf-8-sig")
            projects, ballots = services.import_pb(call, text)
        except UnicodeDecodeError:
            form.add_error("file", _("The file must be UTF-8 text."))
        except services.IdeasError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                _("Imported %(projects)s ideas and %(ballots)s ballots.") % {"projects": projects, "ballots": ballots},
            )
            return redirect("ideas_admin:index")
    return render(request, "ideas/admin/import_pb.html", {"call": call, "form": form})


def audit(request, call_id):
    """List every ballot of a call with its voter (administrators only: ballots are secret to everyone else)."""
    if not services.can_audit(request.user):
        raise PermissionDenied
    call = default_language_version(get_object_or_404(CallForIdeasPage, pk=call_id))
    ballots = Ballot.objects.filter(call=call).select_related("voter").prefetch_related("ideas").order_by("created_at")
    return render(request, "ideas/admin/audit.html", {"call": call, "ballots": ballots})
