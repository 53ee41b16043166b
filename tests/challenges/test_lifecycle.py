"""Lifecycle table, model and form validation (job shadowing), QuerySet helpers."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from challenges import services
from challenges.forms import ChallengeForm
from challenges.models import Challenge
from tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db

ALLOWED = {
    ("draft", "open"),
    ("draft", "closed"),
    ("open", "in_progress"),
    ("open", "closed"),
    ("in_progress", "open"),
    ("in_progress", "closed"),
}
STATUSES = ["draft", "open", "in_progress", "closed"]


@pytest.mark.parametrize("old", STATUSES)
@pytest.mark.parametrize("new", STATUSES)
def test_transition_table(world, old, new):
    challenge = ChallengeFactory(municipality=world["home"], status=old)
    user = world["users"]["own_staff"]
    if (old, new) in ALLOWED:
        services.transition(user, challenge, new)
    else:
        with pytest.raises(services.ChallengeError):
            services.transition(user, challenge, new)
    challenge.refresh_from_db()
    assert challenge.status == (new if (old, new) in ALLOWED else old)


def test_closed_is_final(world):
    challenge = ChallengeFactory(municipality=world["home"], status="closed")
    assert services.allowed_transitions(challenge) == ()


def test_unknown_status_is_refused(world):
    with pytest.raises(services.ChallengeError):
        services.transition(world["users"]["own_staff"], world["open"], "archived")


@pytest.mark.parametrize("role", ["member", "expert", "unapproved_staff", "other_staff", "admin"])
def test_only_owning_approved_staff_transition(world, role):
    with pytest.raises(PermissionDenied):
        services.transition(world["users"][role], world["open"], "closed")


def test_revoking_approval_removes_rights(world):
    user = world["users"]["own_staff"]
    membership = user.staff_membership
    membership.approved = False
    membership.save()
    assert membership.approved_at is None
    with pytest.raises(PermissionDenied):
        services.transition(user, world["open"], "closed")


def test_approval_is_stamped(world):
    membership = world["users"]["unapproved_staff"].staff_membership
    assert membership.approved_at is None
    membership.approved = True
    membership.save()
    assert membership.approved_at is not None


def test_transition_view_reports_bad_step_without_crash(client, world):
    client.force_login(world["users"]["own_staff"])
    from django.urls import reverse

    response = client.post(reverse("challenges:transition", args=[world["open"].pk]), {"status": "draft"}, follow=True)
    assert response.status_code == 200
    world["open"].refresh_from_db()
    assert world["open"].status == "open"
    assert any("cannot go" in str(m) or "negali" in str(m) for m in response.context["messages"])


def job_shadowing_data(**overrides):
    data = {
        "kind": "job_shadowing",
        "title": "Darbo vietos pasimatavimas architektūros skyriuje",
        "description": "Savaitė savivaldybės architektūros skyriuje.",
        "hours_needed_per_month": 40,
        "in_person": "on",
        "department": "Architektūros skyrius",
        "places": 2,
        "shadowing_start": "2027-03-01",
        "shadowing_end": "2027-03-05",
        "languages_required": "lt, EN",
        "skills_wanted": "planavimas\nteritorijų planavimas, planavimas",
    }
    data.update(overrides)
    return data


def test_form_accepts_complete_job_shadowing():
    form = ChallengeForm(job_shadowing_data())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["languages_required"] == ["lt", "en"]
    assert form.cleaned_data["skills_wanted"] == ["planavimas", "teritorijų planavimas"]


@pytest.mark.parametrize("missing", ["department", "places", "shadowing_start", "shadowing_end"])
def test_form_requires_job_shadowing_details(missing):
    form = ChallengeForm(job_shadowing_data(**{missing: ""}))
    assert not form.is_valid()
    assert missing in form.errors


def test_form_rejects_end_before_start():
    form = ChallengeForm(job_shadowing_data(shadowing_start="2027-03-05", shadowing_end="2027-03-01"))
    assert not form.is_valid()
    assert "shadowing_end" in form.errors


def test_other_kinds_need_no_shadowing_details():
    form = ChallengeForm(
        job_shadowing_data(kind="mentoring", department="", places="", shadowing_start="", shadowing_end="")
    )
    assert form.is_valid(), form.errors


def test_form_rejects_bad_language_codes():
    form = ChallengeForm(job_shadowing_data(languages_required="lt, english"))
    assert not form.is_valid()
    assert "languages_required" in form.errors


def test_model_validation_of_job_shadowing(world):
    challenge = Challenge(
        municipality=world["home"], kind="job_shadowing", title="x", description="y", hours_needed_per_month=1
    )
    with pytest.raises(ValidationError) as info:
        challenge.full_clean()
    assert {"department", "places", "shadowing_start", "shadowing_end"} <= set(info.value.message_dict)
    challenge.department, challenge.places = "Skyrius", 1
    challenge.shadowing_start, challenge.shadowing_end = datetime.date(2027, 1, 2), datetime.date(2027, 1, 1)
    with pytest.raises(ValidationError) as info:
        challenge.full_clean()
    assert set(info.value.message_dict) == {"shadowing_end"}


def test_queryset_helpers(world):
    closed = ChallengeFactory(municipality=world["other"], status="closed")
    assert set(Challenge.objects.open()) == {world["open"]}
    assert set(Challenge.objects.for_municipality(world["other"])) == {closed}
    assert world["draft"] not in Challenge.objects.visible_to(world["users"]["other_staff"])
    assert world["draft"] in Challenge.objects.visible_to(world["users"]["own_staff"])
    assert world["draft"] not in Challenge.objects.visible_to(world["users"]["unapproved_staff"])
    assert world["draft"] in Challenge.objects.visible_to(world["users"]["admin"])
