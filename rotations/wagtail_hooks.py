"""Wagtail admin: working meetings as snippets (groups, tables and slots edited inline)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from rotations.models import WorkingMeeting


class WorkingMeetingViewSet(SnippetViewSet):
    """Edit working meetings with their groups, tables and time slots."""

    model = WorkingMeeting
    icon = "group"
    menu_label = _("Working meetings")
    menu_order = 360
    add_to_admin_menu = True
    list_display = ["title", "event"]


register_snippet(WorkingMeetingViewSet)
