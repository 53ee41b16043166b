"""Permission matrix: role × action on expert profiles → allowed or refused (never a crash)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from experts import services
from experts.models import ExpertProfile, ProfileAccessLog, Visibility
from tests.experts.factories import make_pdf
from tests.factories import PASSWORD, ExpertProfileFactory, UserFactory, make_staff

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "pending_staff", "approved_staff", "editor", "admin", "owner"]


def login_as(client, role, profile):
    """Log the client in as a user holding `role` (relative to `profile`) and return that user."""
    if role == "anonymous":
        return None
    if role == "owner":
        user = profile.user
    elif role == "member":
        user = UserFactory()
    elif role == "pending_staff":
        user = make_staff(approved=False)
    elif role == "approved_staff":
        user = make_staff(approved=True)
    elif role == "editor":
        user = UserFactory()
        user.groups.add(Group.objects.get_or_create(name="Alytus editors")[0])
    elif role == "admin":
        user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def profile_with_cv(visibility):
    profile = ExpertProfileFactory(visibility=visibility, cv_text="PRIVATE-CV-TEXT")
    services.attach_cv(profile, SimpleUploadedFile("cv.pdf", make_pdf("Pipe networks")))
    profile.save()
    return profile


# Expected status of GET experts:detail, per visibility and role.
DETAIL = {
    Visibility.PUBLIC: dict.fromkeys(ROLES, 200),
    Visibility.STAFF: {
        "anonymous": 404, "member": 404, "pending_staff": 404, "approved_staff": 200,
        "editor": 404, "admin": 200, "owner": 200,
    },
    Visibility.HIDDEN: {
        "anonymous": 404, "member": 404, "pending_staff": 404, "approved_staff": 404,
        "editor": 404, "admin": 200, "owner": 200,
    },
}  # fmt: skip

# Expected status of GET experts:cv_download.
CV = {
    Visibility.PUBLIC: {
        "anonymous": 403, "member": 403, "pending_staff": 403, "approved_staff": 200,
        "editor": 403, "admin": 200, "owner": 200,
    },
    Visibility.STAFF: {
        "anonymous": 404, "member": 404, "pending_staff": 404, "approved_staff": 200,
        "editor": 404, "admin": 200, "owner": 200,
    },
    Visibility.HIDDEN: {
        "anonymous": 404, "member": 404, "pending_staff": 404, "approved_staff": 404,
        "editor": 404, "admin": 200, "owner": 200,
    },
}  # fmt: skip

PRIVATE_FIELDS_SHOWN = {"approved_staff", "admin", "owner"}


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("role", ROLES)
def test_profile_detail_by_visibility(client, role, visibility):
    profile = profile_with_cv(visibility)
    login_as(client, role, profile)
    response = client.get(reverse("experts:detail", args=[profile.pk]))
    assert response.status_code == DETAIL[visibility][role]
    if response.status_code == 200:
        body = response.content.decode()
        assert profile.name in body
        assert ("PRIVATE-CV-TEXT" in body) == (role in PRIVATE_FIELDS_SHOWN)
        assert (profile.user.email in body) == (role in PRIVATE_FIELDS_SHOWN)


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("role", ROLES)
def test_cv_download(client, role, visibility):
    profile = profile_with_cv(visibility)
    viewer = login_as(client, role, profile)
    response = client.get(reverse("experts:cv_download", args=[profile.pk]))
    assert response.status_code == CV[visibility][role]
    logs = ProfileAccessLog.objects.filter(profile=profile, action="cv_download")
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert logs.count() == (0 if role == "owner" else 1)
        if role != "owner":
            assert logs.get().viewer == viewer
    else:
        assert logs.count() == 0


def test_cv_is_stored_privately_and_has_no_public_url(settings):
    profile = profile_with_cv(Visibility.PUBLIC)
    path = profile.cv_file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        profile.cv_file.url  # noqa: B018


def test_cv_download_of_profile_without_file_is_404(client):
    profile = ExpertProfileFactory()
    client.force_login(profile.user)
    assert client.get(reverse("experts:cv_download", args=[profile.pk])).status_code == 404


@pytest.mark.parametrize("role", ["approved_staff", "admin"])
def test_viewing_non_public_profile_is_logged(client, role):
    profile = ExpertProfileFactory(visibility=Visibility.STAFF)
    viewer = login_as(client, role, profile)
    client.get(reverse("experts:detail", args=[profile.pk]))
    entry = ProfileAccessLog.objects.get(profile=profile)
    assert (entry.viewer, entry.action, entry.viewer_email) == (viewer, "view", viewer.email)


def test_viewing_public_or_own_profile_is_not_logged(client):
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    own = ExpertProfileFactory(visibility=Visibility.STAFF)
    make_staff(user=own.user)  # the owner is also approved staff
    client.force_login(own.user)
    client.get(reverse("experts:detail", args=[public.pk]))
    client.get(reverse("experts:detail", args=[own.pk]))
    assert ProfileAccessLog.objects.count() == 0


@pytest.mark.parametrize("role", ["anonymous", "member", "approved_staff"])
def test_directory_shows_only_allowed_profiles_and_fields(client, role):
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC, name="Public Person", cv_text="SECRET-WORDS")
    staff_only = ExpertProfileFactory(visibility=Visibility.STAFF, name="Staff Person")
    hidden = ExpertProfileFactory(visibility=Visibility.HIDDEN, name="Hidden Person")
    unconsented = ExpertProfileFactory(visibility=Visibility.PUBLIC, name="No Consent", consent_given_at=None)
    login_as(client, role, public)
    body = client.get(reverse("experts:directory"), follow=True).content.decode()
    assert public.name in body
    assert (staff_only.name in body) == (role == "approved_staff")
    assert hidden.name not in body
    assert unconsented.name not in body
    assert public.user.email not in body
    assert "SECRET-WORDS" not in body
    # Free text must not search CV text for viewers who may not read it.
    found = client.get(reverse("experts:directory"), {"q": "SECRET-WORDS"}, follow=True).content.decode()
    assert (public.name in found) == (role == "approved_staff")


def test_owner_sees_own_hidden_profile_in_directory(client):
    own = ExpertProfileFactory(visibility=Visibility.HIDDEN, name="Myself Hidden")
    client.force_login(own.user)
    assert "Myself Hidden" in client.get(reverse("experts:directory"), follow=True).content.decode()


@pytest.mark.parametrize("url_name", ["experts:profile_edit", "experts:export", "experts:erase", "accounts:dashboard"])
def test_own_account_pages_require_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_export_and_erase_act_only_on_own_profile(client):
    mine = ExpertProfileFactory(name="Mine")
    other = ExpertProfileFactory(name="Other")
    client.force_login(mine.user)
    response = client.get(reverse("experts:export"))
    assert response.status_code == 200
    assert b"Other" not in response.content
    client.post(reverse("experts:erase"), {"password": PASSWORD})
    assert ExpertProfile.objects.filter(pk=other.pk).exists()
    assert not ExpertProfile.objects.filter(pk=mine.pk).exists()


def test_member_without_profile_gets_an_export_too(client):
    import io
    import zipfile

    client.force_login(UserFactory())
    response = client.get(reverse("experts:export"))
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "account.json" in names and "profile.json" not in names


def test_expert_cannot_set_notable_from_front_end(client):
    profile = ExpertProfileFactory(notable=False)
    client.force_login(profile.user)
    data = {
        "name": profile.name, "headline": "h", "cv_text": "", "competencies": "", "languages": "lt",
        "help_topics": "", "hours_per_month": 3, "country": "GB", "city_ties": "", "visibility": "public",
        "consent": "on", "notable": "on",
    }  # fmt: skip
    response = client.post(reverse("experts:profile_edit"), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.headline == "h"
    assert profile.notable is False


def test_visible_to_queryset_matches_detail_rules():
    owner_profile = ExpertProfileFactory(visibility=Visibility.HIDDEN)
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    staff_only = ExpertProfileFactory(visibility=Visibility.STAFF)
    staff = make_staff()
    assert set(ExpertProfile.objects.visible_to(None)) == {public}
    assert set(ExpertProfile.objects.visible_to(staff)) == {public, staff_only}
    assert set(ExpertProfile.objects.visible_to(owner_profile.user)) == {public, owner_profile}
    assert set(ExpertProfile.objects.suggestable()) == {public, staff_only}


def test_wagtail_admin_lets_editors_set_notable_only(client):
    from django.contrib.auth.models import Permission

    profile = ExpertProfileFactory(notable=False, headline="Original")
    editor = UserFactory()
    group = Group.objects.get_or_create(name="Alytus editors")[0]
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="change_expertprofile")
    )
    editor.groups.add(group)
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_experts_expertprofile:edit", args=[profile.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"notable": "on", "headline": "Changed by editor", "name": "Changed"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.notable is True
    assert (profile.headline, profile.name) != ("Changed by editor", "Changed")
    # Creating or deleting profiles in the admin is refused even to superusers.
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("wagtailsnippets_experts_expertprofile:add")).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_experts_expertprofile:delete", args=[profile.pk])).status_code in (
        302,
        403,
    )
    assert ExpertProfile.objects.filter(pk=profile.pk).exists()


def test_access_log_is_read_only_in_django_admin(client):
    profile = ExpertProfileFactory(visibility=Visibility.STAFF)
    staff = make_staff()
    services.log_access(staff, profile, ProfileAccessLog.Action.VIEW)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:experts_profileaccesslog_changelist"))
    assert listing.status_code == 200
    assert staff.email in listing.content.decode()
    assert client.get(reverse("admin:experts_profileaccesslog_add")).status_code == 403
