"""Django admin: the same records, with a bulk action to approve municipality staff."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge, Engagement, EngagementEvent, Municipality, StaffMembership


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "city_name", "slug"]
    search_fields = ["name", "city_name"]
    prepopulated_fields = {"slug": ["city_name"]}


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "approved", "approved_at", "is_coordinator"]
    list_filter = ["approved", "is_coordinator", "municipality"]
    search_fields = ["user__email", "user__username"]
    readonly_fields = ["approved_at"]
    autocomplete_fields = ["user"]
    actions = ["approve"]

    @admin.action(description=_("Approve selected staff"))
    def approve(self, request, queryset):
        """Approve the selected memberships, stamping when."""
        queryset.filter(approved=False).update(approved=True, approved_at=timezone.now())


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "kind", "status", "deadline"]
    list_filter = ["status", "kind", "municipality"]
    search_fields = ["title", "external_id"]


class EngagementEventInline(admin.TabularInline):
    model = EngagementEvent
    extra = 0
    readonly_fields = ["status", "actor", "note", "at", "notified_at"]


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ["challenge", "expert", "initiated_by", "status", "created_at"]
    list_filter = ["status", "initiated_by"]
    inlines = [EngagementEventInline]
