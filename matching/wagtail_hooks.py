"""Wagtail admin: a "Match index" page showing rebuild progress, from which admins start a rebuild."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from matching.models import Embedding, IndexBuildRun


def _is_admin(user):
    """Return True for platform administrators (superusers and Django staff)."""
    return user.is_active and (user.is_superuser or user.is_staff)


def index_status(request):
    """Show the recent index builds with their progress; POST starts a new build."""
    if not _is_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        from matching import tasks

        run = IndexBuildRun.objects.create()
        tasks.rebuild_index.delay(run.pk, force=request.POST.get("force") == "1")
        messages.success(request, _("The match index rebuild has started."))
        return redirect("matching_index_status")
    runs = list(IndexBuildRun.objects.all()[:20])
    context = {
        "runs": runs,
        "running": any(r.status == IndexBuildRun.Status.RUNNING for r in runs),
        "experts": Embedding.objects.filter(kind=Embedding.Kind.EXPERT).count(),
        "challenges": Embedding.objects.filter(kind=Embedding.Kind.CHALLENGE).count(),
    }
    return TemplateResponse(request, "matching/admin/index_status.html", context)


@hooks.register("register_admin_urls")
def register_admin_urls():
    """Mount the index status page in the Wagtail admin."""
    return [path("matching/index/", index_status, name="matching_index_status")]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return _is_admin(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    """Add the page to the Settings menu for platform administrators."""
    return AdminOnlyMenuItem(gettext_lazy("Match index"), reverse("matching_index_status"), icon_name="resubmit")
