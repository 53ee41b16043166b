"""Public list and detail pages: filters, defaults, pages that render for everyone."""

import pytest
from django.urls import reverse

from challenges import permissions
from tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return {c.title for c in response.context["challenges"]}


def test_list_shows_open_challenges_by_default(client, world):
    ChallengeFactory(municipality=world["home"], status="closed", title="Uždarytas")
    ChallengeFactory(municipality=world["home"], status="in_progress", title="Vykdomas")
    response = client.get(reverse("challenges:list"))
    assert response.status_code == 200
    assert titles(response) == {"Atviras iššūkis"}


def test_list_filters_by_status_kind_and_municipality(client, world):
    ChallengeFactory(municipality=world["home"], status="closed", title="Uždarytas")
    ChallengeFactory(municipality=world["other"], kind="mentoring", title="Kauno mentorystė")
    assert titles(client.get(reverse("challenges:list"), {"status": "closed"})) == {"Uždarytas"}
    assert titles(client.get(reverse("challenges:list"), {"kind": "mentoring"})) == {"Kauno mentorystė"}
    assert titles(client.get(reverse("challenges:list"), {"municipality": "kaunas"})) == {"Kauno mentorystė"}
    assert titles(client.get(reverse("challenges:list"), {"status": ""})) == {
        "Atviras iššūkis",
        "Uždarytas",
        "Kauno mentorystė",
    }


def test_bad_filter_values_do_not_crash(client, world):
    response = client.get(reverse("challenges:list"), {"kind": "nonsense", "municipality": "nowhere", "page": "x"})
    assert response.status_code == 200


def test_draft_filter_shows_own_drafts_only_to_owners(client, world):
    assert titles(client.get(reverse("challenges:list"), {"status": "draft"})) == set()
    client.force_login(world["users"]["own_staff"])
    assert titles(client.get(reverse("challenges:list"), {"status": "draft"})) == {"Slaptas juodraščio pavadinimas"}


def test_detail_in_both_languages(client, world):
    for language in ("lt", "en"):
        response = client.get(f"/{language}/challenges/{world['open'].pk}/")
        assert response.status_code == 200
        assert response.context["challenge"] == world["open"]


def test_missing_challenge_is_404(client, world):
    assert client.get(reverse("challenges:detail", args=[999999])).status_code == 404


def test_staff_see_management_controls_others_do_not(client, world):
    url = reverse("challenges:detail", args=[world["open"].pk])
    edit = reverse("challenges:edit", args=[world["open"].pk])
    client.force_login(world["users"]["other_staff"])
    assert edit not in client.get(url).content.decode()
    client.force_login(world["users"]["own_staff"])
    body = client.get(url).content.decode()
    assert edit in body
    assert 'name="expert_id"' in body and f'value="{world["expert"].pk}"' in body


def test_create_link_for_approved_staff_only(client, world):
    create = reverse("challenges:create")
    assert create not in client.get(reverse("challenges:list")).content.decode()
    client.force_login(world["users"]["own_staff"])
    assert create in client.get(reverse("challenges:list")).content.decode()


def test_invalid_form_keeps_input_and_shows_errors(client, world):
    client.force_login(world["users"]["own_staff"])
    response = client.post(reverse("challenges:create"), {"kind": "job_shadowing", "title": "Bandymas"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Bandymas"' in body
    assert "id_department_errors" in body


def test_wagtail_admin_lists_snippets(client, world):
    client.force_login(world["users"]["admin"])
    for model in ("challenge", "municipality", "staffmembership", "engagement"):
        response = client.get(f"/admin/snippets/challenges/{model}/")
        assert response.status_code == 200, model
    response = client.get(f"/admin/snippets/challenges/challenge/edit/{world['open'].pk}/")
    assert response.status_code == 200
    response = client.get(
        f"/admin/snippets/challenges/staffmembership/edit/{world['users']['unapproved_staff'].staff_membership.pk}/"
    )
    assert response.status_code == 200
    assert 'name="approved"' in response.content.decode()


def test_django_admin_approve_action(client, world):
    membership = world["users"]["unapproved_staff"].staff_membership
    client.force_login(world["users"]["admin"])
    response = client.post(
        "/django-admin/challenges/staffmembership/",
        {"action": "approve", "_selected_action": [membership.pk]},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.approved and membership.approved_at is not None


def test_admin_approves_staff_in_wagtail(client, world):
    membership = world["users"]["unapproved_staff"].staff_membership
    client.force_login(world["users"]["admin"])
    response = client.post(
        f"/admin/snippets/challenges/staffmembership/edit/{membership.pk}/",
        {
            "user": membership.user_id,
            "municipality": membership.municipality_id,
            "job_title": "Specialistė",
            "approved": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership.refresh_from_db()
    assert membership.approved and membership.approved_at is not None
    assert permissions.can_create_challenge(membership.user)


def test_challenges_of_a_city_hub_in_both_languages(site_tree):
    from challenges.models import Challenge
    from tests.factories import MunicipalityFactory

    linked = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", city_page=site_tree["city"])
    other = MunicipalityFactory(city_name="Kaunas")
    mine = ChallengeFactory(municipality=linked)
    ChallengeFactory(municipality=other)
    for page in (site_tree["city"], site_tree["city_en"]):
        assert list(Challenge.objects.open().for_city_page(page)) == [mine]
    linked.city_page = None
    linked.save()
    assert list(Challenge.objects.for_city_page(site_tree["city_en"])) == [mine]  # by municipality name


def test_city_include_renders(world):
    from django.template.loader import render_to_string

    html = render_to_string("challenges/_city_challenges.html", {"challenges": [world["open"]]})
    assert "Atviras iššūkis" in html and "municipality=alytus" in html
