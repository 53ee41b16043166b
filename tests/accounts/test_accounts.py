"""Roles, the account dashboard, staff access requests and the allauth pages."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts import roles
from challenges.models import Municipality, StaffMembership
from tests.factories import ExpertProfileFactory, UserFactory, make_staff

pytestmark = pytest.mark.django_db


def en(name, *args):
    """Reverse a URL in English so page text can be compared whatever the catalogues hold."""
    with translation.override("en"):
        return reverse(name, args=args)


def main_of(response):
    """Return the page's main region (the header links to every section)."""
    return response.content.decode().split('<main id="main"', 1)[1]


def test_roles_helpers():
    member = UserFactory()
    expert = ExpertProfileFactory().user
    pending = make_staff(approved=False)
    staff = make_staff(approved=True)
    coordinator = make_staff(approved=True, coordinator=True)
    editor = UserFactory()
    editor.groups.add(Group.objects.create(name="Alytus editors"))
    admin = UserFactory(is_staff=True)
    assert roles.roles_of(member) == ["member"]
    assert roles.is_expert(expert) and not roles.is_expert(member)
    assert roles.staff_membership(pending) is not None and not roles.is_approved_staff(pending)
    assert roles.is_approved_staff(staff) and not roles.is_coordinator(staff)
    assert roles.is_coordinator(coordinator)
    assert roles.is_city_editor(editor) and not roles.is_city_editor(member)
    assert roles.is_platform_admin(admin) and not roles.is_platform_admin(staff)
    assert roles.approved_municipality(staff).city_name == "Alytus"
    assert roles.approved_municipality(pending) is None


def test_anonymous_user_has_no_roles():
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert roles.roles_of(anonymous) == []
    assert roles.staff_membership(anonymous) is None


def test_dashboard_for_expert(client):
    profile = ExpertProfileFactory()
    client.force_login(profile.user)
    body = main_of(client.get(en("accounts:dashboard")))
    assert "Expert" in body
    assert en("experts:profile_edit") in body
    assert en("experts:export") in body
    assert en("experts:erase") in body
    assert en("accounts:request_staff") in body


def test_dashboard_for_approved_staff_links_challenges(client):
    staff = make_staff(approved=True, coordinator=True)
    client.force_login(staff)
    body = main_of(client.get(en("accounts:dashboard")))
    assert "Staff of Alytus municipality" in body
    assert "coordinator" in body
    assert en("challenges:list") in body
    assert en("accounts:request_staff") not in body


def test_dashboard_for_pending_staff(client):
    client.force_login(make_staff(approved=False))
    body = main_of(client.get(en("accounts:dashboard")))
    assert "waiting for approval" in body
    assert en("challenges:list") not in body


def test_request_staff_access_creates_unapproved_membership(client):
    municipality = Municipality.objects.create(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    user = UserFactory()
    client.force_login(user)
    assert client.get(en("accounts:request_staff")).status_code == 200
    response = client.post(en("accounts:request_staff"), {"municipality": municipality.pk, "confirm": "on"})
    assert response.status_code == 302
    membership = StaffMembership.objects.get(user=user)
    assert membership.municipality == municipality
    assert membership.approved is False
    assert not roles.is_approved_staff(user)
    # A second request is refused without a second row.
    client.post(en("accounts:request_staff"), {"municipality": municipality.pk, "confirm": "on"})
    assert StaffMembership.objects.filter(user=user).count() == 1


def test_request_staff_access_requires_a_municipality(client):
    client.force_login(UserFactory())
    response = client.post(en("accounts:request_staff"), {"municipality": "", "confirm": "on"})
    assert response.status_code == 200
    assert not StaffMembership.objects.exists()


def test_request_staff_access_requires_login(client):
    assert client.get(en("accounts:request_staff")).status_code == 302


@pytest.mark.parametrize(
    ("url_name", "text"),
    [
        ("account_login", "Forgot your password?"),
        ("account_signup", "Create account"),
        ("account_reset_password", "Reset your password"),
        ("account_email_verification_sent", "Confirm your e-mail address"),
    ],
)
def test_allauth_pages_use_site_layout(client, url_name, text):
    response = client.get(en(url_name))
    assert response.status_code == 200
    body = response.content.decode()
    assert text in body
    assert 'class="site-header"' in body
    assert '<main id="main"' in body


def test_signup_verify_login_flow(client):
    response = client.post(
        en("account_signup"),
        {"email": "ona@example.org", "password1": "Ilgas-slaptazodis-42", "password2": "Ilgas-slaptazodis-42"},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(word for word in mail.outbox[0].body.split() if "/accounts/confirm-email/" in word)
    path = link.split("testserver", 1)[-1]
    page = client.get(path)
    assert page.status_code == 200
    assert client.post(path).status_code == 302
    response = client.post(en("account_login"), {"login": "ona@example.org", "password": "Ilgas-slaptazodis-42"})
    assert response.status_code == 302
    assert response["Location"].endswith("/account/")
    assert client.get(response["Location"]).status_code == 200


def test_invalid_confirmation_key_shows_clear_message(client):
    response = client.get(en("account_confirm_email", "bogus-key"))
    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()


def test_dashboard_includes_recommendations_when_matching_provides_them(client):
    profile = ExpertProfileFactory()
    client.force_login(profile.user)
    response = client.get(en("accounts:dashboard"))
    assert response.status_code == 200
    assert response.context["show_recommendations"] is True
    assert "Challenges for you" in main_of(response)


def test_dashboard_for_member_without_profile_has_no_recommendations(client):
    client.force_login(UserFactory())
    response = client.get(en("accounts:dashboard"))
    assert response.context["show_recommendations"] is False
    assert "Challenges for you" not in main_of(response)


@pytest.mark.parametrize("url_name", ["account_email", "account_change_password"])
def test_other_allauth_pages_render_in_site_layout(client, url_name):
    client.force_login(UserFactory())
    response = client.get(en(url_name))
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()
