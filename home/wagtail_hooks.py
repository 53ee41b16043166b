"""Wagtail admin: editors see who registered for their events."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventRegistration


class EventRegistrationViewSet(SnippetViewSet):
    """Attendee lists, filterable by event, exportable as CSV/XLSX from the listing."""

    model = EventRegistration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "event", "occurrence_start", "language", "created_at"]
    list_filter = ["event", "language"]
    list_export = ["name", "email", "event", "occurrence_start", "language", "created_at"]
    search_fields = ["name", "email"]
    ordering = ["-created_at"]


register_snippet(EventRegistrationViewSet)
