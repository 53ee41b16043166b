"""Who the current user is for this platform, computed once per request, and one rule per permission question.

`ViewerMiddleware` attaches `request.viewer`; views ask it (`request.viewer.may_see_matches(challenge)`) and
querysets take it (`Challenge.objects.visible_to(request.viewer)`). Each fact (staff membership, editor
groups, expert profile) is one query the first time it is needed and free afterwards.
"""

from functools import cached_property

from django.apps import apps

# Expert profile visibility levels (experts.models.Visibility values), repeated here so accounts does
# not import experts (experts imports accounts).
PUBLIC, STAFF, HIDDEN = "public", "staff", "hidden"


class Viewer:
    """The platform roles of one user (or of an anonymous visitor)."""

    def __init__(self, user=None):
        self.user = user

    def __repr__(self):
        return f"<Viewer user={self.user_id}>"

    # --- Facts ---

    @cached_property
    def is_member(self):
        """Return True for any signed-in user."""
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def user_id(self):
        """Return the user's id, or None for anonymous visitors."""
        return self.user.pk if self.is_member else None

    @cached_property
    def is_admin(self):
        """Return True for platform administrators: superusers and Django staff users."""
        return self.is_member and bool(self.user.is_superuser or self.user.is_staff)

    @cached_property
    def staff_membership(self):
        """Return the user's StaffMembership (approved or not), or None."""
        if not self.is_member:
            return None
        # By label: challenges.models imports this module.
        model = apps.get_model("challenges", "StaffMembership")
        return model.objects.filter(user_id=self.user_id).select_related("municipality").first()

    @property
    def is_approved_staff(self):
        """Return True for municipality staff a platform administrator has approved."""
        membership = self.staff_membership
        return bool(membership and membership.approved)

    @property
    def municipality(self):
        """Return the municipality of approved staff, or None."""
        return self.staff_membership.municipality if self.is_approved_staff else None

    @property
    def municipality_id(self):
        """Return the id of the approved staff member's municipality, or None."""
        return self.staff_membership.municipality_id if self.is_approved_staff else None

    @property
    def is_coordinator(self):
        """Return True for approved staff flagged as their municipality's coordinator."""
        return self.is_approved_staff and bool(self.staff_membership.is_coordinator)

    @cached_property
    def editor_cities(self):
        """Return the city names of the user's Wagtail "<City> editors" groups."""
        if not self.is_member:
            return ()
        names = self.user.groups.filter(name__iendswith=" editors").values_list("name", flat=True)
        return tuple(sorted(name[: -len(" editors")] for name in names))

    @property
    def is_city_editor(self):
        """Return True for members of a "... editors" group, and for superusers."""
        return self.is_member and bool(self.user.is_superuser or self.editor_cities)

    @cached_property
    def expert_profile(self):
        """Return the user's ExpertProfile, or None."""
        if not self.is_member:
            return None
        return apps.get_model("experts", "ExpertProfile").objects.filter(user_id=self.user_id).first()

    @property
    def expert_profile_id(self):
        """Return the id of the user's expert profile, or None."""
        return self.expert_profile.pk if self.expert_profile else None

    @property
    def is_expert(self):
        """Return True for a member with an expert profile they consented to publish."""
        return self.expert_profile is not None and self.expert_profile.consent_given_at is not None

    # --- Rules: one per question ---

    def expert_visibility_levels(self):
        """Return the profile visibility levels this viewer may see in others' consented profiles."""
        if self.is_admin:
            return (PUBLIC, STAFF, HIDDEN)
        if self.is_approved_staff:
            return (PUBLIC, STAFF)
        return (PUBLIC,)

    def owns_profile(self, profile):
        """Return True when the viewer owns the expert profile."""
        return self.is_member and profile.user_id == self.user_id

    def may_see_profile(self, profile):
        """Return True when the viewer may open the profile (the rule of ExpertProfile.objects.visible_to)."""
        if self.is_admin or self.owns_profile(profile):
            return True
        return profile.consent_given_at is not None and profile.visibility in self.expert_visibility_levels()

    def may_read_cv(self, profile):
        """Return True when the viewer may read CV text, CV file and e-mail: owner, admins, approved staff."""
        if self.is_admin or self.owns_profile(profile):
            return True
        return self.is_approved_staff and self.may_see_profile(profile)

    def may_search_private_text(self):
        """Return True when directory search may look inside CV text (staff and admins)."""
        return self.is_admin or self.is_approved_staff

    def may_create_challenge(self):
        """Return True for approved municipality staff, the only people who post challenges."""
        return self.is_approved_staff

    def may_manage_challenge(self, challenge):
        """Return True for approved staff of the municipality that owns the challenge."""
        return self.is_approved_staff and challenge.municipality_id == self.municipality_id

    def may_see_draft_challenges_of(self, municipality_id):
        """Return True when the viewer may see the municipality's draft challenges."""
        return self.is_admin or (self.is_approved_staff and municipality_id == self.municipality_id)

    def may_edit_page(self, page):
        """Return True for platform admins and for editors Wagtail lets edit this page (its city's editors).

        Campaign organisers, award organisers and working-meeting managers are decided by this one rule.
        """
        return self.is_admin or (self.is_member and page.permissions_for_user(self.user).can_edit())

    def may_see_matches(self, challenge):
        """Return True when the viewer may see a challenge's suggested experts and their evidence.

        Matching shows CV sentences, so it is for the challenge's own municipality staff and platform admins
        only; an editor of another city's pages is not staff of this municipality.
        """
        return self.is_admin or self.may_manage_challenge(challenge)

    def roles(self):
        """Return the role keys the viewer holds, for display on the dashboard."""
        checks = [
            ("member", self.is_member),
            ("expert", self.is_expert),
            ("staff", self.staff_membership is not None),
            ("approved_staff", self.is_approved_staff),
            ("coordinator", self.is_coordinator),
            ("city_editor", self.is_city_editor),
            ("platform_admin", self.is_admin),
        ]
        return [key for key, held in checks if held]


def as_viewer(who):
    """Return `who` as a Viewer: a Viewer, a request (its cached viewer), a user, or None (anonymous)."""
    if isinstance(who, Viewer):
        return who
    if hasattr(who, "META") or hasattr(who, "_request"):
        return viewer_for(who)
    return Viewer(who)


def viewer_for(request):
    """Return the request's Viewer, computing it once and checking it still describes `request.user`."""
    user = getattr(request, "user", None)
    viewer = getattr(request, "viewer", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    if not isinstance(viewer, Viewer) or viewer.user_id != user_id:
        # DRF authenticates after the middleware ran (token, basic): describe the user it settled on.
        viewer = Viewer(user)
        try:
            request.viewer = viewer
        except AttributeError:
            pass
    return viewer
