from django.contrib import admin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only view of the outbox, for operators checking that nothing is stuck after an outage."""

    list_display = ("pk", "task", "created_at", "attempts", "available_at", "sent_at", "last_error")
    list_filter = ("task", ("sent_at", admin.EmptyFieldListFilter))
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        """Rows are written by common.outbox.enqueue only."""
        return False

    def has_change_permission(self, request, obj=None):
        """Rows are changed by the drainer only."""
        return False
