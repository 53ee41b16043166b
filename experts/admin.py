"""Django admin: the read-only audit trail of who viewed, downloaded or exported expert data."""

from django.contrib import admin

from experts.models import ProfileAccessLog


@admin.register(ProfileAccessLog)
class ProfileAccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "viewer_email", "action", "profile"]
    list_filter = ["action", "at"]
    search_fields = ["viewer_email", "profile__name"]
    date_hierarchy = "at"
    list_select_related = ["profile"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
