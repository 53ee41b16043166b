"""Wagtail admin: editors may mark experts as notable compatriots; nothing else about a profile is editable there."""

from django.contrib.auth import get_user_model
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from experts.models import ExpertProfile

FORBIDDEN_ACTIONS = {"add", "delete"}


class ExpertProfileAdminPolicy(ModelPermissionPolicy):
    """Refuse creating and deleting profiles in the admin: experts own their profiles; erasure has its own service."""

    def user_has_permission(self, user, action):
        if action in FORBIDDEN_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in FORBIDDEN_ACTIONS]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class ExpertProfileViewSet(SnippetViewSet):
    model = ExpertProfile
    icon = "user"
    menu_label = _("Experts")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "headline", "country", "visibility", "notable"]
    list_filter = ["notable", "visibility", "country"]
    search_fields = ["name", "headline"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("headline", read_only=True),
        FieldPanel("country", read_only=True),
        FieldPanel("notable"),
    ]


register_permission_policy(ExpertProfile, ExpertProfileAdminPolicy(ExpertProfile))
register_snippet(ExpertProfileViewSet)


class PlatformAdminMenuItem(MenuItem):
    """A menu item only platform administrators (Django staff) see."""

    def is_shown(self, request):
        return request.user.is_staff or request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_access_log_menu_item():
    """Link the read-only audit trail of profile views, CV downloads and exports."""
    return PlatformAdminMenuItem(
        _("Profile access log"),
        reverse_lazy("admin:experts_profileaccesslog_changelist"),
        icon_name="history",
        order=310,
    )
