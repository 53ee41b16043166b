"""Front-end views: the directory redirect, profile detail, own-profile form, CV download, GDPR export and erasure."""

import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError, RestrictedError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.viewer import viewer_for
from experts import gdpr, services
from experts.forms import EraseAccountForm, ExpertProfileForm
from experts.models import ExpertProfile, ProfileAccessLog, Visibility

logger = logging.getLogger(__name__)


# The directory's old filter values, mapped onto the one expert search's (search.documents.HOURS_BANDS).
LEGACY_PARAMS = {
    ("hours", "1-4"): "1-5",
    ("hours", "5-9"): "6-10",
    ("hours", "10-19"): "11-20",
    ("hours", "20+"): "21+",
}


def directory(request):
    """Redirect permanently to the one expert search, keeping the query string (old filter values mapped)."""
    params = request.GET.copy()
    for (name, old), new in LEGACY_PARAMS.items():
        if params.get(name) == old:
            params[name] = new
    if "can_travel" in params:
        travel = params.get("can_travel")
        if travel in ("true", "1", "on", "yes"):
            params["can_travel"] = "on"
        else:
            params.pop("can_travel")
    query = params.urlencode()
    return redirect(reverse("search:experts") + (f"?{query}" if query else ""), permanent=True)


def detail(request, pk):
    """Show one profile with the fields the viewer may see; log views of non-public profiles."""
    viewer = viewer_for(request)
    profile = get_object_or_404(ExpertProfile.objects.visible_to(viewer).select_related("user"), pk=pk)
    services.record_view(request.user, profile)
    return render(
        request,
        "experts/detail.html",
        {
            "profile": profile,
            "show_private": viewer.may_read_cv(profile),
            "can_download_cv": services.can_download_cv(viewer, profile),
            "is_owner": viewer.owns_profile(profile),
        },
    )


@login_required
def profile_edit(request):
    """Create or edit the signed-in member's own expert profile."""
    profile = ExpertProfile.objects.filter(user=request.user).first()
    creating = profile is None
    if creating:
        # Privacy by default: a new profile is shown to approved staff only until the expert chooses otherwise.
        profile = ExpertProfile(user=request.user, visibility=Visibility.STAFF)
    if request.method == "POST":
        form = ExpertProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            profile = services.save_profile(
                form.save(commit=False),
                remove_old_cv=bool(form.cleaned_data.get("remove_cv")),
                cv_upload=form.cleaned_data.get("cv_upload"),
                cv_inspected=form.cv_inspected,
            )
            messages.success(request, _("Your expert profile has been saved."))
            return redirect("experts:detail", pk=profile.pk)
    else:
        initial = {"name": request.user.get_full_name()} if creating else {}
        form = ExpertProfileForm(instance=profile, initial=initial)
    return render(request, "experts/profile_form.html", {"form": form, "profile": profile, "creating": creating})


def cv_download(request, pk):
    """Serve a stored CV to its owner, approved staff and admins, logging every download by others."""
    viewer = viewer_for(request)
    profile = get_object_or_404(ExpertProfile.objects.visible_to(viewer), pk=pk)
    if not profile.cv_file:
        raise Http404(_("This profile has no CV file."))
    if not services.can_download_cv(viewer, profile):
        raise PermissionDenied
    if not viewer.owns_profile(profile):
        services.log_access(request.user, profile, ProfileAccessLog.Action.CV_DOWNLOAD)
    try:
        handle = profile.cv_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("The CV file is missing.")) from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=profile.cv_file_name or profile.cv_file.name.rsplit("/", 1)[-1],
        content_type=services.cv_content_type(profile),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def export(request):
    """Download a ZIP of everything held about the signed-in member (expert profile or not)."""
    data = gdpr.export_member(request.user, requested_by=request.user)
    response = HttpResponse(data, content_type="application/zip")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    """Erase the signed-in member's expert profile, CV and account after password confirmation."""
    profile = ExpertProfile.objects.filter(user=request.user).first()
    form = EraseAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            gdpr.erase_member(user)
        except (ProtectedError, RestrictedError):
            logger.exception("Erasure of user %s blocked by protected rows", user.pk)
            form.add_error(None, _("Your account could not be erased automatically. Please contact us."))
            return render(request, "experts/erase.html", {"form": form, "profile": profile})
        logout(request)
        messages.success(request, _("Your account and everything held about you have been erased."))
        return redirect("/")
    return render(request, "experts/erase.html", {"form": form, "profile": profile})
