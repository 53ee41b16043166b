"""Wagtail admin: editors see who registered for their events and what waits for them."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from common.csvexport import BOM
from common.pagecache import is_anonymous_read, mark_cacheable

from .admin_scope import under_editor_pages
from .models import EventRegistration


class RegistrationIndexView(IndexView):
    """The registrations listing; its CSV starts with a BOM so spreadsheet programs read UTF-8 names."""

    def stream_csv(self, queryset):
        """Yield the CSV lines after a UTF-8 byte-order mark."""
        yield BOM
        yield from super().stream_csv(queryset)


class EventRegistrationViewSet(SnippetViewSet):
    """Attendee lists, filterable by event, exportable as CSV/XLSX; editors see their cities' events only."""

    model = EventRegistration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "event", "occurrence_start", "language", "created_at"]
    list_filter = ["event", "language"]
    list_export = ["name", "email", "event", "occurrence_start", "language", "created_at"]
    export_filename = "registrations"
    export_headings = {
        "name": _("Name"),
        "email": _("E-mail"),
        "event": _("Event"),
        "occurrence_start": _("Occurrence"),
        "language": _("Language"),
        "created_at": _("Registered at"),
    }
    index_view_class = RegistrationIndexView
    search_fields = ["name", "email"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        """Return the registrations for events under the pages this user edits."""
        return EventRegistration.objects.filter(under_editor_pages(request.user, "event")).select_related("event")


register_snippet(EventRegistrationViewSet)

RECENT = timedelta(days=7)


class WaitingForEditorPanel(Component):
    """A dashboard panel: ideas to moderate, new registrations, challenges still in draft, in the editor's cities."""

    name = "waiting_for_editor"
    order = 50
    template_name = "wagtailadmin/home/waiting_for_editor.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        """Count what waits for this editor, city by city."""
        from challenges.models import Challenge
        from ideas.models import Idea

        user = self.request.user
        ideas = Idea.objects.pending().filter(under_editor_pages(user, "call"))
        registrations = EventRegistration.objects.filter(
            under_editor_pages(user, "event"), created_at__gte=timezone.now() - RECENT
        )
        challenges = Challenge.objects.filter(status=Challenge.Status.DRAFT).filter(
            under_editor_pages(user, "municipality__city_page")
        )
        return {
            "ideas": ideas.count(),
            "registrations": registrations.count(),
            "challenges": challenges.count(),
            "latest_registrations": registrations.select_related("event").order_by("-created_at")[:5],
        }


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    """Show editors what waits for them first."""
    panels.insert(0, WaitingForEditorPanel(request))


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Let the anonymous page cache keep this page's response, unless a view restriction guards it."""
    if is_anonymous_read(request) and not page.get_view_restrictions().exists():
        mark_cacheable(request)
