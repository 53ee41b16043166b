"""The Viewer: one object per request, one rule per question; the matching pages' permission matrix."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.middleware import ViewerMiddleware
from accounts.viewer import Viewer, as_viewer, viewer_for
from challenges.models import Challenge
from experts.models import ExpertProfile
from tests.factories import ChallengeFactory, ExpertProfileFactory, MunicipalityFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_auto_embed(settings):
    settings.MATCHING_AUTO_EMBED = False


@pytest.fixture
def cities():
    """Alytus and Kaunas, a user per role, and Kaunas's open and draft challenges."""
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    kaunas = MunicipalityFactory(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    editor = UserFactory(username="alytus-editor")
    editor.groups.add(Group.objects.create(name="Alytus editors"))
    users = {
        "member": UserFactory(),
        "expert": ExpertProfileFactory().user,
        "alytus_editor": editor,
        "alytus_staff": StaffFactory(municipality=alytus).user,
        "kaunas_unapproved": StaffFactory(municipality=kaunas, approved=False).user,
        "kaunas_staff": StaffFactory(municipality=kaunas).user,
        "admin": get_user_model().objects.create_superuser("root", "root@example.org", "correct-horse-battery"),
    }
    return {
        "alytus": alytus,
        "kaunas": kaunas,
        "users": users,
        "open": ChallengeFactory(municipality=kaunas, title="Kauno iššūkis", status="open"),
        "draft": ChallengeFactory(municipality=kaunas, title="Kauno juodraštis", status="draft"),
    }


MAY_SEE_MATCHES = {"kaunas_staff", "admin"}
REFUSED = ["member", "expert", "alytus_editor", "alytus_staff", "kaunas_unapproved"]


def matching_requests(challenge, expert_pk):
    """Return (method, url, data) for every matching page of a challenge."""
    return [
        ("get", reverse("matching:challenge_matches", args=[challenge.pk]), {}),
        ("get", reverse("matching:why_not", args=[challenge.pk]), {"expert": str(expert_pk)}),
        ("post", reverse("matching:refresh", args=[challenge.pk]), {}),
    ]


@pytest.mark.parametrize("role", REFUSED)
def test_matching_pages_refuse_everyone_but_own_staff_and_admins(cities, role):
    client = Client(raise_request_exception=False)
    client.force_login(cities["users"][role])
    expert = ExpertProfile.objects.first()
    for method, url, data in matching_requests(cities["open"], expert.pk):
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, (role, url, response.status_code)


@pytest.mark.parametrize("role", ["member", "expert", "alytus_editor", "alytus_staff"])
def test_another_citys_draft_is_not_found(cities, role):
    client = Client(raise_request_exception=False)
    client.force_login(cities["users"][role])
    for method, url, data in matching_requests(cities["draft"], ExpertProfile.objects.first().pk):
        assert getattr(client, method)(url, data).status_code == 404, (role, url)


def test_anonymous_visitors_are_sent_to_log_in(cities):
    client = Client()
    for method, url, data in matching_requests(cities["open"], ExpertProfile.objects.first().pk):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", sorted(MAY_SEE_MATCHES) + REFUSED)
def test_one_rule_answers_who_may_see_matches(cities, role):
    viewer = Viewer(cities["users"][role])
    assert viewer.may_see_matches(cities["open"]) is (role in MAY_SEE_MATCHES)
    assert viewer.may_manage_challenge(cities["open"]) is (role == "kaunas_staff")


def test_challenge_page_links_to_matches_only_for_those_who_may_see_them(cities):
    url = cities["open"].get_absolute_url()
    for role in ("kaunas_staff", "alytus_editor", "alytus_staff"):
        client = Client()
        client.force_login(cities["users"][role])
        page = client.get(url).content.decode()
        matches = reverse("matching:challenge_matches", args=[cities["open"].pk])
        assert (matches in page) is (role == "kaunas_staff"), role


def test_visible_to_takes_a_viewer_or_a_user(cities):
    staff = cities["users"]["kaunas_staff"]
    outsider = cities["users"]["alytus_staff"]
    assert set(Challenge.objects.visible_to(Viewer(staff))) == set(Challenge.objects.visible_to(staff))
    assert cities["draft"] in Challenge.objects.visible_to(Viewer(staff))
    assert cities["draft"] not in Challenge.objects.visible_to(Viewer(outsider))
    hidden = ExpertProfileFactory(visibility="staff")
    assert hidden in ExpertProfile.objects.visible_to(Viewer(staff))
    assert hidden not in ExpertProfile.objects.visible_to(Viewer(cities["users"]["member"]))
    assert hidden not in ExpertProfile.objects.visible_to(None)


def test_cv_and_visibility_rules(cities):
    staff_only = ExpertProfileFactory(visibility="staff")
    hidden = ExpertProfileFactory(visibility="hidden")
    owner = Viewer(hidden.user)
    staff = Viewer(cities["users"]["kaunas_staff"])
    member = Viewer(cities["users"]["member"])
    admin = Viewer(cities["users"]["admin"])
    assert staff.may_read_cv(staff_only) and not member.may_read_cv(staff_only)
    assert not staff.may_read_cv(hidden) and owner.may_read_cv(hidden) and admin.may_read_cv(hidden)
    assert member.expert_visibility_levels() == ("public",)
    assert staff.expert_visibility_levels() == ("public", "staff")


def test_the_viewer_is_computed_once_per_request(cities, django_assert_num_queries):
    staff = cities["users"]["kaunas_staff"]
    request = RequestFactory().get("/")
    request.user = staff
    ViewerMiddleware(lambda r: None)(request)
    assert viewer_for(request) is request.viewer
    assert as_viewer(request) is request.viewer
    with django_assert_num_queries(1):
        for _ in range(5):
            request.viewer.may_see_matches(cities["open"])
            request.viewer.may_manage_challenge(cities["open"])
            assert request.viewer.municipality == cities["kaunas"]
    # A viewer built for another user (e.g. before an API authenticated the request) is replaced.
    request.user = cities["users"]["admin"]
    assert viewer_for(request).is_admin and viewer_for(request) is request.viewer


def test_roles_module_still_answers_for_plain_users(cities):
    from accounts import roles

    assert roles.approved_municipality(cities["users"]["kaunas_staff"]) == cities["kaunas"]
    assert roles.is_city_editor(cities["users"]["alytus_editor"])
    assert not roles.is_approved_staff(cities["users"]["kaunas_unapproved"])
    assert roles.roles_of(cities["users"]["admin"])[-1] == "platform_admin"
    assert Viewer(cities["users"]["alytus_editor"]).editor_cities == ("Alytus",)
