"""Wagtail admin: municipalities, staff approval and challenges as snippets in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from challenges.models import Challenge, Engagement, Municipality, StaffMembership


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "city_name", "slug", "city_page"]
    search_fields = ["name", "city_name"]
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("city_name"), FieldPanel("slug"), FieldPanel("city_page")]


class StaffMembershipViewSet(SnippetViewSet):
    """Platform administrators approve municipality staff here by ticking "approved"."""

    model = StaffMembership
    icon = "group"
    menu_label = _("Staff approvals")
    list_display = ["user", "municipality", "job_title", "approved", "approved_at", "is_coordinator"]
    list_filter = ["approved", "is_coordinator", "municipality"]
    search_fields = ["user__email", "user__username", "job_title"]
    copy_view_enabled = False
    panels = [
        FieldPanel("user"),
        FieldPanel("municipality"),
        FieldPanel("job_title"),
        FieldRowPanel([FieldPanel("approved"), FieldPanel("is_coordinator")]),
        FieldPanel("approved_at", read_only=True),
    ]


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "tasks"
    list_display = ["title", "municipality", "kind", "status", "deadline"]
    list_filter = ["status", "kind", "municipality", "in_person"]
    search_fields = ["title", "description"]
    copy_view_enabled = False
    panels = [
        FieldPanel("municipality"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("skills_wanted"),
        FieldPanel("languages_required"),
        FieldRowPanel([FieldPanel("hours_needed_per_month"), FieldPanel("in_person"), FieldPanel("deadline")]),
        MultiFieldPanel(
            [
                FieldPanel("department"),
                FieldPanel("places"),
                FieldRowPanel([FieldPanel("shadowing_start"), FieldPanel("shadowing_end")]),
            ],
            heading=_("Job shadowing"),
        ),
        FieldPanel("external_id", read_only=True),
    ]


class EngagementViewSet(SnippetViewSet):
    """Read-mostly overview of interest and invitations; the parties answer them on the site."""

    model = Engagement
    icon = "mail"
    list_display = ["challenge", "expert", "initiated_by", "status", "created_at"]
    list_filter = ["status", "initiated_by"]
    copy_view_enabled = False
    panels = [
        FieldPanel("challenge", read_only=True),
        FieldPanel("expert", read_only=True),
        FieldPanel("initiated_by", read_only=True),
        FieldPanel("status", read_only=True),
        FieldPanel("message", read_only=True),
    ]


class ChallengesGroup(SnippetViewSetGroup):
    items = (ChallengeViewSet, MunicipalityViewSet, StaffMembershipViewSet, EngagementViewSet)
    menu_icon = "tasks"
    menu_label = _("Challenges")
    menu_name = "challenges"
    menu_order = 310


register_snippet(ChallengesGroup)
