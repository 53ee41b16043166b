"""Wagtail admin: mutual-help clubs with their meetings."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mentoring.models import Club


class ClubViewSet(SnippetViewSet):
    model = Club
    icon = "group"
    menu_label = _("Mutual-help clubs")
    menu_order = 370
    add_to_admin_menu = True
    list_display = ["name", "city"]


register_snippet(ClubViewSet)
