"""Wagtail admin integration: call settings as a snippet, the moderation views and their menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import CallSettings

admin_urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.moderate, name="moderate"),
    path("<int:pk>/update/", admin_views.status_update, name="status_update"),
    path("call/<int:call_id>/codes/", admin_views.codes, name="codes"),
    path("call/<int:call_id>/import/", admin_views.import_pb, name="import_pb"),
    path("call/<int:call_id>/ballots/", admin_views.audit, name="audit"),
]


@hooks.register("register_admin_urls")
def register_ideas_admin_urls():
    """Mount the moderation views at /admin/ideas/ (Wagtail wraps them with its admin-access check)."""
    return [path("ideas/", include((admin_urlpatterns, "ideas_admin"), namespace="ideas_admin"))]


class IdeasMenuItem(MenuItem):
    """Menu item shown to editors who can edit at least one call."""

    def is_shown(self, request):
        return bool(admin_views.moderatable_calls(request.user))


@hooks.register("register_admin_menu_item")
def register_ideas_menu_item():
    """Add “Ideas” to the admin menu."""
    return IdeasMenuItem(_("Ideas"), reverse("ideas_admin:index"), icon_name="comment", order=350)


class CallSettingsViewSet(SnippetViewSet):
    """Per-call configuration: phases, ballot, official rule, eligibility, languages."""

    model = CallSettings
    icon = "cogs"
    menu_label = _("Call settings")
    add_to_admin_menu = False
    list_display = ["call", "ballot_type", "official_rule", "eligibility", "phase_override"]
    copy_view_enabled = False

    def get_queryset(self, request):
        """Show editors only the settings of calls they can edit."""
        qs = CallSettings.objects.select_related("call")
        if request.user.is_superuser:
            return qs
        return qs.filter(call__in=[c.pk for c in admin_views.moderatable_calls(request.user)])


register_snippet(CallSettingsViewSet)
